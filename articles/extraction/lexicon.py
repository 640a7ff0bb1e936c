"""General-knowledge word lists the rules lean on.

Nothing here is taken from a particular article: these are titles, honorifics,
reporting verbs, party forms, organisation suffixes and the like that any
English-language newsroom style guide would list. Countries come from
pycountry plus the common short names news copy uses.
"""

from __future__ import annotations

import re

import pycountry


def words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


def phrases(text: str) -> frozenset[str]:
    """A set of the comma-separated phrases of ``text`` (spaces inside kept)."""
    return frozenset(" ".join(p.split()) for p in text.split(",") if p.strip())


# --- people -----------------------------------------------------------------

#: Honorifics written before a name; value is the gender they imply.
HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dr": "",
    "prof": "",
    "professor": "",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "baroness": "f",
    "baron": "m",
    "rev": "",
    "reverend": "",
    "captain": "",
    "capt": "",
    "colonel": "",
    "col": "",
    "gen": "",
    "major": "",
    "lieutenant": "",
    "sgt": "",
    "sergeant": "",
    "inspector": "",
    "detective": "",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "pope": "m",
    "archbishop": "",
    "bishop": "",
    "cardinal": "m",
    "sheikh": "m",
    "ayatollah": "m",
    "justice": "",
    "judge": "",
    "sen": "",
    "rep": "",
    "gov": "",
    "lt": "",
    "maj": "",
    "adm": "",
    "cmdr": "",
    "cpl": "",
    "pvt": "",
    "brig": "",
    "atty": "",
    "supt": "",
    "insp": "",
    "det": "",
    "cllr": "",
    "hon": "",
    "amb": "",
    "honourable": "",
    "honorable": "",
    "senator": "",
    "father": "m",
    "brother": "m",
    "sister": "f",
}
#: Titles written abbreviated with a full stop before a name (AP style: "Rep.",
#: "Sen.", "Gov.", "Lt. Col.", "Dr."); the stop does not end the name's run.
ABBREVIATED_TITLES = words(
    """
    mr mrs ms dr prof rev sen rep gov lt col gen capt sgt maj adm cmdr cpl pvt brig atty supt
    insp det cllr hon amb st fr sr jr
    """
)
#: Holders whose office is named after them with a possessive ("the Sheriff's
#: Office", "the Attorney General's Office"), besides the title heads.
OFFICE_HOLDERS = words("sheriff coroner comptroller auditor solicitor-general marshal clerk")
#: Second halves of compound adjectives after a name ("Texas-born", "UN-run"),
#: besides words in -ed, -ing, -er, -ian, -ist ...; other lower-case halves are
#: part of a name ("Kim Yong-hyun", "Jean-luc").
COMPOUND_TAILS = words(
    """
    born based led run made style era wide like type free only bound area friendly owned
    backed specific centric focused linked related dominated controlled sized long old year
    month day week time term level class scale wing affiliated allied
    """
)
#: Nouns for things an acronym before them classifies ("the HE sector", "a GCSE
#: exam"): such an acronym is no actor.
THING_NOUNS = words(
    """
    sector exam exams test tests standard standards scores score system systems programme
    program scheme rules format rating ratings status degree degrees level levels index
    grade grades qualification qualifications certificate syndrome virus vaccine vaccines
    vaccination vaccinations pandemic outbreak cases infections patients deaths restrictions
    testing symptoms variant
    """
)
#: US state and district abbreviations, postal ("TX", "DC") and AP style
#: ("Calif.", "Md."): after "City, " they name a place, never an actor.
US_STATE_ABBREVIATIONS = words(
    """
    al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh
    nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex vt va wash wis wyo d.c n.y n.j n.m n.c n.d n.h s.c s.d
    w.va r.i
    """
)
#: A state's bodies, named in lower case after the state or its demonym ("the
#: Peruvian foreign ministry", "the US military", "Russia's defence ministry").
NATIONAL_BODIES = phrases(
    """
    ministry, government, military, army, navy, air force, embassy, cabinet,
    central bank, security forces, armed forces, coast guard, intelligence service,
    intelligence services, foreign office, state department
    """
)
#: Words between the state and the body ("foreign ministry", "federal police").
BODY_MODIFIERS = words(
    """
    foreign defence defense interior finance health justice education economy trade
    federal national state military
    """
)
#: Last words of the names of laws, treaties and other documents, never actors.
LAW_WORDS = words(
    "act acts bill bills law treaty accord accords agreement amendment directive convention "
    "protocol charter code statute ordinance resolution"
)
#: Suffixes after a surname ("J. Paul Dole Jr.", "Henry Ford III").
NAME_SUFFIXES = words("jr sr ii iii iv")
#: English short forms of given names that are not their first letters ("Bill"
#: for William); the others ("Pat", "Chris") are matched by prefix.
NICKNAMES = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "dick": "richard",
    "rick": "richard",
    "jim": "james",
    "jimmy": "james",
    "jack": "john",
    "johnny": "john",
    "ted": "edward",
    "ned": "edward",
    "peggy": "margaret",
    "maggie": "margaret",
    "meg": "margaret",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betty": "elizabeth",
    "bess": "elizabeth",
    "kate": "katherine",
    "kathy": "katherine",
    "sandy": "alexander",
    "tony": "anthony",
    "mike": "michael",
    "mick": "michael",
    "larry": "lawrence",
    "jerry": "gerald",
    "hank": "henry",
    "harry": "henry",
    "chuck": "charles",
    "charlie": "charles",
    "steve": "stephen",
    "joe": "joseph",
    "andy": "andrew",
    "drew": "andrew",
    "sue": "susan",
    "jenny": "jennifer",
    "jen": "jennifer",
    "dave": "david",
    "tom": "thomas",
    "tommy": "thomas",
    "pete": "peter",
    "sam": "samuel",
    "ben": "benjamin",
    "nick": "nicholas",
}
#: Legal forms after a firm's name ("SoftBank Group Corp", "Acme Holdings Ltd").
CORPORATE_SUFFIXES = words(
    "group corp corporation inc incorporated co company ltd limited plc llc lp holdings sa ag nv"
)
#: Honorifics that stay part of a name when no first name follows ("Lord Goldsmith").
PEERAGE = words(
    """
    lord lady baroness baron
    """
)

