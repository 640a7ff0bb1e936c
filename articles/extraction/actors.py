"""Find the people, organisations and countries an article names.

The method, in order:

1-2. The name-span pass (``spans``): tokens, runs of capitalised words, and
   the candidates each run is cut into.
3. Decide what each name chunk is from its context: a title, honorific or role
   noun before it, a reporting verb after it, an appositive, or its surname
   used alone elsewhere make it a person; a place-like or common-word shape
   drops it.
4. Cluster: a surname, "Mr X" or "President X" joins the full name it belongs
   to; party short forms and acronyms join their full forms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import (
    BODY_MODIFIERS,
    CORPORATE_SUFFIXES,
    COUNTRIES,
    DEMONYMS,
    EAST_ASIAN_SURNAMES,
    FIRST_NAME_GENDER,
    GENERIC_SPEAKERS,
    HONORIFICS,
    KNOWN_ORGS,
    LAW_WORDS,
    NAME_SUFFIXES,
    NATIONAL_BODIES,
    NEWSPAPERS,
    NICKNAMES,
    NOT_NAME_WORDS,
    NOT_PERSON_LAST_WORDS,
    ORG_CONNECTORS,
    ORG_KEYWORDS,
    PARTY_FORMS,
    PEERAGE,
    PLACE_FIRST_WORDS,
    PLACES,
    PLAIN_HONORIFICS,
    PORTFOLIO_MODIFIERS,
    RANKED_HONORIFICS,
    REPORTING_WORDS,
    ROLE_NOUNS,
    SPOUSE_TITLE_GENDER,
    SPOUSE_TITLES_RE,
    SPOUSED_OFFICES,
    STOPWORDS,
    SUBDIVISIONS,
    TITLE_EQUIVALENTS,
    TITLE_GENDER,
    TITLE_HEADS,
)
from .quotes import QuoteSpan
from .spans import CAP_NEXT_RE, NAME_PARTICLES, PLAIN_NEXT_RE, Candidate, Tok, name_spans, tokenise
from .types import ExtractedActor, Mention

_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w&]|['\u2019\-.](?=[^\W_]))*")
_ORG_DESCRIPTORS = {
    "company",
    "firm",
    "group",
    "giant",
    "maker",
    "retailer",
    "chain",
    "bank",
    "carrier",
    "airline",
    "channel",
    "network",
    "publisher",
    "engine",
    "broadcaster",
    "operator",
    "provider",
    "manufacturer",
    "producer",
    "supermarket",
    "rival",
    "unit",
    "subsidiary",
    "brand",
    "label",
    "website",
    "newspaper",
    "paper",
    "magazine",
    "agency",
    "insurer",
    "lender",
    "conglomerate",
    "corporation",
    "outfit",
    "service",
    "firm's",
    "watchdog",
    "regulator",
    "body",
    "union",
    "charity",
    "organisation",
    "organization",
    "party",
    "studio",
    "distributor",
    "developer",
    "builder",
    "brewer",
    "miner",
    "exporter",
    "importer",
    "investor",
    "fund",
    "club",
    "team",
    "band",
    "group's",
    "station",
    "daily",
    "tabloid",
    "broadsheet",
    "site",
    "portal",
    "operator's",
    "giant's",
    "firms",
    "companies",
    "groups",
    "banks",
    "carmaker",
    "drugmaker",
    "automaker",
    "chipmaker",
    "telecoms",
    "utility",
    "consultancy",
    "think-tank",
    "thinktank",
    "campaign",
}
# ", the party's leader", ", Carlineo's attorney", ", his spokeswoman": what
# the name is, said after it.
_BARE_APPOSITIVE_RE = re.compile(
    r",\s+(?:[a-z][\w'-]*\s+){0,2}?([a-z][\w-]*)\s+(?:at|of|for|with)\b"
)
_APPOSITIVE_RE = re.compile(
    r",\s+(?:the|a|an|his|her|its|their|[A-Z][\w.-]*['\u2019]s)\s+"
    r"((?:[\w'\u2019-]+\s+){0,6}?)([\w-]+)\b"
)
_PERSON_AFTER_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])|,\s+(?:who\b|of\s+the\b|one\s+of\b|\d{1,3},|aged\b|"
    r"(?:[\w'\u2019-]+\s+){0,8}?(?:mp|msp|mep|"
    + "|".join(
        sorted(
            {
                "secretary",
                "minister",
                "president",
                "chairman",
                "chairwoman",
                "leader",
                "director",
                "spokesman",
                "spokeswoman",
                "executive",
                "chief",
                "head",
                "governor",
                "professor",
                "founder",
                "editor",
                "economist",
                "analyst",
            }
        )
    )
    + r")\b))",
    re.IGNORECASE,
)
_MEDIA_AFTER_RE = re.compile(r"\s+(?:magazine|newspaper|news\s+agency|weekly|tabloid)\b")
_NAMED_FIRM_BEFORE_RE = re.compile(
    r"\b(?:firm|company|group|bank|business|venture|subsidiary|consortium)\s+(?:called|named)\s+$"
)
_POSSESSIVE_ORG_RE = re.compile(
    r"(?<![\w&-])([A-Z][\w&-]++)['\u2019]s\s+(?:[A-Z][\w-]+\s+){0,3}?"
    r"(Group|Holdings|Corporation|Corp|Inc|plc|PLC|Ltd|Limited|Hospital|College|School)\b"
    r"(?:\s+(?:[A-Z][\w-]+\s+)?(?:Hospital|College|School))?"
)
_PLACE_LIKE_ORG_WORDS = frozenset({"Hospital", "College", "School"})
# Before a lone word: "..., says Oxfam.", and a closing quote: '"...," Cole said'.
_INVERTED_CREDIT_RE, _AFTER_QUOTE_RE = (
    re.compile(r",\s+(?:says|said|adds|added|according\s+to)\s+$"),
    re.compile(r"[,.!?][\"\u201d] ?$"),
)
_OF_ORG_NAME_RE = re.compile(
    r",?\s+of\s+((?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+(?:(?:the|of|for|and|&)\s+)?"
    r"[A-Z][\w'\u2019&-]*){0,5})(?=\s+(?:said|says|told|tells|added|adds|warned)\b|,)"
)
_FIRM_BEFORE_RE = re.compile(
    r"(?:\b(?:stake|shares|holding|investment|investors)\s+in|\b(?:takeover|acquisition|owners?|"
    r"shareholders|bid|offer)\s+(?:of|for)|\bmerger\s+with|\bowned\s+by|\bunit\s+of|"
    r"\bsubsidiary\s+of)\s+$",
    re.IGNORECASE,
)
_FIRM_AFTER_RE = re.compile(
    r"(?:['\u2019]s?\s+(?:shares|share\s+price|profits?|sales|revenues?|board|chairman|"
    r"chief\s+executive|boss|bosses|stake|takeover|shareholders|results|earnings|stock)\b"
    r"|\s+(?:owns|shares|posted|reported\s+(?:a|an|its)|employs)\b)"
)
# Cues read right before or after a candidate.
_POSSESSOR_BEFORE_RE, _OF_NEXT_RE, _THING_VERB_RE, _NUMBER_TEN_RE = map(
    re.compile,
    (
        r"\b([A-Z][\w-]+?)(?:['\u2019]s|(?<=s)['\u2019])\s+$",  # "Dickens' ..."
        r"\s+of\s",
        r"\s+(?:has|had|have|is|was|were|are|said|says|will)\b",
        r"\b(?:No\.?|Number) 10(?![\d,.%]\d)(?!\d)(?! per)",  # "No 10"
    ),
)
_OWNS_DOCUMENT_RE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,4}?(?:report|study|survey|research|poll|analysis|review|"
    r"figures|statement|letter|findings)\b"
)
_NATIONAL_BODY_RE = re.compile(
    r"(?<![\w.])((?:[A-Z]\.){2,}|[A-Z][a-z]+|[A-Z]{2,3})(?:['\u2019]s)?\s+(?:(?:"
    + "|".join(sorted(BODY_MODIFIERS | PORTFOLIO_MODIFIERS))
    + r")\s+)?(?:"
    + "|".join(sorted(NATIONAL_BODIES, key=len, reverse=True))
    + r")\b"
)
_ADMIN_RE = re.compile(r"(?<![\w-])([A-Z][\w-]++)(?:['\u2019]s)?\s+administration\b")
_ACRONYM_DEF_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_GIVEN_PART_RE = re.compile(r"[A-Z][a-z]{1,7}(?:-[a-z]{1,5})?")
_CREDIT_BEFORE_RE = re.compile(r"\b(?:said|says|added|adds|told|according\s+to)\s+$")
_LOWER_WORD_RE = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")

_CANONICAL_FORMS = frozenset(PARTY_FORMS.values()) | frozenset(KNOWN_ORGS.values())
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@dataclass(slots=True)
class ActorInfo:
    """An actor plus what the claim rules need to know about it."""

    actor: ExtractedActor
    gender: str = ""  # "m", "f" or ""
    surname: str = ""
    titles: set[str] = field(default_factory=set)  # written before the name: "mr", "senator"


@dataclass(slots=True)
class ActorIndex:
    """The article's actors and a position-sorted list of their mentions."""

    actors: list[ActorInfo] = field(default_factory=list)
    mentions: list[tuple[int, int, ActorInfo]] = field(default_factory=list)

    def at(self, start: int, end: int) -> list[tuple[int, int, ActorInfo]]:
        return [m for m in self.mentions if m[0] >= start and m[1] <= end]


