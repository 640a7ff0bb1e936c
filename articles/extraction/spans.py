"""The name-span pass: tokens, runs of capitalised words, and candidates.

A text's capitalised words (with the connectors and particles that may sit
inside names: "of", "van", "al-") are gathered into runs ("Tory leader Michael
Howard"); each run is cut into candidates: titles and honorifics (a role,
never a name), organisations (a known form, an acronym, or a run ending in an
organisation word with an "of ..." tail), countries and demonyms before a state
role, places (dropped), and name chunks, which ``actors`` classifies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    ABBREVIATED_TITLES,
    AMBIGUOUS_COUNTRIES,
    COMPOUND_TAILS,
    COUNTRIES,
    DEMONYMS,
    FIRST_NAME_GENDER,
    HONORIFICS,
    KNOWN_ORGS,
    MONTHS,
    NOT_ORG_ACRONYMS,
    OFFICE_HOLDERS,
    ORG_CONNECTORS,
    ORG_KEYWORDS,
    ORG_KEYWORDS_NEED_TAIL,
    PARTY_FORMS,
    PEOPLE_PLURALS,
    PLACES,
    POST_NOMINALS,
    ROLE_NOUNS,
    STATE_ROLES,
    STOPWORDS,
    SUBDIVISIONS,
    THING_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    US_STATE_ABBREVIATIONS,
    WEEKDAYS,
    words,
)
from .quotes import QuoteSpan

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CONNECTOR_ALT = (
    "(?:of|for|the|a|against|and|de|du|des|in|on|von|van|der|den|da|di|del|della"
    "|bin|al|el|le|la|ibn|ben|y|dos|das|ter|ten|&)"
)
# Only the tokens names are made of: capitalised words (also after "ex-"), dotted
# acronyms, and the lower-case connectors and particles that may sit inside names.
_NEEDED_TOKEN_RE = re.compile(
    rf"(?:[A-Z]\.){{2,}}"
    rf"|(?<![\w'\u2019-])(?:(?:ex|anti|pro|non|pan|post|pre|mid|then|self)-)?[{_UPPER}]"
    rf"(?:[\w&]|['\u2019\-.](?=[^\W_]))*"
    rf"|(?<![\w'\u2019-])(?:al|el|ad|as|ash|ar|an|at|az|abu|bin|ibn)-[{_UPPER}][\w'\u2019]*"
    rf"|(?<![\w'\u2019-]){_CONNECTOR_ALT}(?![\w'\u2019-])"
    # ... and only when a capitalised word follows, maybe after more connectors
    rf"(?=(?: {_CONNECTOR_ALT}){{0,2}} [{_UPPER}])"
)
_COMPOUND_ENDINGS = ("ed", "ing", "ly", "er", "ers", "ian", "ians", "ist", "ists", "ic", "ism")
_PARTICLE_NAME_RE = re.compile(rf"(?:al|el|ad|as|ash|ar|an|at|az|abu|bin|ibn)-[{_UPPER}]")
_PREFIXES = words("ex anti pro non pan post pre mid then self")
_PREFIX_RE = re.compile(rf"^(?:{'|'.join(sorted(_PREFIXES))})-(?=[A-Z])")
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "del",
    "della",
    "bin",
    "al",
    "el",
    "le",
    "la",
    "ibn",
    "ben",
    "y",
    "dos",
    "das",
    "ter",
    "ten",
}
# Sentence-initial words that describe the name after them, never start it.
_INITIAL_COMMON_NOUNS = frozenset(
    (ROLE_NOUNS - TITLE_HEADS - TITLE_MODIFIERS)
    - words(
        "general star model fellow member master partner chair head peer whip counsel "
        "representative official owner pupil rival veteran critic colleague"
    )
) | words(
    "carmaker drugmaker winemaker chipmaker automaker retailer insurer lender broadcaster "
    "conglomerate brewer watchdog regulator airline"
)
_RANK_WORDS = frozenset({"deputy", "shadow", "acting", "former", "vice", "assistant", "junior"})
_LAW_AFTER_RE = re.compile(
    r"\s*\)?\s*(?:\([^)\n]{0,80}\)\s*)?(?:Bill|Act|Order|Regulations|Directive)\b"
)
_SHOUT_WORD_RE = re.compile(r"[A-Za-z]{2,}")
_MID_CONNECTORS = frozenset({"and", "&", "in"})
_PLAIN_CONNECTORS = frozenset({"of", "for", "the", "against", "and", "&", "in"})
_ARTICLES = frozenset({"the", "a", "an"})
_KEEP_LOWER = frozenset(NAME_PARTICLES | ORG_CONNECTORS | {"in", "on"})
# Bodies named for what they deliberate on: "Committee on Energy and Commerce",
# "Council on Foreign Relations", "Commission on Human Rights".
_ON_HEADS = frozenset(
    {"committee", "subcommittee", "commission", "council", "conference", "panel", "forum"}
)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str  # without a possessive ending
    low: str
    cap: bool
    poss: bool
    initial: bool  # begins a sentence or a quotation
    quoted: bool
    plural_owner: bool = False  # a plural's lone apostrophe: "Sheriffs'", "Teachers'"


@dataclass(slots=True)
class Candidate:
    kind: str  # person | organization | country | place | name
    start: int
    end: int
    text: str
    tokens: list[str]
    honorific: str = ""
    role: str = ""
    strong: bool = False  # context makes it a person
    initial: bool = False
    quoted: bool = False
    canonical: str = ""
    after_place: bool = False  # right after a place in the same run ("Glasgow Kelvin")
    prefix: str = ""  # the title or honorific written before it ("Prime Minister", "Mr")


# A wire dateline's city, in capitals before a comma, an agency or a dash
# ("SIOUX FALLS, S.D. -", "HANOI, Vietnam (AP) -", "NEW DELHI:"): a place.
_DATELINE_CITY_RE = re.compile(
    r"\s*[A-Z][A-Z.'\u2019 -]*[A-Z.](?=\s*(?:,|\(|[\u2014\u2013:-]))"
    r"(?:,\s*(?:[A-Z]\.){1,3}(?=\s*(?:\(|[\u2014\u2013:-])))?"
)


def tokenise(text: str, sentence_starts: set[int], quotes: list[QuoteSpan]) -> list[Tok]:
    """Capitalised words, and the connectors that may sit inside names."""
    tokens = []
    quote_iter = iter(quotes)
    q = next(quote_iter, None)
    shouting = _shouting_spans(text, quotes)
    keep_lower = _KEEP_LOWER
    size = len(text)
    dateline = _DATELINE_CITY_RE.match(text)
    for m in _NEEDED_TOKEN_RE.finditer(text, dateline.end() if dateline else 0):
        word = m.group()
        start, end = m.span()
        if "-" in word:
            pre = _PREFIX_RE.match(word)
            if pre:
                start += pre.end()
                word = word[pre.end() :]
        poss = plural_owner = False
        if word.endswith(("'s", "\u2019s")) and len(word) > 2:
            word = word[:-2]
            poss = True
        elif (
            word[-1] == "s"
            and end < size
            and text[end] in "'\u2019"
            and (end + 1 >= size or not text[end + 1].isalpha())
        ):
            poss = plural_owner = True
        while q is not None and q.end <= start:
            q = next(quote_iter, None)
        quoted = q is not None and q.start <= start < q.end
        if shouting and quoted and any(s <= start < e for s, e in shouting):
            continue
        upper = word[:1].isupper()
        # "al-Farsi", "bin-Talal": a lower-case particle that opens a name.
        particled = not upper and _PARTICLE_NAME_RE.match(word) is not None
        if not upper and word not in keep_lower and not particled:
            continue
        if "-" in word and upper and _is_compound_tail(word.rsplit("-", 1)[1]):
            continue  # "California-based", "English-speaking"; not "Kim Yong-hyun"
        if len(word) == 1 and word.isupper() and text.startswith(".", end):
            word += "."  # an initial keeps its stop: "Ann M. Cole"
        # Sentence-initial: first word of a sentence, a quotation or a bullet.
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        # A closing mark before the word ('"...," Cole said') does not open anything.
        initial = (
            start in sentence_starts
            or j < 0
            or text[j] in "\u201c\n:-\u2018("
            or (text[j] == '"' and quoted)
        )
        tokens.append(
            Tok(
                start,
                start + len(word),
                word,
                word.lower().rstrip("."),
                upper or particled,
                poss,
                initial,
                quoted,
                plural_owner,
            )
        )
    return tokens


def _is_compound_tail(tail: str) -> bool:
    """The lower-case English word of a compound adjective ("-based", "-led")."""
    return tail[:1].islower() and (tail in COMPOUND_TAILS or tail.endswith(_COMPOUND_ENDINGS))


def _shouting_spans(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    spans = []
    for q in quotes:
        words = _SHOUT_WORD_RE.findall(text, q.start, q.end)
        if len(words) >= 2 and sum(w.isupper() for w in words) >= 0.6 * len(words):
            spans.append((q.start, q.end))
    return spans


def _runs(text: str, tokens: list[Tok]) -> list[list[Tok]]:
    """Group capitalised tokens (with name/org connectors between) into runs."""
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.cap or (tok.text[:1].isdigit() and current and current[-1].low in ("g", "no")):
            if current:
                prev = current[-1]
                # after "'s", or after the lone apostrophe of "Workers' Party"
                mark = (2 if text[prev.end + 1 : prev.end + 2] == "s" else 1) if prev.poss else 0
                gap = text[prev.end + mark : tok.start]
                if (
                    (prev.poss and not _possessive_inside_name(prev, tok))
                    or not (gap.isspace() or _abbreviation_gap(prev, tok, gap))
                    or "\n" in gap
                    or len(gap) > 2
                ):
                    runs.append(current)
                    current = []
            current.append(tok)
            i += 1
            continue
        if (
            current
            and (tok.low in _KEEP_LOWER)
            and (tok.low != "on" or current[-1].low in _ON_HEADS)
            and not current[-1].poss
            and text[current[-1].end : tok.start] == " "
        ):
            # Keep connectors only when a capitalised word follows.
            j = i
            chain = []
            while j < n and not tokens[j].cap and (tokens[j].low in _KEEP_LOWER) and len(chain) < 3:
                chain.append(tokens[j])
                j += 1
            if j < n and tokens[j].cap and text[chain[-1].end : tokens[j].start] == " ":
                ok = all(
                    text[a.end : b.start] == " " for a, b in zip(chain, chain[1:], strict=False)
                )
                if ok:
                    current.extend(chain)
                    i = j
                    continue
        if current:
            runs.append(current)
            current = []
        # A lower-case name particle may start a name ("von der Leyen").
        if tok.low in NAME_PARTICLES and not tok.initial:
            j = i
            chain = []
            while j < n and tokens[j].low in NAME_PARTICLES and not tokens[j].cap:
                chain.append(tokens[j])
                j += 1
            if (
                chain
                and j < n
                and tokens[j].cap
                and len(chain) <= 3
                and i > 0
                and not tokens[i - 1].cap
            ):
                current.extend(chain)
                i = j
                continue
        i += 1
    if current:
        runs.append(current)
    return runs


def _abbreviation_gap(prev: Tok, tok: Tok, gap: str) -> bool:
    """``"Rep. Ann"``, ``"Ann M. Cole"``, ``"Lt. Col. Ann"``: a full stop that
    ends a title's abbreviation or an initial sits inside a name."""
    return (
        gap == ". "
        and not tok.initial
        and (len(prev.text) == 1 and prev.cap or prev.low in ABBREVIATED_TITLES)
    )