#: Common given names (general knowledge, not taken from any article), with the
#: gender they usually mark. A capitalised pair starting with one is a person.
MALE_FIRST_NAMES = words(
    """
    aaron adam adrian ahmed alan alastair albert alex alexander alfred ali alistair andrew
    andrei andy angus anthony antonio archie arnold arthur barry ben benjamin bernard bill
    billy bob boris brendan brian bruce carl carlos charles charlie chris christopher clive
    colin craig dan daniel danny darren dave david dean dennis derek des dominic donald
    douglas duncan ed eddie edward eric ernest francis frank fred frederick gareth garry
    gary gavin geoff geoffrey george gerald gerry giles gordon graham greg gregory guy harold
    harry henry herbert howard hugh iain ian ivan jack jacques james jamie jason jeff
    jeremy jerry jim jimmy joe john johnny jon jonathan jose joseph juan julian justin keith
    ken kenneth kevin kim larry lee leon leonard liam louis luke malcolm marc mark martin
    matt matthew max michael mick mike mikhail mohammed muhammad neil nicholas nick nigel
    norman oliver oscar owen paddy patrick paul pedro pete peter phil philip pierre ralph ray
    raymond reg richard rick rob robert robin rod roger ronald ross roy rupert russell ryan
    sam samuel scott sean sebastian sergei simon stan stanley stephen steve steven stuart ted
    terry theo thomas tim timothy tom tommy tony trevor vernon victor vince vincent vladimir
    walter warren wayne william willie yuri
    """
)
FEMALE_FIRST_NAMES = words(
    """
    abigail alice alison amanda amelia amy andrea angela angelina ann anna anne annie
    barbara beatrice beth betty beverley brenda bridget carol caroline catherine cathy
    charlotte cherie chloe christine clare claire deborah debbie denise diana diane donna
    dorothy edith eileen elaine eleanor elizabeth ella ellen emily emma estelle eve fiona
    frances gillian gloria hannah harriet hazel heather helen helena hillary irene isabel
    jackie jacqueline jan jane janet jean jennifer jenny jessica jill joan joanna josephine
    joyce judith judy julia julie karen kate katherine kathleen kathryn kelly laura lauren
    linda lisa liz lorraine louise lucy lynne maggie margaret maria marie marion martha
    mary maureen melanie michelle miriam molly nancy natalie nicola nicole nora olivia
    patricia pauline penny rachel rebecca rose ruth sally samantha sandra sarah sharon
    sheila shirley sophie stella susan suzanne tessa theresa tracey valerie vanessa
    victoria virginia wendy yvette yvonne zoe
    """
)
FIRST_NAME_GENDER = {**{n: "m" for n in MALE_FIRST_NAMES}, **{n: "f" for n in FEMALE_FIRST_NAMES}}

#: Capitalised words that head a job title ("Prime Minister", "Home Secretary").
TITLE_HEADS = words(
    """
    president minister secretary secretary-general chancellor leader chairman chairwoman chair
    spokesman spokeswoman spokesperson governor mayor senator ambassador envoy commissioner
    director director-general general premier chief executive speaker vice-president deputy head
    whip mp msp mep qc am congressman congresswoman representative treasurer attorney prosecutor
    counsel editor correspondent economist analyst welshman scotsman englishman irishman
    frenchman welshwoman scotswoman englishwoman irishwoman countryman countrywoman
    """
)
#: Words that may precede a title head inside the title ("Prime", "Home", "Shadow").
TITLE_MODIFIERS = words(
    """
    prime deputy first home foreign shadow chief vice attorney acting former interim junior
    senior defence defense health education culture trade transport environment work pensions
    treasury finance economy energy interior justice industry employment immigration europe
    constitutional solicitor chief-executive commons lords opposition party general state lord
    cabinet agriculture housing welfare communities business sports sport science arts media
    development international local government the of for and executive managing non-executive
    press
    """
)
#: Post-nominal titles ("Margaret Moran MP").
POST_NOMINALS = words(
    """
    mp msp mep qc am obe mbe cbe kc jr sr
    """
)

#: Lower-case nouns that name a job; a name right after them is a person.
ROLE_NOUNS = words(
    """
    member lecturer leader minister secretary chancellor president spokesman spokeswoman
    spokesperson chairman chairwoman chair chief executive director mp msp mep economist analyst
    journalist professor barrister lawyer solicitor judge editor governor mayor envoy ambassador
    boss founder co-founder head manager officer candidate colleague author writer singer dancer
    actor actress star player coach campaigner activist expert researcher adviser advisor aide
    commissioner deputy co-chairman owner investor banker trader strategist official master
    presenter broadcaster reporter correspondent historian scientist doctor surgeon teacher
    pupil student businessman businesswoman tycoon entrepreneur billionaire millionaire
    chairperson treasurer whip peer backbencher counsel prosecutor partner consultant
    commentator columnist critic mp's vice-chairman vice-president co-chair general
    secretary-general director-general president-elect premier senator congressman
    representative captain striker midfielder defender goalkeeper winger veteran rival
    challenger incumbent nominee musician rapper comedian novelist poet artist designer chef
    model fellow ceo cfo md attorney sheriff host anchor administrator superintendent
    inspector detective constable lieutenant sergeant colonel pastor priest rabbi imam bishop
    principal dean provost clerk vice-president-elect deputy-director
    """
)