def _role_before(text: str, start: int, comma: bool = False) -> str:
    """A lower-case job title just before ``start`` ("housing minister ")."""
    window = text[max(0, start - 60) : start]
    window = window[max(window.rfind("\n"), window.rfind('"'), window.rfind("\u201d")) + 1 :]
    if not window.endswith(" "):
        return ""
    words = window.split(" ")[:-1]
    if not words:
        return ""
    if words[-1][-1:] in ".;:!?":
        return ""  # "... chief executive officer. Foster's spent": another sentence
    last = words[-1].lower().rstrip(",")
    if (words[-1].endswith(",") and not comma) or (
        last not in ROLE_NOUNS and last[:-1] not in ROLE_NOUNS
    ):
        return ""
    parts = [words[-1]]
    for w in reversed(words[:-1][-3:]):
        if (
            not w
            or w[-1] in ",.;:\"'"
            or w.lower() in STOPWORDS
            or w.lower() in ("and", "of")
            or w.lower() in REPORTING_WORDS
        ):
            break
        parts.insert(0, w)
    return " ".join(parts)


def _is_org_descriptor(word: str) -> bool:
    """ "firm", "brewing giant", "winemaker", "drug-maker": a word that names a firm."""
    low = word.lower().split("-")[-1]
    return low in _ORG_DESCRIPTORS or (low.endswith("maker") and low != "maker")


def _appositive_role(text: str, end: int) -> str:
    """The job an appositive after a name gives ("Ann Cole, the county sheriff,")."""
    m = _APPOSITIVE_RE.match(text, end)
    if m is None or m.group(2).lower() not in ROLE_NOUNS:
        return ""
    if text.startswith(("'s ", "\u2019s "), m.end()):
        return ""  # "Debbie X, the congressman's wife": the role of someone else
    return " ".join((m.group(1) + m.group(2)).split())