def _possessive_inside_name(prev: Tok, tok: Tok) -> bool:
    """``"the U.S. Attorney's Office"``, ``"the Sheriff's Department"``: an
    office named after its holder's title; ``"the National Women's
    Institute"``, ``"the Texas Sheriffs' Association"``: a body named after
    the people it serves or gathers."""
    return tok.low in ORG_KEYWORDS and (
        prev.low in _HOLDERS or prev.low in _PEOPLE_POSSESSORS or prev.plural_owner
    )


_HOLDERS = TITLE_HEADS | OFFICE_HOLDERS
_PEOPLE_POSSESSORS = PEOPLE_PLURALS | words("children people men")


def _title_end(run: list[Tok], i: int) -> int:
    """Index after a title phrase starting at ``i`` ("Prime Minister"), or ``i``."""
    end = i
    j = i
    while j < len(run) and j - i < 6:
        low = run[j].low
        if low in TITLE_HEADS and run[j].cap:
            end = j + 1
        elif not (low in TITLE_MODIFIERS and (run[j].cap or low in ("of", "for", "and", "the"))):
            break
        if run[j].poss:
            break
        j += 1
    # A lone modifier such as "General" starting "General Motors" is no title.
    return end


_LEXICON_FIRST = frozenset(
    key.split(" ", 1)[0]
    for table in (PARTY_FORMS, KNOWN_ORGS, COUNTRIES, DEMONYMS, PLACES, SUBDIVISIONS)
    for key in table
)