#: Job titles that, after "the", stand for the person the text names holding
#: them ("the sheriff said" is the named sheriff).
PERSON_ROLE_HEADS = words(
    """
    mp msp mep minister secretary leader president chancellor chairman chairwoman spokesman
    spokeswoman spokesperson premier mayor governor chief executive general director
    commissioner sheriff attorney prosecutor judge coroner ambassador envoy senator
    congressman congresswoman commander superintendent administrator principal ceo founder
    president-elect lady
    """
)
#: Other words for a job title, by the usual form ("the premier" is the prime minister).
ROLE_SYNONYMS = {"premier": "prime minister", "pm": "prime minister", "ceo": "chief executive"}
#: Nouns that stand for an organisation named before ("the company", "the
#: ministry", "the central bank").
ORG_ANAPHOR_HEADS = words(
    """
    company firm group bank watchdog regulator body organisation organization agency charity
    insurer lender carrier airline giant retailer ministry department union council commission
    tribunal office
    """
)
#: Nouns for a speaker that the text does not name ("critics said").
GENERIC_SPEAKERS = words(
    """
    critics officials ministers mps msps meps police analysts experts campaigners researchers
    sources observers economists investors traders residents witnesses opponents supporters
    spokesman spokeswoman spokesperson insiders aides diplomats commentators unions members
    people voters peers lawyers doctors teachers scientists activists protesters leaders
    politicians councils authorities they we i you it
    """
)

#: Nouns for a document that speaks for its author or owner ("the report said").
DOCUMENT_NOUNS = words(
    """
    manifesto study report survey research poll figures data analysis book minutes statement
    letter document paper review inquiry findings evidence memo documents papers
    """
)
#: Organisation nouns that, after "the", are the firm the article is about.
FIRM_HEADS = words("company firm group")
#: Words that make a title a lesser one ("Deputy Prime Minister" is not "the
#: prime minister").
LESSER_TITLES = words("deputy vice shadow former assistant junior acting ex under future")
#: Titles that end an inverted credit before the name ("said its chief executive,
#: Sir Howard Newby").
TITLES_BEFORE_NAME = words(
    "executive chief spokesman spokeswoman chairman chairwoman director secretary minister "
    "leader president head economist analyst founder editor governor manager mp"
)
#: Words opening a noun phrase after an inverted verb ("said a spokesman").
SPEAKER_DETERMINERS = words("a an the its his her their one some")
#: Determiners of a speaker the text leaves unnamed ("a senior figure", "her mother").
INDEFINITE_DETERMINERS = words("a an one another")
POSSESSIVE_DETERMINERS = words("her his their my our")
#: Words that may join a job title to a workplace ("director of the ...").
WORKPLACE_LINKS = words("the of at for")

# --- reporting --------------------------------------------------------------

#: Reporting verbs (whole words), and phrases of several words.
REPORTING_WORDS = words(
    """
    queried queries reckons reckoned disputed objected slammed blasted
    branded
    say says said saying tell tells told telling claim claims claimed claiming warn warns
    warned warning argue argues argued arguing insists insisted insisting deny denies denied
    denying accuses accused accusing urges urged urging announces announced announcing
    confirm confirms confirmed confirming acknowledges acknowledged acknowledging expresses
    expressed expressing reveal reveals revealed revealing assert asserts asserted asserting
    stated stating added adding predict predicts predicted predicting recall recalls
    recalled recalling remembers remembered questioned questioning ask asks asked asking
    replied replying declare declares declared declaring explain explains explained
    explaining suggest suggests suggested suggesting admit admits admitted admitting concede
    concedes conceded conceding noted noting stress stresses stressed stressing emphasise
    emphasised emphasising emphasize emphasized emphasizing maintain maintains maintained
    maintaining hinted hinting describe describes described describing refer refers referred
    referring called calling criticise criticised criticises criticising criticize
    criticized attacked attacking defend defends defended defending hailed hailing ridicule
    ridiculed ridicules challenged challenging reject rejects rejected rejecting dismiss
    dismisses dismissed dismissing welcomes welcomed welcoming praise praises praised
    praising condemn condemns condemned condemning complain complains complained complaining
    reported estimated forecast vowed vowing pledged pledging promised promising boasted
    boasting writes wrote joked joking feared believe believes believed demanded demanding
    allege alleges alleged alleging blame blames blamed blaming deride derides derided
    deriding reiterate reiterated reiterates articulate articulated articulates affirm
    affirms affirmed affirming indicate indicated voiced recommend recommended recommends
    propose proposed proposes accepted disagree disagreed disagrees agreed attribute
    attributed attributes jeer jeered jeers shout shouted shouts cried responded countered
    retorted protested expect expects expected think thinks thought hoped shows showed
    conclude concludes concluded contend contends contended observed quipped cautioned
    speculated mentioned recounted testified briefed informed assured reassured pleaded
    appealed threatened threatens add adds insist announce acknowledge urge accuse write
    boast boasts remark remarks remarked commented disclosed
    remind reminds reminded reminding assailed assail assails divulged divulge divulges
    testify testifies testifying encouraged encourages touted touts touting cited cites
    citing lamented lamenting insisted argued contended notes
    """
)
REPORTING_PHRASES = (
    "call on",
    "calls on",
    "called on",
    "calling on",
    "call for",
    "calls for",
    "called for",
    "calling for",
    "hit out",
    "hits out",
    "hitting out",
    "lashed out",
    "point out",
    "points out",
    "pointed out",
    "pointing out",
    "point to",
    "points to",
    "pointed to",
    "pointing to",
    "made clear",
    "make clear",
    "makes clear",
    "made it clear",
    "makes it clear",
    "according to",
    # A court's or an inquiry's finding: "the tribunal found that ...".
    "found that",
    "finds that",
    "ruled that",
    "rules that",
)
_REPORTING_ALT = "|".join(
    sorted(REPORTING_PHRASES, key=len, reverse=True) + sorted(REPORTING_WORDS)
)
#: Any reporting verb or phrase, whole words only (slow: prefer ``find_reporting``).
REPORTING_RE = re.compile(r"\b(?:" + _REPORTING_ALT + r")\b", re.IGNORECASE)
#: The verbs that introduce a quote or speech most often, for short speaker clauses.
SPEECH_VERBS = words(
    "say says said saying tell tells told ask asks asked add adds added reply replied replies "
    "declare declared declares insist insisted insists warn warned warns claim claimed claims "
    "argue argued argues explain explained explains joke joked admit admitted concede conceded "
    "state stated stating write wrote writes continue continued continues go went "
    "stress stressed note noted suggest suggested recall recalled remember remembered "
    "urge urged announce announced confirm confirmed quip quipped retort retorted "
    "respond responded counter countered shout shouted cry cried jeer jeered "
    "describe described call called refer referred"
)
#: Verbs too weak to make a sentence reported speech unless a speaker is named.
WEAK_VERBS = words(
    "expect expects expected think thinks thought hope hopes hoped show shows showed find finds "
    "found agree agreed agrees accept accepts accepted call called calling calls report "
    "reports reported fear fears feared press pressed pressing voice voiced voices "
    "promise promises promised promising propose proposed proposes signal signals "
    "signalled signaled indicate indicates indicated indicating believe believes believed "
    "estimate estimates estimated forecast forecasts highlight highlights highlighted"
) | {"found that", "finds that", "ruled that", "rules that"}
_WORD_ONLY_RE = re.compile(r"[A-Za-z]+")