def _appositive_kind(text: str, end: int) -> str:
    m = _APPOSITIVE_RE.match(text, end)
    if not m:
        bare = _BARE_APPOSITIVE_RE.match(text, end)
        if _PERSON_AFTER_RE.match(text, end) or (bare and bare.group(1).lower() in ROLE_NOUNS):
            return "person"  # "said Avi Bell, senior fellow at ...": a job, no article
        return ""
    head = m.group(2).lower()
    if head in _ORG_DESCRIPTORS:
        return "organization"
    if head in ROLE_NOUNS:
        return "person"
    clause = (
        text[m.start() : m.start() + 80].split(",")[1]
        if "," in text[m.start() + 1 : m.start() + 80]
        else text[m.start() : m.start() + 80]
    )
    for w in clause.lower().split():
        if w.rstrip(".;:!?") in ROLE_NOUNS:  # "Liu He, the vice premier."
            return "person"
        if w in _ORG_DESCRIPTORS:
            return "organization"
    return ""


_NEXT_WORDS_RE = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:has|had|have|also|then|later|previously|"
    r"yesterday|today|has also)\s+)?([a-z]+)"
)


_OF_ORG_RE = re.compile(
    r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w'\u2019&-]*\s+(?:(?:the|of|for|and)\s+)?){1,6}"
    r"(?:has\s+|had\s+|also\s+)?([a-z]+)"
)
_COMMA_CLAUSE_RE = re.compile(
    r",[^,.;:\"\u201c\u201d]{0,80},\s+(?:has\s+|had\s+|also\s+)?([a-z]+)"
    r"|,\s+(?:(?:on|last|this)\s+\w+\s+|yesterday\s+|today\s+|also\s+)?([a-z]+)"
)


def _followed_by_reporting(text: str, end: int) -> bool:
    """ "X said", "X has also told", "X, the party's leader, said": a reporting verb follows."""
    m = _NEXT_WORDS_RE.match(text, end)
    if m and m.group(1) in REPORTING_WORDS:
        return True
    m = _OF_ORG_RE.match(text, end)
    if m and m.group(1) in REPORTING_WORDS:
        return True  # "Laura Brownlees of Save the Children said"
    m = _COMMA_CLAUSE_RE.match(text, end)
    return bool(m and (m.group(1) or m.group(2)) in REPORTING_WORDS)


# ---------------------------------------------------------------- the passes


def find_actors(text: str, sentences: list[tuple[int, int]], quotes: list[QuoteSpan]) -> ActorIndex:
    """Every actor of ``text`` with its mentions, clustered.

    The passes, in order: tokens -> name spans (runs of capitalised tokens cut
    into candidates) -> classification (person, organisation, a lone word to
    resolve) -> people -> lone words -> organisations named by context ->
    organisation canonical forms -> clustering of variants.
    """
    tokens = tokenise(text, {s for s, _ in sentences}, quotes)
    candidates = name_spans(text, tokens)
    evidence = _Evidence.read(text, tokens, quotes, candidates)
    groups = classify(evidence, candidates)
    build = _IndexBuilder()
    for cand in groups.people:
        _add_full_name(build, cand)
    build.index_names()
    possessive = _possessive_orgs(text, groups.orgs)
    leftover = _resolve_singles(build, evidence, groups, possessive)
    groups.orgs.extend(_orgs_named_by_context(text, tokens, groups, build.surnames))
    _add_orgs(build, text, groups.orgs)
    for cand in groups.countries:
        build.add("country", cand.canonical, cand)
    for cand in leftover:  # a lone word that is an organisation named elsewhere
        info = build.by_key.get(("organization", cand.tokens[0].lower()))
        if info is not None:
            build.add("organization", info.actor.name, cand)
    _add_repeated_full_names(build, candidates)
    _merge_variants(build.index)
    return build.finish()


@dataclass(slots=True)
class _Evidence:
    """What the whole article says about its candidates, read once."""

    text: str
    lower_words: set[str]  # words written in lower case somewhere
    quote_starts: dict[int, int]
    proper_mid: set[str]  # capitalised mid-sentence somewhere
    after_org: set[int]  # positions right after an organisation's name
    chunk_counts: Counter
    single_words: set[str]  # used alone as a name ("Mr Howard", "Howard said")
    full_surnames: set[str]  # last words of full names ("Dickens")

    @classmethod
    def read(cls, text, tokens, quotes, candidates) -> _Evidence:
        after_org = set()
        for cand in candidates:
            if cand.kind == "organization":
                k = cand.end
                if text.startswith(("'s ", "\u2019s "), k):
                    k += 3
                elif text.startswith(" ", k):
                    k += 1
                after_org.add(k)  # "Liberal Democrat Sarah Teather"
        names = [c for c in candidates if c.kind == "name"]
        return cls(
            text=text,
            lower_words=set(_LOWER_WORD_RE.findall(text)),
            quote_starts={q.start: q.end for q in quotes},
            proper_mid={t.low for t in tokens if t.cap and not t.initial},
            after_org=after_org,
            chunk_counts=Counter(c.text for c in names),
            single_words={c.tokens[0].lower() for c in names if len(c.tokens) == 1},
            full_surnames={c.tokens[-1].lower() for c in names if len(c.tokens) >= 2},
        )


@dataclass(slots=True)
class _Groups:
    people: list[Candidate] = field(default_factory=list)
    singles: list[Candidate] = field(default_factory=list)
    orgs: list[Candidate] = field(default_factory=list)
    countries: list[Candidate] = field(default_factory=list)


def classify(ev: _Evidence, candidates: list[Candidate]) -> _Groups:
    """Sort the candidates: full names of people, lone words, organisations, countries."""
    groups = _Groups()
    for cand in candidates:
        if cand.kind == "organization":
            groups.orgs.append(cand)
        elif cand.kind == "country":
            groups.countries.append(cand)
        elif cand.kind == "name":
            _note_role(ev.text, cand)
            bucket = _classify_name(ev, cand)
            if bucket:
                getattr(groups, bucket).append(cand)
    return groups