def _lexicon_match(run: list[Tok], i: int) -> tuple[int, str, str]:
    """Longest known phrase at ``i``: (end index, kind, canonical) or (i, "", "")."""
    if run[i].text.lower() not in _LEXICON_FIRST:
        return i, "", ""
    for size in (4, 3, 2, 1):
        j = i + size
        if j > len(run):
            continue
        if any(t.poss for t in run[i : j - 1]):
            continue
        phrase = " ".join(t.text for t in run[i:j]).lower()
        if size == 1:
            phrase = run[i].text.lower()
        if phrase in PARTY_FORMS:
            return j, "organization", PARTY_FORMS[phrase]
        if phrase in KNOWN_ORGS and (len(phrase) > 2 or run[i].text.isupper()):
            return j, "organization", KNOWN_ORGS[phrase]  # "UN", not "Kim Jong Un"
        if phrase in COUNTRIES:
            return j, "country", COUNTRIES[phrase]
        if phrase in DEMONYMS:
            nxt = run[j].low if j < len(run) else ""
            if nxt in STATE_ROLES:
                return j, "country", DEMONYMS[phrase]
            return j, "demonym", ""
        if phrase in PLACES or (phrase in SUBDIVISIONS and (size > 1 or j == len(run))):
            # A one-word region name followed by another name is a first name ("Paul").
            return j, "place", ""
    return i, "", ""