def _phrase_tails() -> dict[str, re.Pattern]:
    """First word of a reporting phrase -> a pattern for the words after it."""
    rests: dict[str, list[str]] = {}
    for phrase in REPORTING_PHRASES:
        first, rest = phrase.split(" ", 1)
        rests.setdefault(first, []).append(r"\s+".join(rest.split()))
    return {
        first: re.compile(
            r"\s+(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")\b", re.IGNORECASE
        )
        for first, alts in rests.items()
    }


_PHRASE_TAIL_RE = _phrase_tails()
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_REPORTING_LOOKUP = frozenset(REPORTING_WORDS | set(_PHRASE_TAIL_RE))


_BRANDED_SUBJECT_RE = re.compile(
    r"(?:\b(?:he|she|they|it|has|have|had|also|who|which|was|were)|[A-Z][\w'\u2019-]*|,)\s+$"
)


_NAMED_THING_RE = re.compile(
    r"\b(?:firm|company|group|party|organisation|organization|business|venture|body|charity|"
    r"campaign|website|book|film|programme|show|scheme|initiative|town|village|place|band|"
    r"man|woman|person|boy|girl)\s+$",
    re.IGNORECASE,
)
#: "a seller called", "an umbrella group called": an indefinite noun phrase before
#: "called" is named by it, unless its noun is a speaker ("a spokesman called").
_A_THING_BEFORE_RE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s+$", re.IGNORECASE)
_SPEAKER_NOUNS = ROLE_NOUNS | GENERIC_SPEAKERS
_NOT_THAT_RE = re.compile(r"(?!\s+that\b)", re.IGNORECASE)
_TO_RE = re.compile(r"\s+to\s", re.IGNORECASE)
_CALL_OFF_RE = re.compile(r"\s+(?:back|off|in)\b", re.IGNORECASE)
_REJECT_OFFER_RE = re.compile(
    r"\s+(?:[^\s.;:!?]+\s+){0,3}?(?:offer|offers|bid|bids|approach|takeover|buyout)\b",
    re.IGNORECASE,
)
#: Reporting words that name a deed, not speech, before these objects.
_ACTION_OBJECT_RES = {
    **{w: _CALL_OFF_RE for w in ("call", "calls", "called", "calling")},
    **{w: _REJECT_OFFER_RE for w in ("reject", "rejects", "rejected", "rejecting")},
    "expected": _TO_RE,  # "a party expected to launch on Wednesday": a forecast, not speech
    # "agreed to a rescue", "agreed to return the cash": a deal, not a statement
    **{w: _TO_RE for w in ("agree", "agrees", "agreed", "agreeing")},
    "maintain": _NOT_THAT_RE,  # "want to maintain their profits": keep, not state
    # "accepted the resignation": a deed; "accepted that ..." is a statement
    **{w: _NOT_THAT_RE for w in ("accept", "accepts", "accepted")},
}


def _names_a_thing(text: str, called_at: int) -> bool:
    """Whether "called" at ``called_at`` names what comes before it ("the firm
    called Baikal", "a seller called "E-Life"")."""
    if _NAMED_THING_RE.search(text, max(0, called_at - 20), called_at):
        return True
    thing = _A_THING_BEFORE_RE.search(text, max(0, called_at - 40), called_at)
    return thing is not None and thing.group(1).lower() not in _SPEAKER_NOUNS