def _note_role(text: str, cand: Candidate) -> None:
    """The job written before or after a name ("housing minister X")."""
    if not cand.role:
        cand.role = _role_before(text, cand.start)
        if cand.role:
            cand.strong = True
            cand.prefix = cand.prefix or cand.role
    if not cand.role:
        # "The county sheriff, Ann Cole," / "Ann Cole, the county sheriff,":
        # the role "the sheriff" stands for later, without making a person.
        before = _role_before(text, cand.start, comma=True).rstrip(",")
        cand.role = before or _appositive_role(text, cand.end)


def _as_org(cand: Candidate) -> str:
    cand.kind = "organization"
    cand.canonical = cand.text
    return "orgs"


def _classify_name(ev: _Evidence, cand: Candidate) -> str:
    """The group a name candidate belongs to ("people", "orgs", "singles"), or ""."""
    text = ev.text
    lows = [t.lower() for t in cand.tokens]
    the_before = text[max(0, cand.start - 4) : cand.start].lower() == "the "
    if not cand.strong and (
        _MEDIA_AFTER_RE.match(text, cand.end)
        or (_NAMED_FIRM_BEFORE_RE.search(text, max(0, cand.start - 40), cand.start))
        or (len(cand.tokens) >= 2 and lows[0] in NEWSPAPERS and the_before)
    ):
        return _as_org(cand)  # "Hazards magazine", "a firm called Baikal", "the Times ..."
    after = PLAIN_NEXT_RE.match(text, cand.end)
    if after and after.group(1) in NOT_PERSON_LAST_WORDS and not cand.strong:
        return ""  # "King Cross station"; not "Minister Ann Cole warning"
    if len(lows) >= 2 and lows[-1] in LAW_WORDS:
        return ""  # "the Safe Roads Act", "the Paris Agreement": documents, not actors
    if the_before and not cand.honorific:
        # "the Ealing North MP": nobody's name follows "the".
        if len(cand.tokens) >= 2 and _THING_VERB_RE.match(text, cand.end):
            return _as_org(cand)
        return ""
    appos = _appositive_kind(text, cand.end)
    if appos == "person" and len(cand.tokens) == 1 and _OF_NEXT_RE.match(text, cand.end):
        appos = ""  # "Houses of Parliament", "In Place of Strife": no person cue
    reporting = _followed_by_reporting(text, cand.end)
    if len(cand.tokens) >= 2:
        return _classify_full_name(ev, cand, lows, appos, reporting)
    return _classify_single(ev, cand, lows[0], appos, reporting)


def _classify_full_name(
    ev: _Evidence, cand: Candidate, lows: list[str], appos: str, reporting: bool
) -> str:
    text = ev.text
    if len(cand.tokens) > 4 or (
        cand.quoted
        and not cand.strong
        and cand.start in ev.quote_starts
        and ev.quote_starts[cand.start] - cand.end <= 2
    ):
        return ""  # a quoted name or nickname ("Blair Babes"), not a quote's first words
    owner = _POSSESSOR_BEFORE_RE.search(text, max(0, cand.start - 40), cand.start)
    if owner and not cand.strong and owner.group(1).lower() in ev.full_surnames:
        return ""  # "Charles Dickens' Oliver Twist": a person's work, not a person
    if cand.strong or appos == "person":
        return "people"
    if appos == "organization" or (
        text[max(0, cand.start - 4) : cand.start].lower() == "the "
        and _THING_VERB_RE.match(text, cand.end)
    ):
        return _as_org(cand)
    # "J. Paul Dole Jr.": the given name after initials, the surname before a suffix
    core = [w for w in lows if w.rstrip(".") not in NAME_SUFFIXES] or lows
    given = next((w for w in core if len(w.rstrip(".")) > 1), core[0])
    placey = (
        lows[0] in PLACE_FIRST_WORDS
        or lows[-1] in NOT_PERSON_LAST_WORDS
        or " ".join(lows) in PLACES
        or " ".join(lows) in SUBDIVISIONS
    )
    common = any(w in NOT_NAME_WORDS for w in lows) or lows[0] in ev.lower_words
    if placey or common or any(w.isupper() and len(w.rstrip(".")) > 1 for w in cand.tokens):
        return ""
    if _family_name_first(cand.tokens) and (
        lows[0] in ev.single_words
        or reporting
        or cand.start in ev.after_org
        or _CREDIT_BEFORE_RE.search(text, max(0, cand.start - 20), cand.start)
    ):
        return "people"  # "Liu He said", '"...," said Wang Yi', "Li" alone elsewhere
    if (
        core[-1] in ev.single_words
        or given in FIRST_NAME_GENDER
        or _role_before(text, cand.start, comma=True)
        or (reporting or cand.start in ev.after_org)
        and core[-1] not in ev.lower_words
    ):
        return "people"
    if ev.chunk_counts[cand.text] >= 3:
        return _as_org(cand)  # a name repeated without ever being a person's ("Fannie Mae")
    return ""


def _family_name_first(tokens: list[str]) -> bool:
    """ "Liu He", "Moon Jae-in", "Nguyen Xuan Phuc": a common East Asian family
    name, then one or two short given names."""
    return (
        2 <= len(tokens) <= 3
        and tokens[0].lower() in EAST_ASIAN_SURNAMES
        and all(_GIVEN_PART_RE.fullmatch(t) for t in tokens[1:])
    )