def _org_keyword_end(run: list[Tok], i: int) -> int:
    """Index after an organisation name starting at ``i``, or ``i`` when none.

    The name runs to the last organisation word before a title, honorific,
    possessive or connector ("Energy Savings Trust", "Home Office Minister").
    """
    last_kw = -1
    j = i
    limit = min(len(run), i + 7)
    while j < limit:
        tok = run[j]
        if tok.poss and j + 1 < len(run) and _possessive_inside_name(tok, run[j + 1]):
            j += 1
            continue  # "U.S. Attorney's Office"
        if tok.low in _MID_CONNECTORS and j > i and j + 1 < len(run) and run[j + 1].cap:
            if tok.low in ("and", "&") and _lexicon_match(run, j + 1)[1] in (
                "organization",
                "country",
            ):
                break  # "the United Nations and European Union": two bodies
            j += 1
            continue  # "Foreign and Commonwealth Office", "Efficiency in Government Unit"
        if tok.low in ORG_CONNECTORS or tok.low == "on" or (
            tok.low in NAME_PARTICLES and not tok.cap
        ):
            break
        if tok.low in ORG_KEYWORDS and tok.cap:
            last_kw = j
        elif tok.low in HONORIFICS or (tok.low in TITLE_HEADS and j > i):
            break
        if tok.poss:
            break
        j += 1
    if last_kw < 0:
        return i
    if all(t.low in TITLE_MODIFIERS or t.low in TITLE_HEADS for t in run[i : last_kw + 1]):
        return i  # "Chief Executive" is a title
    j = last_kw
    # Several keywords in a row ("Bank Holding Company").
    while (
        j + 1 < len(run) and run[j + 1].low in ORG_KEYWORDS and run[j + 1].cap and not run[j].poss
    ):
        j += 1
    end = j + 1
    # An "of ..." tail: "House of Commons", "Office for the Deputy Prime Minister".
    while (
        end < len(run)
        and not run[end - 1].poss
        and (
            (run[end].low in ORG_CONNECTORS and run[end].low != "and")
            or (run[end].low == "on" and run[end - 1].low in _ON_HEADS)
        )
    ):
        k = end + 1
        while k < len(run) and run[k].low in ORG_CONNECTORS and run[k].low != "and":
            k += 1
        if k >= len(run) or not run[k].cap or run[k].low in WEEKDAYS or run[k].low in MONTHS:
            break
        tail = k
        while k < len(run) and run[k].cap and not (k > tail and _starts_person_name(run, k)):
            k += 1
            if run[k - 1].poss:
                break
        end = k
    if (
        end > j + 1
        and 2 <= len(run) - end <= 4
        and run[end].low in ("and", "&")
        and all(t.cap and not t.poss for t in run[end + 1 :])
        and not _starts_person_name(run, end + 1)
        and _lexicon_match(run, end + 1)[1] not in ("organization", "country")
    ):
        end = len(run)  # "Department for Work and Pensions", "Center for Law and Social Policy"
    if run[j].low in ORG_KEYWORDS_NEED_TAIL and end == j + 1 and j == i:
        return i
    if end == i + 1 and j == i:
        return i  # a lone "Council", "the Bank"
    return end