def find_reporting(text: str) -> list[tuple[int, int, str]]:
    """Every reporting verb or phrase in ``text``: (start, end, lower-case form)."""
    # Only a handful of distinct words in an article are reporting words: find
    # which, then look for just those (a per-word loop in Python is the slow part).
    low = text.translate(_ASCII_LOWER)  # same length as text, unlike str.lower()
    present = set(_WORD_ONLY_RE.findall(low)) & _REPORTING_LOOKUP
    if not present:
        return []
    starts = []
    n = len(low)
    for word in present:
        size = len(word)
        at = low.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or not low[at - 1].isalpha()) and (end == n or not low[end].isalpha()):
                starts.append((at, end))
            at = low.find(word, end)
    starts.sort()
    found = []
    for m_start, m_end in starts:
        word = low[m_start:m_end]
        if text[m_start].isupper() and m_start > 0:
            k = m_start - 1
            while k > 0 and text[k] == " ":
                k -= 1
            if text[k] not in '.!?\n"\u201c:_':
                continue  # a capitalised word mid-sentence is a name ("Advance Warning")
        tail = _PHRASE_TAIL_RE.get(word)
        if tail is not None:
            t = tail.match(text, m_end)
            if t:
                phrase = " ".join(text[m_start : t.end()].lower().split())
                found.append((m_start, t.end(), phrase))
                continue
        if word in REPORTING_WORDS:
            if word in _ACTION_OBJECT_RES and _ACTION_OBJECT_RES[word].match(text, m_end):
                continue  # "calling back 17,000 cars", "rejected a takeover offer": deeds
            if word == "called" and _names_a_thing(text, m_start):
                continue  # "a firm called Baikal": a name, not speech
            if word == "branded" and not _BRANDED_SUBJECT_RE.search(
                text, max(0, m_start - 20), m_start
            ):
                continue  # "branded products": an adjective
            found.append((m_start, m_end, word))
    return found


PASSIVE_RE = re.compile(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:also\s+)?(?:told|asked|"
    r"expected|thought|believed|called|reported|found|described|"
    r"accused|urged|warned|promised|estimated|forecast)\b",
    re.IGNORECASE,
)

# --- organisations ----------------------------------------------------------

#: Capitalised words that make a run of capitalised words an organisation.
ORG_KEYWORDS = words(
    """
    party council commission bank ltd inc plc llc corp corporation group university college
    school office ministry department union institute institution association federation
    confederation committee authority agency organisation organization foundation trust society
    league alliance coalition parliament assembly executive congress senate court tribunal board
    bureau service services forces army navy police company co bros brothers chambers holdings
    industries airways airlines motors library museum hospital network networks news times post
    telegraph guardian journal herald gazette press tribune observer mirror express mail sun
    broadcasting television radio channel media communications telecom telecommunications
    technologies systems securities exchange fund reserve capital partners investments energy
    petroleum oil gas pharmaceuticals foods stores store supermarkets group's centre center unit
    cabinet government administration chamber house commons lords directorate inspectorate
    watchdog regulator consortium cartel brigade regiment squad club fc team orchestra band
    studios pictures records entertainment games labs laboratories commissions councils unions
    courts committees trusts boards authorities parties nations states community movement front
    initiative forum panel office's academy observatory laboratory conservatory seminary
    international watch
    """
)
#: Keywords that only make an organisation when something follows ("House of ...").
ORG_KEYWORDS_NEED_TAIL = words(
    """
    house chamber community states nations forum movement front centre center panel initiative
    """
)
#: Connectors allowed inside an organisation's name.
ORG_CONNECTORS = words(
    """
    of for the a against and de du des &
    """
)

#: Party forms -> canonical party name.
PARTY_FORMS = {
    "labour": "Labour Party",
    "labour party": "Labour Party",
    "new labour": "Labour Party",
    "tory": "Conservative Party",
    "tories": "Conservative Party",
    "conservative": "Conservative Party",
    "conservatives": "Conservative Party",
    "conservative party": "Conservative Party",
    "tory party": "Conservative Party",
    "liberal democrat": "Liberal Democrats",
    "liberal democrats": "Liberal Democrats",
    "lib dem": "Liberal Democrats",
    "lib dems": "Liberal Democrats",
    "liberal democrat party": "Liberal Democrats",
    "libdems": "Liberal Democrats",
    "snp": "Scottish National Party",
    "scottish national party": "Scottish National Party",
    "plaid cymru": "Plaid Cymru",
    "plaid": "Plaid Cymru",
    "ukip": "UK Independence Party",
    "uk independence party": "UK Independence Party",
    "green party": "Green Party",
    "greens": "Green Party",
    "sinn fein": "Sinn Fein",
    "dup": "Democratic Unionist Party",
    "democratic unionist party": "Democratic Unionist Party",
    "democratic unionists": "Democratic Unionist Party",
    "ulster unionist party": "Ulster Unionist Party",
    "uup": "Ulster Unionist Party",
    "ulster unionists": "Ulster Unionist Party",
    "sdlp": "SDLP",
    "bnp": "British National Party",
    "british national party": "British National Party",
    "respect party": "Respect Party",
    "veritas": "Veritas",
    "democrats": "Democratic Party",
    "democratic party": "Democratic Party",
    "republicans": "Republican Party",
    "republican party": "Republican Party",
    "gop": "Republican Party",
}
#: Party forms that are also plain adjectives: count only when capitalised mid-sentence
#: or followed by a person/role.
PARTY_ADJECTIVES = words(
    """
    labour conservative democrat republican green
    """
)