def _classify_single(ev: _Evidence, cand: Candidate, low: str, appos: str, reporting: bool) -> str:
    """A lone word: kept with what it may be (``canonical``) for ``_resolve_singles``."""
    text = ev.text
    word = cand.tokens[0]
    if cand.strong:
        return "singles"
    if low in GENERIC_SPEAKERS or low in STOPWORDS or low in NOT_NAME_WORDS:
        return ""
    which_said = (
        (reporting and text.startswith(", which ", cand.end))
        or bool(_OWNS_DOCUMENT_RE.match(text, cand.end))
        or bool(_FIRM_AFTER_RE.match(text, cand.end))
        or bool(_FIRM_BEFORE_RE.search(text, max(0, cand.start - 40), cand.start))
    )  # "Novartis, which ..., said", "Fiat owns", "a stake in Ferrari": a firm
    if (
        cand.initial
        and low not in ev.proper_mid
        and not any(c.isupper() for c in word[1:])
        and not which_said
    ):
        cand.kind = "maybe"
    cand.role = cand.role or ""
    if which_said:
        cand.canonical = "organization"
    elif appos:
        cand.canonical = appos
    elif reporting and _AFTER_QUOTE_RE.search(text, max(0, cand.start - 3), cand.start):
        cand.canonical = "person"  # '"We did nothing wrong," Cole said': a surname
    elif (reporting and _NEXT_WORDS_RE.match(text, cand.end)) or (
        _INVERTED_CREDIT_RE.search(text, max(0, cand.start - 20), cand.start)
        and text[cand.end : cand.end + 1] in (".", "")
    ):  # "X said", "..., says Oxfam."
        cand.canonical = "reporting"
    else:
        before = text[max(0, cand.start - 30) : cand.start].split()
        if (before and _is_org_descriptor(before[-1])) or _OWNS_DOCUMENT_RE.match(text, cand.end):
            cand.canonical = "organization"  # "Oxfam's Paying the Price report said"
    return "singles"


class _IndexBuilder:
    """The index as the passes fill it: one info per (kind, name), with the
    surnames and first names that lone words resolve against."""

    def __init__(self) -> None:
        self.index = ActorIndex()
        self.by_key: dict[tuple[str, str], ActorInfo] = {}
        self.surnames: dict[str, list[ActorInfo]] = {}
        self.first_names: dict[str, list[ActorInfo]] = {}

    def add(
        self, kind: str, name: str, cand: Candidate, gender: str = "", surname: str = ""
    ) -> ActorInfo:
        key = (kind, name.lower())
        info = self.by_key.get(key)
        if info is None:
            info = ActorInfo(ExtractedActor(name=name, kind=kind), gender=gender, surname=surname)
            self.by_key[key] = info
            self.index.actors.append(info)
        if gender and not info.gender:
            info.gender = gender
        if cand.role and not info.actor.role:
            info.actor.role = cand.role
        if cand.prefix:
            info.titles |= _titles(cand)
        info.actor.mentions.append(Mention(cand.start, cand.end, cand.text))
        for form in (cand.text, f"{cand.prefix} {cand.text}" if cand.prefix else ""):
            if form and form != info.actor.name and form not in info.actor.aliases:
                info.actor.aliases.append(form)  # "Howard", "Mr Howard", "Tory leader ..."
        self.index.mentions.append((cand.start, cand.end, info))
        return info

    def add_person_word(self, name: str, cand: Candidate, gender: str = "") -> None:
        """A person known by one word ("President Trump" with no full name)."""
        info = self.add("person", name, cand, gender, surname=cand.tokens[0])
        self.surnames.setdefault(cand.tokens[0].lower(), []).append(info)

    def index_names(self) -> None:
        """Surnames ("von der Leyen" too) and first names of the full names so far."""
        for info in self.index.actors:
            if info.actor.kind != "person":
                continue
            parts = _without_suffix(info.actor.name.split())
            if _family_name_first(parts):
                # "Mr Li" is Li Keqiang; "Phuc" is Nguyen Xuan Phuc (Vietnamese style)
                self.surnames.setdefault(parts[0].lower(), []).append(info)
            self.surnames.setdefault(parts[-1].lower(), []).append(info)
            for k in range(len(parts) - 2, 0, -1):
                if parts[k].lower() in NAME_PARTICLES:
                    self.surnames.setdefault(" ".join(parts[k:]).lower(), []).append(info)
            if " " in info.actor.name:
                self.first_names.setdefault(info.actor.name.split()[0].lower(), []).append(info)

    def finish(self) -> ActorIndex:
        self.index.mentions.sort(key=lambda m: (m[0], -m[1]))
        for info in self.index.actors:
            info.actor.mentions.sort(key=lambda m: m.start)
        return self.index


def _nearest(infos: list[ActorInfo], pos: int) -> ActorInfo:
    """Of several actors a word may name, the one mentioned last before ``pos``."""
    if len(infos) == 1:
        return infos[0]
    best = infos[0]
    best_pos = -1
    for info in infos:
        for m in info.actor.mentions:
            if best_pos < m.start <= pos or (best_pos < 0 and m.start > pos):
                best, best_pos = info, m.start
    return best


def _add_full_name(build: _IndexBuilder, cand: Candidate) -> None:
    toks = list(cand.tokens)
    gender = HONORIFICS.get(cand.honorific, "") or FIRST_NAME_GENDER.get(toks[0].lower(), "")
    surname = toks[0] if _family_name_first(toks) else _without_suffix(toks)[-1]
    build.add("person", " ".join(toks), cand, gender, surname=surname)


def _possessive_orgs(text: str, orgs: list[Candidate]) -> dict[str, str]:
    """ "Foster's Group": a firm named with a possessive (added to ``orgs``); the
    owner's word alone ("Foster's") is the firm too (the returned map)."""
    owners: dict[str, str] = {}
    for m in _POSSESSIVE_ORG_RE.finditer(text):
        owner = m.group(1).lower()
        if owner in COUNTRIES or owner in PLACES or owner in SUBDIVISIONS or owner in PARTY_FORMS:
            continue  # "Britain's Royal College of Nursing": the country's, not a name
        if m.group(2) not in _PLACE_LIKE_ORG_WORDS:
            owners.setdefault(owner, m.group())
        orgs.append(_org_candidate(m.start(), m.end(), m.group()))
    return owners


def _org_candidate(
    start: int, end: int, text: str, canonical: str = "", tokens: list[str] | None = None
) -> Candidate:
    words = text.split() if tokens is None else tokens
    return Candidate("organization", start, end, text, words, canonical=canonical or text)