def _starts_person_name(run: list[Tok], k: int) -> bool:
    """A given name and another capitalised word: "Ministry of Finance Brian
    Manning" is the ministry, then its minister."""
    return (
        run[k].low in FIRST_NAME_GENDER
        and k + 1 < len(run)
        and run[k + 1].cap
        and run[k + 1].low not in ORG_KEYWORDS
    )


def _is_acronym(tok: Tok) -> bool:
    if "." in tok.text and tok.low not in KNOWN_ORGS:
        return False  # "D.C.", "U.N." style: places or known forms only
    text = tok.text.replace(".", "").replace("&", "")
    if "-" in text:
        return _is_hyphenated_acronym(text)
    return (
        2 <= len(text) <= 6
        and text.isupper()
        and text.isalpha()
        and tok.text.replace(".", "") not in NOT_ORG_ACRONYMS
    )


def _is_hyphenated_acronym(text: str) -> bool:
    """ "Zanu-PF": a party's name, a word and its capitals; not two states
    ("China-UK"), a prefix ("Ex-PM") or a code ("KDP-C")."""
    head, _, tail = text.partition("-")
    return (
        2 <= len(tail) <= 4
        and tail.isupper()
        and tail.isalpha()
        and head.istitle()
        and head.isalpha()
        and not any(
            w.lower() in COUNTRIES or w.lower() in DEMONYMS or w.lower() in PLACES
            for w in (head, tail)
        )
        and head.lower() not in _PREFIXES
    )


def _after_city(text: str, tok: Tok) -> bool:
    """A state's abbreviation after "City, " ("Washington, DC", "Dover, Del.")."""
    return (
        tok.low.replace(".", "", tok.low.count(".") - 1) in US_STATE_ABBREVIATIONS
        and _CITY_COMMA_RE.search(text, max(0, tok.start - 30), tok.start) is not None
    )


def _modifies_thing(text: str, tok: Tok) -> bool:
    """ "the HE sector", "the new ILEARN exam": an unknown acronym naming a kind
    of thing, not an actor."""
    m = _NEXT_TWO_PLAIN_RE.match(text, tok.end)
    return (
        m is not None
        and (m.group(1) in THING_NOUNS or m.group(2) in THING_NOUNS)
        and tok.low not in KNOWN_ORGS
    )


def _run_candidate(text: str, toks: list[Tok], kind: str, canonical: str = "") -> Candidate:
    """A candidate of ``kind`` spanning ``toks``; its canonical name is the span's
    text unless given."""
    phrase = _span_text(text, toks)
    return Candidate(
        kind,
        toks[0].start,
        toks[-1].end,
        phrase,
        [t.text for t in toks],
        quoted=toks[0].quoted,
        canonical=canonical or phrase,
    )


def _span_text(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end]