#: Institutions every newsroom names by a plain phrase.
KNOWN_ORGS = {
    "house of commons": "House of Commons",
    "commons": "House of Commons",
    "house of lords": "House of Lords",
    "lords": "House of Lords",
    "parliament": "Parliament",
    "white house": "White House",
    "downing street": "Downing Street",
    "number 10": "Downing Street",
    "no 10": "Downing Street",
    "kremlin": "Kremlin",
    "pentagon": "Pentagon",
    "treasury": "Treasury",
    "home office": "Home Office",
    "foreign office": "Foreign Office",
    "european union": "European Union",
    "eu": "European Union",
    "united nations": "United Nations",
    "un": "United Nations",
    "european commission": "European Commission",
    "european parliament": "European Parliament",
    "nato": "NATO",
    "congress": "Congress",
    "senate": "Senate",
    "federal reserve": "Federal Reserve",
    "fed": "Federal Reserve",
    "bank of england": "Bank of England",
    "world bank": "World Bank",
    "imf": "International Monetary Fund",
    "international monetary fund": "International Monetary Fund",
    "wto": "World Trade Organization",
    "world trade organization": "World Trade Organization",
    "world trade organisation": "World Trade Organization",
    "opec": "OPEC",
    "oecd": "OECD",
    "g8": "G8",
    "g7": "G7",
    "g20": "G20",
    "bbc": "BBC",
    "cnn": "CNN",
    "reuters": "Reuters",
    "financial times": "Financial Times",
    "sunday times": "Sunday Times",
    "daily telegraph": "Daily Telegraph",
    "daily mail": "Daily Mail",
    "daily express": "Daily Express",
    "daily mirror": "Daily Mirror",
    "evening standard": "Evening Standard",
    "wall street journal": "Wall Street Journal",
    "new york times": "New York Times",
    "washington post": "Washington Post",
    "associated press": "Associated Press",
    "press association": "Press Association",
    "whitehall": "Whitehall",
    "met office": "Met Office",
    "scotland yard": "Scotland Yard",
    "electoral commission": "Electoral Commission",
    "supreme court": "Supreme Court",
    "high court": "High Court",
    "court of appeal": "Court of Appeal",
    "metropolitan police": "Metropolitan Police",
    "met police": "Metropolitan Police",
    "nhs": "NHS",
    "cbi": "CBI",
    "tuc": "TUC",
    "ftse": "FTSE",
    "nasdaq": "Nasdaq",
    "al-qaeda": "al-Qaeda",
    "al qaeda": "al-Qaeda",
    "taleban": "Taleban",
    "taliban": "Taliban",
    "hamas": "Hamas",
    "hezbollah": "Hezbollah",
    "interpol": "Interpol",
    "europol": "Europol",
    "unicef": "Unicef",
    "unesco": "Unesco",
    "ofcom": "Ofcom",
    "ofgem": "Ofgem",
    "ofwat": "Ofwat",
    "ofsted": "Ofsted",
    "vatican": "Vatican",
}

#: One-word newspaper titles, named with their article ("the Times").
NEWSPAPERS = words(
    """
    times guardian telegraph mirror observer independent sun economist scotsman herald express
    mail standard spectator star record
    """
)

#: All-caps words that are not organisations.
NOT_ORG_ACRONYMS = words(
    """
    I II III IV V VI VII VIII IX X XI XII OK TV AM PM GMT BST GDP GNP VAT CEO CFO COO MP MPS MSP
    MEP QC DNA HIV AIDS IT PC CD DVD FM ID UFO WMD USD GBP EUR JPY AD BC UK US USA UAE PR HQ RIP
    VIP PS NB AGM IPO CPI RPI SUV MRI ICT SMS PIN ATM UV A OBE MBE CBE KC LLC PLC LTD INC CO IQ
    MD DJ R&B ASAP FAQ GCSE GCSES MA BA BSC MBA PHD SATS TB BSE SARS HD 3G 4G 5G PDF HTML URL
    WWW LCD CCTV AWOL NIMBY
    """
)

# --- places and countries ---------------------------------------------------

#: Short names news copy uses for states, mapped to a canonical name.
COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern ireland": "Northern Ireland",
    "ireland": "Ireland",
    "eire": "Ireland",
    "russia": "Russia",
    "south korea": "South Korea",
    "north korea": "North Korea",
    "iran": "Iran",
    "syria": "Syria",
    "vietnam": "Vietnam",
    "laos": "Laos",
    "bolivia": "Bolivia",
    "venezuela": "Venezuela",
    "tanzania": "Tanzania",
    "moldova": "Moldova",
    "taiwan": "Taiwan",
    "czech republic": "Czech Republic",
    "ivory coast": "Ivory Coast",
    "congo": "Congo",
    "palestine": "Palestine",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
    "burma": "Myanmar",
    "macedonia": "North Macedonia",
    "kosovo": "Kosovo",
    "vatican city": "Vatican",
    "east timor": "East Timor",
    "cape verde": "Cape Verde",
    "swaziland": "Eswatini",
    "brunei": "Brunei",
    "micronesia": "Micronesia",
    "turkey": "Turkey",
}
#: Country names that are also common words or first names: only count when capitalised
#: and not used as a person's name.
AMBIGUOUS_COUNTRIES = words(
    """
    chad jordan georgia guinea niger jersey israel kenya china man wallis norfolk christmas
    heard bouvet
    """
)

#: Demonyms that mark a country when a state role follows ("Russian President").
DEMONYMS = {
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "irish": "Ireland",
    "russian": "Russia",
    "chinese": "China",
    "french": "France",
    "german": "Germany",
    "japanese": "Japan",
    "indian": "India",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "israeli": "Israel",
    "ukrainian": "Ukraine",
    "canadian": "Canada",
    "australian": "Australia",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "swedish": "Sweden",
    "belgian": "Belgium",
    "polish": "Poland",
    "turkish": "Turkey",
    "greek": "Greece",
    "egyptian": "Egypt",
    "saudi": "Saudi Arabia",
    "syrian": "Syria",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "nigerian": "Nigeria",
    "south african": "South Africa",
    "kenyan": "Kenya",
    "zimbabwean": "Zimbabwe",
    "palestinian": "Palestine",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "libyan": "Libya",
    "sudanese": "Sudan",
    "danish": "Denmark",
    "norwegian": "Norway",
    "finnish": "Finland",
    "austrian": "Austria",
    "portuguese": "Portugal",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "korean": "South Korea",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "filipino": "Philippines",
    "venezuelan": "Venezuela",
    "colombian": "Colombia",
    "chilean": "Chile",
    "peruvian": "Peru",
    "cuban": "Cuba",
    "ethiopian": "Ethiopia",
    "somali": "Somalia",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "tunisian": "Tunisia",
    "qatari": "Qatar",
    "kuwaiti": "Kuwait",
    "yemeni": "Yemen",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "new zealand": "New Zealand",
}
#: Words after a demonym that make the state itself the actor.
STATE_ROLES = words(
    """
    president prime minister government foreign defence defense officials authorities forces
    troops army military navy embassy ambassador leader chancellor premier king queen
    administration ministry envoy diplomats state interior finance trade deputy vice
    """
)