def _person_for_word(build: _IndexBuilder, cand: Candidate, low: str) -> list[ActorInfo]:
    """The full-named people a lone word may stand for."""
    infos = build.surnames.get(low)
    if not infos and cand.honorific in ("sir", "dame"):
        infos = build.first_names.get(low)  # "Sir Nicholas" is Sir Nicholas Scott
    if not infos and cand.honorific and cand.honorific not in PEERAGE:
        infos = _misspelt_surname(low, build.surnames)  # "Mr Iliaronov" for Illarionov
    if not infos and not cand.honorific:
        # "Yoon" of "Yoon Suk Yeol" (family name first), "Michelle" of
        # "Michelle Obama": a full name it begins (the nearest, of several).
        infos = build.first_names.get(low)
    return infos or []


def _resolve_singles(
    build: _IndexBuilder, ev: _Evidence, groups: _Groups, possessive: dict[str, str]
) -> list[Candidate]:
    """Lone words: a known person's surname, a titled person, a firm, or left
    over (returned) for a later match with an organisation."""
    leftover: list[Candidate] = []
    spouse = SPOUSE_TITLES_RE.search(ev.text)
    spouse_gender = SPOUSE_TITLE_GENDER[spouse.group(1).lower()] if spouse else ""
    # Titled forms first ("Mr Morris"), so that a bare "Morris" earlier in the
    # text still finds its person.
    for cand in sorted(groups.singles, key=lambda c: not c.strong):
        low = cand.tokens[0].lower()
        if low in possessive and not cand.honorific:
            groups.orgs.append(_org_candidate(cand.start, cand.end, cand.text, possessive[low]))
            continue
        infos = _person_for_word(build, cand, low)
        gender = _word_gender(cand, spouse_gender)
        if infos and low in build.surnames:
            infos = _fitting(infos, cand, low, gender)
            if not _one_person(infos):
                continue  # a surname two people share, and nothing says which
        if infos:
            info = _nearest(infos, cand.start)
            if cand.honorific and gender and not info.gender:
                info.gender = gender
            build.add("person", info.actor.name, cand)
        elif low in NOT_PERSON_LAST_WORDS or cand.after_place:
            continue  # "Criminal Justice Plan", "the Glasgow Kelvin MP"
        elif cand.strong and cand.honorific:
            name = cand.tokens[0]
            if cand.honorific in PEERAGE:
                name = f"{cand.honorific.capitalize()} {name}"
            build.add_person_word(name, cand, HONORIFICS.get(cand.honorific, ""))
        elif cand.strong:
            # "President Trump" with no full name anywhere.
            if not (
                low in COUNTRIES or low in PLACES or low in ev.lower_words or low in NOT_NAME_WORDS
            ):
                build.add_person_word(cand.tokens[0], cand, gender)
        elif cand.kind == "maybe" or low.endswith(("ians", "eans", "ans", "ese", "ites", "ists")):
            leftover.append(cand)
        elif low in PLACES or low in SUBDIVISIONS or low in COUNTRIES or low in ev.lower_words:
            continue
        elif cand.canonical in ("organization", "reporting"):
            groups.orgs.append(_org_candidate(cand.start, cand.end, cand.text, cand.tokens[0]))
        elif cand.canonical == "person":
            build.add_person_word(cand.tokens[0], cand)
        else:
            leftover.append(cand)
    return leftover


def _titles(cand: Candidate) -> set[str]:
    """The honorifics and title heads written before a name, in one form each
    ("Rep." and "Congressman" are both "representative")."""
    lows = (w.lower().rstrip(".") for w in cand.prefix.split())
    return {TITLE_EQUIVALENTS.get(w, w) for w in lows if w in HONORIFICS or w in TITLE_HEADS}


def _word_gender(cand: Candidate, spouse_gender: str) -> str:
    """The sex a lone word's honorific or title gives ("Mrs", "Congressman"); in a
    story of "the first lady", "President X" is her spouse."""
    if not cand.prefix:
        return ""
    gender = HONORIFICS.get(cand.honorific, "")
    for word in cand.prefix.lower().split():
        gender = gender or TITLE_GENDER.get(word, "")
    if not gender and spouse_gender and _titles(cand) & SPOUSED_OFFICES:
        gender = "m" if spouse_gender == "f" else "f"
    return gender


def _fitting(infos: list[ActorInfo], cand: Candidate, low: str, gender: str) -> list[ActorInfo]:
    """Of the people with the surname ``low``, those ``cand`` may name: of the sex
    its honorific or title gives ("Mr X" is no woman), then, while several are
    left, those of its rank ("Mr X" is not "Sir Ian X", who is "Sir Ian"), those
    holding its title, those introduced before it, and those already called by
    the surname alone."""
    fits = [info for info in infos if not (gender and info.gender and gender != info.gender)]
    if len(fits) <= 1:
        return fits
    titles = _titles(cand)
    plain = cand.honorific in PLAIN_HONORIFICS
    for prefer in (
        lambda info: not (plain and info.titles & RANKED_HONORIFICS),
        lambda info: bool(info.titles & titles),
        lambda info: min(m.start for m in info.actor.mentions) < cand.start,
        lambda info: any(m.text.lower() == low for m in info.actor.mentions),
    ):
        if _one_person(fits):
            break
        fits = [info for info in fits if prefer(info)] or fits
    return fits


def _one_person(infos: list[ActorInfo]) -> bool:
    """At most one person, maybe written two ways ("George Bush", "George W Bush")."""
    keys = [_person_key(info.actor.name) for info in infos]
    return len(keys) <= 1 or all(
        k is not None and k[1] == keys[0][1] and _same_given_name(k[0], keys[0][0])
        for k in keys
    )