def _segment(text: str, run: list[Tok], out: list[Candidate]) -> None:
    """Cut one run into candidates, appended to ``out``: the first step that
    reads the tokens at the cursor takes them, else a name chunk does."""
    seg = _Segmenter(text, run, out)
    if seg.paired_title():
        return
    seg.skip_opening()
    steps = (
        seg.connector,
        seg.date_word,
        seg.ampersand_firm,
        seg.keyword_org,
        seg.people_org,
        seg.honorific_before,
        seg.job_title,
        seg.known_phrase,
        seg.state_after_city,
        seg.acronym,
    )
    while seg.i < seg.n:
        for step in steps:
            if step():
                break
        else:
            seg.name_chunk()


class _Segmenter:
    """A cursor over one run, with the title and honorific read before a name."""

    def __init__(self, text: str, run: list[Tok], out: list[Candidate]) -> None:
        self.text, self.run, self.out = text, run, out
        self.i = 0
        self.n = len(run)
        self.role: list[Tok] = []
        self.honorific = ""
        self.honorific_text = ""
        self.after_place = False

    def _forget_title(self) -> None:
        self.role, self.honorific = [], ""

    def skip_opening(self) -> None:
        """Sentence-initial common words are never names ("But Tony Banks"); a
        capitalised common noun opening the sentence describes the name after
        it ("Adviser Andrei X said", "Carmaker Autoco has")."""
        run, n = self.run, self.n
        while (
            self.i < n
            and (run[self.i].low in STOPWORDS or run[self.i].low in ORG_CONNECTORS)
            and (
                run[self.i].initial
                or run[self.i].low in ORG_CONNECTORS
                or run[self.i].low in _ARTICLES
            )
        ):
            if _lexicon_match(run, self.i)[1] in ("organization", "country"):
                break
            self.i += 1
        i = self.i
        if (
            i + 1 < n
            and run[i].initial
            and not run[i].poss
            and run[i].low in _INITIAL_COMMON_NOUNS
            and run[i + 1].cap
            and run[i + 1].low not in TITLE_HEADS
        ):
            if run[i].low in ROLE_NOUNS:
                self.role = [run[i]]
            self.i += 1

    def connector(self) -> bool:
        tok = self.run[self.i]
        if (tok.low in _KEEP_LOWER) and (not tok.cap or tok.low in _PLAIN_CONNECTORS):
            self._forget_title()
            self.i += 1
            return True
        return False

    def date_word(self) -> bool:
        low = self.run[self.i].low
        if low in WEEKDAYS or (
            low in MONTHS and low not in ("may", "march", "jan") and len(low) > 3
        ):
            self.i += 1
            return True
        return False

    def ampersand_firm(self) -> bool:
        """ "Marsh & McLennan", "Procter & Gamble"."""
        run, i, n = self.run, self.i, self.n
        if not (i + 2 < n and run[i + 1].low == "&" and run[i + 2].cap and not run[i].poss):
            return False
        end = i + 3
        while end < n and run[end].cap and not run[end - 1].poss:
            end += 1
        self.out.append(_run_candidate(self.text, run[i:end], "organization"))
        self._forget_title()
        self.i = end
        return True

    def keyword_org(self) -> bool:
        """An organisation by keyword ("European Commission", "Institute for ...")."""
        run, i = self.run, self.i
        end = _org_keyword_end(run, i)
        lex_end, lex_kind, _ = _lexicon_match(run, i)
        if lex_kind in ("organization", "country", "place") and lex_end >= end:
            return False
        if end <= i:
            return False
        toks = run[i:end]
        while len(toks) > 2 and toks[0].low in _RANK_WORDS:
            toks = toks[1:]  # "Deputy High Court Judge X": the court, not a deputy court
        phrase = " ".join(t.text for t in toks)
        if any(t.poss for t in toks[:-1]):
            phrase = _span_text(self.text, toks)  # "the Sheriff's Office" keeps its "'s"
        if not _LAW_AFTER_RE.match(self.text, toks[-1].end):
            low = phrase.lower()
            canon = PARTY_FORMS.get(low) or KNOWN_ORGS.get(low) or phrase
            self.out.append(_run_candidate(self.text, toks, "organization", canon))
        self._forget_title()
        self.i = end
        return True

    def paired_title(self) -> bool:
        """ "The Post and Courier reported", "the Press and Journal newspaper": two
        singular words joined by "and" after "the", with an outlet's cue after."""
        run, text = self.run, self.text
        if self.n not in (3, 4):
            return False
        toks = run[1:] if run[0].low == "the" else run
        if not (
            len(toks) == 3
            and toks[1].low == "and"
            and (toks is not run or text[max(0, run[0].start - 4) : run[0].start].lower() == "the ")
            and _OUTLET_CUE_RE.match(text, toks[2].end + 2 * toks[2].poss)
        ):
            return False
        for k in (0, 2):
            low = toks[k].low
            if (
                (k == 0 and toks[0].poss)
                or (low.endswith("s") and not low.endswith("ss") and low not in ("news", "times"))
                or low in TITLE_HEADS
                or low in HONORIFICS
                or low in FIRST_NAME_GENDER
                or _lexicon_match(toks, k)[1]
            ):
                return False
        self.out.append(_run_candidate(text, toks, "organization"))
        return True

    def people_org(self) -> bool:
        """ "Doctors Without Borders", "Friends of Pelham Parkway": a plural noun for
        people, then "of", "for", "Against" or "Without" and a name."""
        run, i, n = self.run, self.i, self.n
        if not (
            i + 2 < n
            and run[i].low in PEOPLE_PLURALS
            and not run[i].poss
            and run[i + 1].low in ("of", "for", "against", "without")
            and run[i + 2].cap
        ):
            return False
        end = i + 2
        while (
            end < n
            and not run[end - 1].poss
            and (run[end].cap or run[end].low in ORG_CONNECTORS)
            and run[end].low not in TITLE_HEADS
            and run[end].low.rstrip(".") not in HONORIFICS
            and not _starts_person_name(run, end)
        ):
            end += 1
        while run[end - 1].low in ORG_CONNECTORS:
            end -= 1
        self.out.append(_run_candidate(self.text, run[i:end], "organization"))
        self._forget_title()
        self.i = end
        return True

    def honorific_before(self) -> bool:
        run, i, n = self.run, self.i, self.n
        tok = run[i]
        if (
            tok.low.rstrip(".") in HONORIFICS
            and i + 1 < n
            and (run[i + 1].cap or run[i + 1].low in NAME_PARTICLES)
            and not tok.poss
            and run[i + 1].low not in TITLE_HEADS
        ):
            self.honorific = tok.low.rstrip(".")
            self.honorific_text = tok.text
            self.i += 1
            return True
        return False

    def job_title(self) -> bool:
        """ "Prime Minister", "Home Secretary"."""
        tend = _title_end(self.run, self.i)
        if tend > self.i and not self.run[tend - 1].poss:
            self.role = self.run[self.i : tend]
            self.i = tend
            return True
        return False

    def known_phrase(self) -> bool:
        """Parties, institutions, countries, places from the lexicon."""
        run, i, n = self.run, self.i, self.n
        lend, kind, canon = _lexicon_match(run, i)
        if lend <= i:
            return False
        toks = run[i:lend]
        # "Jordan Henderson": a country name that is someone's first name.
        as_first_name = (
            kind == "country"
            and len(toks) == 1
            and toks[0].low in AMBIGUOUS_COUNTRIES
            and lend < n
            and run[lend].cap
            and not run[lend].poss
            and run[lend].low not in TITLE_HEADS
            and run[lend].low not in HONORIFICS
            and _lexicon_match(run, lend)[1] == ""
        )
        if kind in ("organization", "country") and not as_first_name:
            self.out.append(_run_candidate(self.text, toks, kind, canon))
        self.i = lend
        if kind != "demonym":
            self._forget_title()
        self.after_place = kind == "place"
        return True

    def state_after_city(self) -> bool:
        """ "Washington, DC", "Dover, Del.": part of a place."""
        if _after_city(self.text, self.run[self.i]):
            self.i += 1
            return True
        return False

    def acronym(self) -> bool:
        run, i, n, text = self.run, self.i, self.n, self.text
        if not (_is_acronym(run[i]) and not _modifies_thing(text, run[i])):
            return False
        end = i + 1
        while (
            end < n
            and not run[end - 1].poss
            and _is_acronym(run[end])
            and text[run[end - 1].end : run[end].start] == " "
        ):
            end += 1  # "ABN AMRO": acronyms side by side are one name
        toks = run[i:end]
        phrase = _span_text(text, toks)
        self.out.append(
            _run_candidate(text, toks, "organization", KNOWN_ORGS.get(phrase.lower(), ""))
        )
        self.i = end
        self._forget_title()
        return True

    def _chunk_end(self) -> int:
        """Where a name chunk from the cursor stops: a title, an honorific, a
        post-nominal, a connector, a known organisation or country."""
        run, i, n = self.run, self.i, self.n
        j = i
        while j < n:
            t = run[j]
            if j > i and (t.low in TITLE_HEADS and t.cap and t.low not in ("general",)):
                break
            if j > i and t.low.rstrip(".") in HONORIFICS and j + 1 < n and run[j + 1].cap:
                break  # "Interrupting Mr Sukul"
            if t.low in POST_NOMINALS and t.text.isupper():
                break
            if t.low in _PLAIN_CONNECTORS or (
                t.low in ORG_CONNECTORS and not t.cap and t.low not in NAME_PARTICLES
            ):
                break
            if j > i and _lexicon_match(run, j)[1] in ("organization", "country"):
                break
            j += 1
            if t.poss:
                break
        return j

    def name_chunk(self) -> None:
        run, i, n, text = self.run, self.i, self.n, self.text
        j = self._chunk_end()
        if j == i:
            self.i += 1
            return
        chunk = run[i:j]
        while chunk and chunk[-1].low in NAME_PARTICLES:
            chunk.pop()
            j -= 1
        if not chunk:
            self.i = max(j, i + 1)
            return
        if (
            j < n
            and run[j].low in TITLE_HEADS
            and run[j].cap
            and not chunk[-1].poss
            and not self.honorific
            and run[j].low not in POST_NOMINALS
        ):
            self.role = chunk + [run[j]]  # "Holyrood Leader X": the chunk qualifies a title
            self.i = j + 1
            return
        if _LAW_AFTER_RE.match(text, chunk[-1].end):
            self._forget_title()
            self.i = j
            return
        role_text = " ".join(t.text for t in self.role)
        honorific = self.honorific
        prefix = " ".join(x for x in (role_text, self.honorific_text if honorific else "") if x)
        cand = Candidate(
            "name",
            chunk[0].start,
            chunk[-1].end,
            _span_text(text, chunk),
            [t.text for t in chunk],
            honorific=honorific,
            role=role_text,
            strong=bool(honorific or self.role),
            initial=chunk[0].initial,
            quoted=chunk[0].quoted,
        )
        cand.after_place = self.after_place and not self.role and not honorific
        cand.prefix = prefix
        self.out.append(cand)
        self._forget_title()
        self.after_place = False
        self.i = j
        while self.i < n and run[self.i].low in POST_NOMINALS and run[self.i].text.isupper():
            cand.strong = True
            self.i += 1


# What follows an outlet's name: "The Post and Courier newspaper", "... reported".
_OUTLET_CUE_RE = re.compile(
    r"\s+(?:newspaper|paper|daily|weekly|magazine|tabloid|reported|reports|said|says|wrote|"
    r"writes|published|editorial)\b"
)
# The word after a name, and "City, " before a state's abbreviation.
CAP_NEXT_RE, PLAIN_NEXT_RE, _NEXT_TWO_PLAIN_RE, _CITY_COMMA_RE = map(
    re.compile,
    (
        r"(?:['\u2019]s)? [A-Z]",
        r" ([a-z]+)\b",
        r" ([a-z]+)\b(?: ([a-z]+)\b)?",
        r"[A-Z][a-z]+,\s$",
    ),
)


def name_spans(text: str, tokens: list[Tok]) -> list[Candidate]:
    """The name candidates of ``text``: its runs of capitalised tokens, segmented."""
    candidates: list[Candidate] = []
    for run in _runs(text, tokens):
        if len(run) == 1 and run[0].low in _ARTICLES:
            continue  # "A" or "The" alone: what a segmenter skips first, never a name
        _segment(text, run, candidates)
    return candidates