#: Major cities and regions most often named in international news: places, not actors.
PLACES = phrases(
    """
    london, paris, washington, brussels, moscow, beijing, tokyo, berlin, rome, madrid, new york,
    los angeles, chicago, boston, san francisco, geneva, zurich, vienna, warsaw, prague,
    budapest, athens, istanbul, ankara, cairo, baghdad, basra, tehran, kabul, islamabad,
    karachi, delhi, new delhi, mumbai, bombay, calcutta, kolkata, shanghai, hong kong,
    singapore, sydney, melbourne, toronto, montreal, ottawa, vancouver, mexico city, rio, sao
    paulo, buenos aires, lagos, nairobi, johannesburg, cape town, jerusalem, tel aviv, gaza,
    west bank, beirut, damascus, amman, riyadh, dubai, kiev, kyiv, minsk, edinburgh, glasgow,
    cardiff, belfast, manchester, liverpool, birmingham, leeds, bristol, sheffield, newcastle,
    nottingham, leicester, aberdeen, dundee, oxford, cambridge, brighton, blackpool,
    bournemouth, harrogate, exeter, swansea, derry, europe, asia, africa, latin america, south
    america, north america, middle east, far east, scandinavia, the balkans, balkans, caribbean,
    pacific, atlantic, mediterranean, gulf, alaska, texas, california, florida, ohio, yorkshire,
    lancashire, kent, essex, surrey, devon, cornwall, merseyside, midlands, west midlands, east
    midlands, highlands, westminster, english channel, d.c., washington d.c., holyrood, darfur,
    chechnya, kashmir, tibet, siberia, bavaria, catalonia, flanders, wallonia, normandy,
    brittany, silicon valley, wall street, city of london, the city, fallujah, falluja, mosul,
    kirkuk, najaf, tikrit, ramadi, sunderland, hull, york, norwich, ipswich, southampton,
    portsmouth, plymouth, reading, luton, coventry, wolverhampton, stoke, bradford, wakefield,
    doncaster, durham, inverness, perth, stirling, dover, heathrow, gatwick, stansted,
    whitehall, soho, mayfair, chelsea, brixton, dublin, lisbon, stockholm, oslo, copenhagen,
    helsinki, amsterdam, the hague, rotterdam, frankfurt, munich, hamburg, milan, naples,
    barcelona, seoul, pyongyang, bangkok, jakarta, manila, hanoi, taipei, canberra, auckland,
    wellington, havana, caracas, bogota, lima, santiago, brasilia, harare, pretoria, khartoum,
    tripoli, algiers, rabat, tunis, addis ababa, mogadishu, kinshasa, accra, dakar, abuja,
    davos, strasbourg, luxembourg city, detroit, houston, dallas, atlanta, miami, seattle,
    philadelphia, new orleans, las vegas, hollywood, manhattan, brooklyn, arizona, nevada,
    virginia, carolina, north carolina, south carolina, new jersey, new mexico, new england, new
    hampshire, iowa, michigan
    """
)

#: Capitalised words that start place names ("New York", "West Ham").
PLACE_FIRST_WORDS = words(
    """
    new north south east west upper lower great greater central st saint san santa los las fort
    port mount lake cape isle el la le north-east north-west south-east south-west
    """
)
#: Last words of place names, events, laws, documents and products.
NOT_PERSON_LAST_WORDS = words(
    """
    street road square avenue lane park bridge island islands bay river valley hills hill
    airport station stadium city county town village coast sea ocean mountains gate shire act
    bill day week year cup games olympics awards award prize festival summit treaty agreement
    accord convention report review index war show programme program plan strategy tax insurance
    fund budget scheme initiative charter directive protocol constitution code rules law order
    policy campaign project inquiry enquiry trial case scandal affair crisis election elections
    referendum conference series league championship open grand prix trophy stakes marathon tour
    album single film movie book novel magazine edition service system centre center hall palace
    castle cathedral church abbey tower building house estate market markets exchange prices
    price rate rates age era century north south east west region province state district
    borough ward quarter zone area forest desert lakes falls canal peninsula strait channel gulf
    coastline motorway way ham mac warning prison jail barracks base pounder h rings trilogy
    pass
    """
)
#: Capitalised words that are ordinary words, not parts of a person's name.
NOT_NAME_WORDS = phrases(
    """
    national, international, federal, royal, general, public, social, health, economic,
    financial, political, global, central, civil, human, foreign, northern, southern, eastern,
    western, special, higher, further, local, regional, european, world, state, new, old, big,
    little, great, grand, free, first, second, third, last, next, main, chief, senior, junior,
    former, ex, acting, interim, shadow, deputy, prime, home, internet, web, online, digital,
    mobile, net, tax, insurance, service, act, bill, budget, report, plan, fund, index, market,
    day, week, year, christmas, easter, new year, boxing, bank, holiday, monday, tuesday,
    wednesday, thursday, friday, saturday, sunday, january, february, march, july, august,
    september, october, november, december, god, allah, christ, jesus, islam, muslim, muslims,
    christian, christians, jewish, catholic, protestant, article, chapter, section, clause,
    part, page, figure, table, room, asbo, asbos, aids, ebola, sars, covid, orders, order,
    whose, smoke-free, election, elections, general election, question, questions, time, times,
    news, sport, sports, business, money, politics, science, education, culture, media, music,
    film, arts, technology, entertainment, gold, silver, bronze, oil, gas, coal, energy, power,
    water, mini, top, best, super, mega, prime-time, premier, premiership, champions, league,
    cup, open, olympic, olympics, paralympic, commonwealth, empire, kingdom, republic,
    democratic, people's, popular, independent, independence, liberal, socialist, communist,
    green, red, one, two, three, four, five, six, seven, eight, nine, ten
    """
)