def _orgs_named_by_context(
    text: str, tokens: list[Tok], groups: _Groups, surnames: dict[str, list[ActorInfo]]
) -> list[Candidate]:
    """Organisations no organisation word marks, found by what is around them."""
    found: list[Candidate] = []
    # "Laura X of Save the Children said": a person's organisation.
    taken_starts = {c.start for c in groups.orgs} | {c.start for c in groups.countries}
    for cand in groups.people:
        m = _OF_ORG_NAME_RE.match(text, cand.end)
        if m is None or m.start(1) in taken_starts:
            continue
        low = m.group(1).lower()
        if not (low in COUNTRIES or low in PLACES or low in SUBDIVISIONS or low in DEMONYMS):
            found.append(_org_candidate(m.start(1), m.end(1), m.group(1)))
    # "the Times", "the Guardian": a newspaper named by its one-word title.
    taken = {c.start for c in groups.orgs + found} | {c.start for c in groups.people}
    for tok in tokens:
        if (
            tok.cap
            and tok.low in NEWSPAPERS
            and tok.start not in taken
            and text[max(0, tok.start - 4) : tok.start].lower() == "the "
            and not CAP_NEXT_RE.match(text, tok.end)
        ):
            canonical = next(
                (c.canonical for c in groups.orgs + found if c.canonical.endswith(" " + tok.text)),
                f"The {tok.text}",
            )  # "the Telegraph" after "the Daily Telegraph"
            found.append(_org_candidate(tok.start, tok.end, tok.text, canonical))
    # "No 10" speaks for Downing Street.
    for m in _NUMBER_TEN_RE.finditer(text):
        found.append(_org_candidate(m.start(), m.end(), m.group(), "Downing Street", [m.group()]))
    # "the Peruvian foreign ministry", "Russia's defence ministry", "the US
    # military": a state's body named in lower case after the state.
    found.extend(_national_bodies(text))
    # "the Trump administration" is an organisation of its own.
    for m in _ADMIN_RE.finditer(text):
        word = m.group(1)
        if word.lower() in surnames:
            canonical = f"{word} administration"
            found.append(_org_candidate(m.start(), m.end(), m.group(), canonical, [word]))
    return found


def _acronyms(text: str, orgs: list[Candidate]) -> dict[str, str]:
    """Acronym -> full name: defined in brackets, or the initials of a name
    ("DOT" and "DT" for "Department of Transport")."""
    acronym_of: dict[str, str] = {}
    for m in _ACRONYM_DEF_RE.finditer(text):
        before = [c for c in orgs if c.end <= m.start() and m.start() - c.end <= 2]
        if before:
            acronym_of[m.group(1)] = before[-1].canonical
    for cand in orgs:
        words = [w for w in cand.canonical.split() if w.lower() not in ORG_CONNECTORS]
        if len(words) >= 2:
            acronym_of.setdefault("".join(w[0] for w in words).upper(), cand.canonical)
            spelt = [w for w in cand.canonical.split() if w.lower() not in ("the", "and", "&")]
            acronym_of.setdefault("".join(w[0] for w in spelt).upper(), cand.canonical)
    return acronym_of


def _longer_form(canon: str, full_orgs: list[str]) -> str:
    """The fuller name a short one stands for ("Reserve Bank" of "Reserve Bank of
    Australia", "Potato Council" of "British Potato Council", "SoftBank" of
    "SoftBank Group Corp"), or ``canon``."""
    for longer in full_orgs:
        if (
            (
                len(longer) > len(canon)
                and " " in canon
                and canon not in _CANONICAL_FORMS
                and (longer.startswith(canon + " ") or longer.endswith(" " + canon))
            )
            or longer.startswith(canon + " & ")
            or _is_corporate_form(canon, longer)
        ):
            return longer
    return canon


def _add_orgs(build: _IndexBuilder, text: str, orgs: list[Candidate]) -> None:
    """Each organisation under its canonical name: the fuller form, the full
    name of an acronym, without "the"; outlets of the BBC are the BBC."""
    acronym_of = _acronyms(text, orgs)
    full_orgs = sorted({c.canonical for c in orgs if " " in c.canonical}, key=len, reverse=True)
    for cand in orgs:
        canon = cand.canonical = _longer_form(cand.canonical, full_orgs)
        if canon == cand.text and " " in canon and canon.lower() in text:
            continue  # the same words in lower case elsewhere: a common noun phrase
        if canon in acronym_of and len(canon) <= 7:
            canon = acronym_of[canon]
        if canon.lower().startswith("the "):
            canon = canon[4:]
        if canon.startswith("BBC "):
            canon = "BBC"  # "BBC Radio 4", "BBC News": outlets of the BBC
        build.add("organization", canon, cand)


def _add_repeated_full_names(build: _IndexBuilder, candidates: list[Candidate]) -> None:
    """A full name classified at one place is that actor everywhere ("..., says
    Age Concern." before "Age Concern says ...")."""
    seen = {m[0] for m in build.index.mentions}
    for cand in candidates:
        if cand.kind == "name" and len(cand.tokens) >= 2 and cand.start not in seen:
            info = build.by_key.get(("person", cand.text.lower())) or build.by_key.get(
                ("organization", cand.text.lower())
            )
            if info is not None:
                build.add(info.actor.kind, info.actor.name, cand)


def _is_corporate_form(short: str, full: str) -> bool:
    """ "SoftBank" of "SoftBank Group Corp": a firm's name without its legal suffixes."""
    rest = full[len(short) :].split() if full.startswith(short + " ") else []
    return bool(rest) and all(w.lower().rstrip(".,") in CORPORATE_SUFFIXES for w in rest)


def _national_bodies(text: str) -> list[Candidate]:
    found = []
    for m in _NATIONAL_BODY_RE.finditer(text):
        state = m.group(1).lower()
        if state not in DEMONYMS and state not in COUNTRIES:
            continue
        name = " ".join(m.group().split())
        found.append(
            Candidate("organization", m.start(), m.end(), m.group(), name.split(), canonical=name)
        )
    return found


def _misspelt_surname(low: str, surname_map: dict[str, list[ActorInfo]]) -> list[ActorInfo]:
    """The one full-named person whose surname ``low`` misspells: a long name, the same
    first letter, at most two letters apart ("Iliaronov" / "Illarionov")."""
    if len(low) < 6:
        return []
    found = [
        infos
        for key, infos in surname_map.items()
        if key[:1] == low[:1]
        and key != low
        and len(key) >= 6
        and abs(len(key) - len(low)) <= 2
        and any(" " in info.actor.name for info in infos)
        and _edit_distance(key, low, 2) <= 2
    ]
    return found[0] if len(found) == 1 else []


def _edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance of two short words, or ``cap + 1`` once it exceeds ``cap``."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def _person_key(name: str) -> tuple[str, str] | None:
    """(given name, surname) of a full name, without a suffix ("Jr."), with a
    short form read as its full form ("Bill" as "william")."""
    parts = _without_suffix([p.lower().rstrip(".") for p in name.replace("-", " ").split()])
    while len(parts) > 2 and len(parts[0]) == 1:
        parts = parts[1:]  # "J. Paul Dole" is known as Paul Dole
    if len(parts) < 2:
        return None
    return NICKNAMES.get(parts[0], parts[0]), parts[-1]


def _without_suffix(parts: list[str]) -> list[str]:
    """A name's words without a closing "Jr." or "III"."""
    end = len(parts)
    while end > 1 and parts[end - 1].lower().rstrip(".") in NAME_SUFFIXES:
        end -= 1
    return parts[:end]


def _same_given_name(a: str, b: str) -> bool:
    """ "Pat" and "Patrick", "Chris" and "Christopher": a short form is the first
    three letters or more of the full one."""
    short, full = sorted((a, b), key=len)
    return short == full or (len(short) >= 3 and full.startswith(short) and len(short) <= 5)


def _merge_variants(index: ActorIndex) -> None:
    """One actor per person and per organisation, whichever way it is written:
    "George Bush" and "George W Bush", "Pat X" and "Patrick X Jr."; "Department
    of Transport" and "Transport Department", "U.S. Federal Reserve" and
    "Federal Reserve"."""
    moved: dict[int, ActorInfo] = {}
    _merge_people(index, moved)
    _merge_orgs(index, moved)
    if not moved:
        return
    while any(id(moved[k]) in moved for k in moved):  # chains of merges
        for k, v in list(moved.items()):
            moved[k] = moved.get(id(v), v)
    index.actors = [info for info in index.actors if id(info) not in moved]
    index.mentions = [(s, e, moved.get(id(info), info)) for s, e, info in index.mentions]


def _merge_people(index: ActorIndex, moved: dict[int, ActorInfo]) -> None:
    keep: dict[tuple[str, str], ActorInfo] = {}
    by_surname: dict[str, list[tuple[str, str]]] = {}
    for info in index.actors:
        key = _person_key(info.actor.name) if info.actor.kind == "person" else None
        if key is None:
            continue
        key = next((k for k in by_surname.get(key[1], ()) if _same_given_name(k[0], key[0])), key)
        first = keep.get(key)
        if first is None:
            keep[key] = info
            by_surname.setdefault(key[1], []).append(key)
            continue
        keep[key] = _absorb(
            first, info, moved, prefer_first=len(first.actor.name) >= len(info.actor.name)
        )


def _merge_orgs(index: ActorIndex, moved: dict[int, ActorInfo]) -> None:
    keep: dict[tuple[str, str], ActorInfo] = {}
    for info in index.actors:
        key = _org_key(info.actor.name) if info.actor.kind == "organization" else None
        if key is None:
            continue
        first = keep.get(key)
        if first is None:
            keep[key] = info
            continue
        keep[key] = _absorb(first, info, moved, prefer_first=_org_rank(first) >= _org_rank(info))


def _absorb(first: ActorInfo, other: ActorInfo, moved: dict[int, ActorInfo], prefer_first: bool):
    """Merge two infos of one actor; the preferred one keeps its name."""
    main, other = (first, other) if prefer_first else (other, first)
    moved[id(other)] = main
    main.actor.mentions.extend(other.actor.mentions)
    for form in [other.actor.name, *other.actor.aliases]:
        if form != main.actor.name and form not in main.actor.aliases:
            main.actor.aliases.append(form)
    main.gender = main.gender or other.gender
    main.actor.role = main.actor.role or other.actor.role
    return main


def _org_key(name: str) -> tuple[str, str] | None:
    """(head, rest) of an organisation's name, the same for its inverted form
    and without a state before it: "Department of Transport", "Transport
    Department" and "U.S. Department of Transport" are ("department", "transport")."""
    words = name.split()
    while len(words) > 2 and (words[0].lower() in DEMONYMS or words[0].lower() in COUNTRIES):
        words = words[1:]
    low = [w.lower() for w in words]
    if len(low) >= 3 and low[0] in ORG_KEYWORDS and low[1] in ("of", "for"):
        return low[0], " ".join(low[2:]).removeprefix("the ")
    if len(low) >= 2 and low[-1] in ORG_KEYWORDS:
        return low[-1], " ".join(low[:-1])
    return None


def _org_rank(info: ActorInfo) -> tuple[bool, bool, int]:
    """Which form names a merged organisation: without a state in front
    ("Federal Reserve"), then the "X of Y" form, then the longest."""
    words = info.actor.name.split()
    state_first = len(words) > 2 and (words[0].lower() in DEMONYMS or words[0].lower() in COUNTRIES)
    return (not state_first, len(words) > 2 and words[1].lower() in ("of", "for"), len(words))


def pronoun_gender(word: str) -> str:
    return _PRONOUN_GENDER.get(word.lower(), "")