#: Words that begin sentences or clauses and are never names.
STOPWORDS = words(
    """a an the this that these those there here it its it's he she they we i you his her
    their our my your him them us me who whom whose which what when where why how while
    whilst if unless although though because since as after before during until till
    but and or nor so yet for also however meanwhile moreover furthermore nevertheless
    nonetheless instead indeed still then thus hence therefore otherwise besides
    in on at by to from with without within into onto over under above below between
    among amongst across through throughout around about against despite near beyond
    upon off out up down of some many most much more less few several all both each every
    any no none neither either another other such own same one two three four five six
    seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million
    billion dozens hundreds thousands millions first second third last next earlier later
    now today yesterday tomorrow tonight recently currently previously already soon once
    again ever never always often sometimes usually perhaps maybe probably possibly
    certainly clearly obviously apparently reportedly allegedly even only just almost
    nearly about around asked speaking writing talking according given despite following
    is are was were be been being has have had do does did will would shall should can
    could may might must not yes no well oh ah ok okay please thanks thank sorry dear
    whether whatever whoever whichever wherever whenever everyone everybody everything
    someone somebody something anyone anybody anything nobody nothing lots plenty
    details main key new old other former ex others"""
)
WEEKDAYS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = words(
    """
    mr mrs ms dr prof st sr jr gen col capt lt sgt rev gov sen rep inc ltd co corp vs v etc no
    nos jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est fig govt hon maj
    messrs mme mlle op pp vol cf e.g i.e al bros plc univ assn ave blvd rd pl sq supt insp det
    cllr cdr adm brig
    """
)


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        if "," in canonical:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                names.setdefault(value.lower(), canonical)
    names.update(COUNTRY_ALIASES)
    return names


#: Lower-case country name -> canonical name.
COUNTRIES = _pycountry_names()


def _subdivision_names() -> set[str]:
    names = set()
    for sub in pycountry.subdivisions:
        name = sub.name.split(",")[0].split("(")[0].strip().lower()
        if name and name not in COUNTRIES:
            names.add(name)
    return names


#: Regions and provinces of every state: places, never actors.
SUBDIVISIONS = _subdivision_names()


# --- people who share a surname ---------------------------------------------

#: One title under its other written forms (AP's "Rep." is a congressman).
TITLE_EQUIVALENTS = {
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "sen": "senator",
    "gov": "governor",
    "prof": "professor",
    "pres": "president",
}
#: Job titles that say the holder's sex ("Congresswoman X", "Spokesman X").
TITLE_GENDER = {
    w: "f" if w.endswith("woman") else "m"
    for w in TITLE_HEADS | ROLE_NOUNS
    if w.endswith("man") and w not in ("chairman", "co-chairman", "vice-chairman")
}
#: Honorifics of a knight or peer: one so styled is never "Mr X" in the same story.
RANKED_HONORIFICS = words("sir dame lord lady baroness baron")
PLAIN_HONORIFICS = words("mr mrs ms miss")
#: Titles of the spouse of an office's holder, with the spouse's sex, and the
#: offices: in a story of "the first lady", "President X" is her husband.
SPOUSE_TITLES_RE = re.compile(r"(?<=[Ff])irst ([Ll]ady|[Gg]entleman)\b")  # literal first: fast
SPOUSE_TITLE_GENDER = {"lady": "f", "gentleman": "m"}
SPOUSED_OFFICES = words("president governor mayor")


# --- organisation names (actors) --------------------------------------------

#: Plural nouns for people that open an organisation's name before "of", "for",
#: "Against" or "Without" ("Doctors Without Borders", "Friends of the Earth").
PEOPLE_PLURALS = words(
    """
    friends doctors mothers fathers parents citizens veterans physicians nurses lawyers
    reporters engineers scientists women students families survivors teachers workers
    farmers taxpayers residents voters neighbours neighbors journalists artists writers
    """
)
#: Ministries' portfolios between a state and its body ("China's commerce ministry").
PORTFOLIO_MODIFIERS = words(
    """
    commerce industry agriculture energy environment labour labor transport culture
    information communications home security
    """
)


# --- East Asian names (actors) ----------------------------------------------

#: Common Chinese (pinyin, Hong Kong and Taiwan spellings), Korean and
#: Vietnamese family names, written first ("Liu He", "Moon Jae-in").
EAST_ASIAN_SURNAMES = words(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao jin fu xi qian tan meng qin shi bai yan
    xue lei duan hao kong shao qiu wen qi fang jia zou xiong gu hou yin
    lam chan wong leung cheung chow ng ho lau tsang tse yip chiu tsai hsu chiang kuo lai
    kim lee park choi jung chung kang cho yoon yun jang lim han oh seo shin kwon hwang ahn
    yoo hong jeon moon ko bae baek roh nam ban ryu
    nguyen tran le pham hoang huynh phan vu vo dang bui ngo duong trinh
    """
)
