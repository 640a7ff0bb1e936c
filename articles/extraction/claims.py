"""Quotes, attributed statements and check-worthy facts, one sentence at a time.

Speakers are found the way a reader finds them:

* a reporting verb after the quote (``"...," said Mr Howard``, ``"...," he said``)
  or before it (``Mr Blair told the BBC: "..."``); the verb's subject is the
  actor named in the clause before it, past any appositive
  (``Prof X, who led the study, said``), or after it when inverted;
* a pronoun (he/she/they) is the subject of a recent sentence that fits, with
  the gender the text gives (Mrs/Ms/she);
* a role ("the prime minister", "the chancellor") is the person the article
  gave that role;
* a quote with no credit of its own continues the quote next to it, or the
  last speaker before it (quotes running over sentences and paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from . import checkworthiness
from .actors import ActorIndex, ActorInfo
from .checkworthiness import FACTUAL_MIN
from .lexicon import (
    ABBREVIATED_TITLES,
    DOCUMENT_NOUNS,
    FIRM_HEADS,
    GENERIC_SPEAKERS,
    INDEFINITE_DETERMINERS,
    LESSER_TITLES,
    ORG_ANAPHOR_HEADS,
    PERSON_ROLE_HEADS,
    POSSESSIVE_DETERMINERS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SPEAKER_DETERMINERS,
    TITLES_BEFORE_NAME,
    WEAK_VERBS,
    WORKPLACE_LINKS,
    find_reporting,
    words,
)
from .quotes import QuoteSpan
from .types import ExtractedClaim

_BOUNDARY_RE = re.compile(
    r"(?:,(?!\d)|(?<!\d),)|[;:()\u2014\u2013]|\s-\s|\b(?:but|and|that|while|whilst|as|because|when|after|before|"
    r"which|who|whom|whose|where|if|although|though|since|so|yet|whether)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(
    r"^\W*(?:(?:but|and|so|yet|however|then|now)\W+)?(he|she|they|it|we|i)\b", re.IGNORECASE
)
_PRONOUN_END_RE = re.compile(r"\b(he|she|they)\s*$", re.IGNORECASE)
_ROLE_NP_RE = re.compile(r"\bthe\s+((?:[\w-]+\s+){0,2}[\w-]+)\s*$", re.IGNORECASE)
_AUX_TAIL_RE = re.compile(
    r"(?:\s+(?:has|had|have|also|will|would|is|was|were|are|be|been|then|later|now|this|"
    r"last|next|week|month|year|yesterday|today|earlier|previously|recently|again|so|far|"
    r"once|further|separately|instead|repeatedly|publicly|privately|always|often|"
    r"on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|"
    r"afternoon|evening|night|not|never|already|too|even|just|only|still|did|does|do|"
    r"may|might|could|should|can|to|is\s+expected|was\s+expected))+\s*$",
    re.IGNORECASE,
)
#: Nouns before "of" that make the quoted words a name ("the use of "We"").
_MENTION_NOUNS = words("use name title word words term phrase")
#: Prepositions that put a short lower-case quoted phrase in the writer's own
#: sentence as a term ("were on "atypical contracts""), not as anyone's speech.
_TERM_PREPOSITIONS = words("on in into under at")
_LISTED_AFTER_TERM_RE = re.compile(
    r"\b(?:words?|terms?|phrases?)\s+[\"\u201c][^\"\u201d]{1,40}[\"\u201d],?\s+(?:and|or)\s+"
    r"[\"\u201c]$"
)
_NAME_CUES_BEFORE = {
    "words",
    "word",
    "term",
    "terms",
    "phrase",
    "tagline",
    "hashtag",
    "so-called",
    "dubbed",
    "entitled",
    "titled",
    "named",
    "nicknamed",
    "headlined",
    "headline",
    "headlines",
    "caption",
    "study",
    "report",
    "book",
    "film",
    "show",
    "programme",
    "album",
    "song",
    "campaign",
    "slogan",
    "motto",
    "brand",
    "label",
    "series",
    "novel",
    "play",
    "documentary",
    "operation",
    "codenamed",
    "code-named",
    "magazine",
    "newspaper",
    "paper",
    "website",
    "blog",
    "initiative",
    "scheme",
    "strategy",
    "plan",
    "document",
    "white",
}
_NAME_CUES_AFTER = {
    "catchphrase",
    "slogan",
    "campaign",
    "report",
    "study",
    "programme",
    "brand",
    "label",
    "logo",
    "scheme",
    "initiative",
    "strategy",
    "series",
    "website",
    "album",
    "song",
    "film",
    "tag",
    "motto",
    "nickname",
}
_PERSON_ROLE_HEADS = PERSON_ROLE_HEADS
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|your|these|those|such|any|no|of)\s+$|['\u2019]s?\s+$",
    re.IGNORECASE,
)
_NOUN_CLAIM_BEFORE_RE = re.compile(r"\b[a-z]{3,}(?<!ly)(?<!ics)(?<!ers)(?<!ists)\s+$")
_SENTENCE_ROLE_RE = re.compile(
    r"(?:(?:But|And|Yet|So|Meanwhile|However|Earlier|Later|Now|Instead),?\s+)?[Tt]he\s+"
    r"((?:[A-Za-z-]+\s+){0,2}(?:" + "|".join(sorted(PERSON_ROLE_HEADS)) + r"))\b"
)
_ROLE_AFTER_RE = re.compile(r"\s*the\s+((?:[\w'-]+\s+){0,3}?[\w-]+)\s*(?:[,.;:]|$)", re.I)
_INVERTED_NP_RE = re.compile(
    r"\s+(?:a|an|the|one|some|two)\s+[\w'-]+(?:\s+[\w'-]+){0,4}\s*(?:[.,;:]|$)", re.I
)
# Nouns that stand for an organisation named before ("the company", "the watchdog").
_ORG_HEADS = ORG_ANAPHOR_HEADS
# "It is estimated that", "It was clear": an "it" that stands for nobody.
_EXPLETIVE_IT_RE = re.compile(
    r"it\s+(?:is|was|has\s+been|had\s+been|would\s+be|will\s+be|seems|seemed|appears|"
    r"appeared|remains|remained)\b",
    re.I,
)
# Words that open a noun phrase, not a verb phrase sharing an earlier subject.
_NOT_A_VERB = words(
    "the a an his her their its our my your this that these those some many most all other "
    "others critics officials analysts ministers mps experts he she they it we i there one "
    "no any each every both several few people staff members"
)
_AS_NAME_CUES = words("known referred nicknamed")
_TITLE_CUES = words("headline headlines caption")
_CAP_WORD_NEXT_RE = re.compile(r"[\"\u201d]?[ ]+[A-Z][a-z]")
_DASH_RE = re.compile(r"\s[-\u2013\u2014]\s|\u2014")
_DASH_TAIL_RE = re.compile(r"(?:\s[-\u2013\u2014]|\u2014)\s*$")
_NO_STATEMENT_BEFORE_RE = re.compile(
    r"(?:\b(?:not|never|yet\s+to)\s+(?:yet\s+|immediately\s+)?"
    r"|\b(?:few|nobody|no\s+one|none)\s+(?:(?:would|could|will|can|might)\s+)?)$",
    re.IGNORECASE,
)
_NO_STATEMENT_AFTER_RE = re.compile(
    r"\s+(?:to\s+)?(?:requests?|messages?|calls?|emails?|inquiries|enquiries)\s+(?:for|seeking)\s+"
    r"comment|\s+(?:for\s+)?comment\b",
    re.IGNORECASE,
)
_ACRONYM_IN_BRACKETS_RE = re.compile(r"\([A-Z][A-Za-z&]{1,7}\)")
_OWN_OFFICE_RE = re.compile(r"\s*(his|her|His|Her)\s+office\s*$")
_CLAUSE_END_RE = re.compile(r"[.;:!?,\"\u201c\u201d()]")
_ABBREVIATION_BEFORE_RE = re.compile(
    r"(?<![\w.])(?:[A-Z]|(?i:" + "|".join(sorted(ABBREVIATED_TITLES)) + r"))$"
)
_INVERTIBLE = words(
    "say said says added adds argued argues insisted insists warned warns continued wrote writes "
    "asked explained claimed claims declared replied stressed noted suggested admitted "
    "conceded recalled concluded countered retorted quipped joked remarked commented"
)
_UNNAMED_SPOKESMAN_RE = re.compile(
    r"\s*(?:(?:but|and)\s+)?(?:a|an|one)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:spokesman|spokeswoman|"
    r"spokesperson|source|official|aide|insider)\b(?:\s+for\s+[\w\s'\u2019-]*)?\s*$",
    re.IGNORECASE,
)
_INDEFINITE_OPENINGS = tuple(w + " " for w in sorted(INDEFINITE_DETERMINERS))
_POSSESSIVE_OPENINGS = tuple(w + " " for w in sorted(POSSESSIVE_DETERMINERS))
_NOT_SUBJECT_STARTS = words(
    "about on over for in at to with by from whether if into of as after before "
    "it he she they we i that there this these those what how why"
)
_AGENT_CONTEXT_RE = re.compile(
    r"(?:[-,\u2013\u2014]|\b(?:was|were|been|being|be|is|are)(?:\s+\w+ly)?)\s*$", re.I
)
_SPEAKER_WORDS = GENERIC_SPEAKERS | ROLE_NOUNS | words("he she they we adviser advisers")
_POST_NOMINAL_TAIL_RE = re.compile(r",\s*(?:QC|KC|MP|MSP|MEP|AM|OBE|MBE|CBE)\s*$")
_OWNED_DOC_RE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,4}?(report|study|survey|research|poll|analysis|review|"
    r"figures|statement|letter|findings|book|minutes|document|paper|manifesto|memo)\b"
)
_DOC_ALT = (
    "report|study|survey|research|poll|analysis|review|figures|statement|letter|findings|"
    "book|minutes|document|paper|manifesto|memo|biography|memoir|memoirs|dossier"
)
_DOC_BY_RE = re.compile(
    rf"\b({_DOC_ALT})\s*,?\s+(?:(?:written|published|undertaken|commissioned|carried\s+out|"
    rf"conducted)\s+)?(?:by|for)\s+(?:(?:the\s+)?(?-i:[a-z-]+)\s+){{0,2}}",
    re.I,
)
_DOC_SUBJECT_RE = re.compile(
    rf"(?i)\s*(?:the|a|an|this|that|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}({_DOC_ALT})\b"
    rf"[^.;:\"\u201c\u201d]{{0,120}}$"
)
_DOC_NP_RE = re.compile(
    rf"\s*(?:a|an|the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){{0,3}}?({_DOC_ALT})\b", re.I
)
# Reporting verbs that are never nouns or adjectives: "Foster's said" is the firm speaking.
_NEVER_NOUNS = words("said says told tells")
_THEIR_PEOPLE_RE = re.compile(
    r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:advisers|advisors|aides|officials|allies|critics|"
    r"supporters|spokesman|spokeswoman|spokesperson|spokesmen|staff|lawyers|friends|"
    r"colleagues|sources|officers|members|backers|opponents|rivals)\s*$",
    re.I,
)
_AUX_WORDS = words("had has have was were is are would will could should did does may might")
_FROM_RE = re.compile(r"\s+(?:from|by|of)\s+")
_SUBJECT_WINDOW = 300
_MAX_VERBS = 8
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:also\s+|\w+ly\s+)?$", re.I
)
_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(slots=True)
class _Context:
    text: str
    masked: str
    sentences: list[tuple[int, int]]
    index: ActorIndex
    mentions: list[tuple[int, int, ActorInfo]]  # outside quotes, outermost only
    subjects: list[ActorInfo | None]  # per sentence, filled as we go
    verbs: list[tuple[int, int, str]]  # reporting verbs outside quotes
    verb_starts: list[int]
    mention_starts: list[int] = field(default_factory=list)
    doc_owners: list[tuple[int, str, ActorInfo]] = field(default_factory=list)


def _outer_mentions(index: ActorIndex, quotes: list[QuoteSpan]) -> list[tuple[int, int, ActorInfo]]:
    out: list[tuple[int, int, ActorInfo]] = []
    qi = 0
    for m in index.mentions:  # sorted by start, longest first
        while qi < len(quotes) and quotes[qi].end <= m[0]:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= m[0] < quotes[qi].end:
            continue
        if out and out[-1][0] <= m[0] and m[1] <= out[-1][1]:
            continue
        out.append(m)
    return out


def _mentions_in(ctx: _Context, start: int, end: int) -> list[tuple[int, int, ActorInfo]]:
    lo = bisect_left(ctx.mention_starts, start)
    hi = bisect_left(ctx.mention_starts, end)
    return [m for m in ctx.mentions[lo:hi] if m[1] <= end]


def _pick(mentions: list[tuple[int, int, ActorInfo]], first: bool = True) -> ActorInfo | None:
    people = [m for m in mentions if m[2].actor.kind == "person"]
    pool = people or mentions
    if not pool:
        return None
    return pool[0][2] if first else pool[-1][2]


def _role_key(role: str) -> str:
    """A job title in lower case with its synonym's usual form ("premier" and
    "PM" are "prime minister")."""
    words = role.lower().split()
    if words and words[-1] in ROLE_SYNONYMS:
        words[-1:] = ROLE_SYNONYMS[words[-1]].split()
    return " ".join(words)


def _role_is(role: str, phrase: str) -> bool:
    """ "Prime Minister" is "the prime minister"; "Deputy Prime Minister" is not."""
    if not role.endswith(phrase):
        return False
    extra = role[: len(role) - len(phrase)].split()
    return not any(w.strip("-") in LESSER_TITLES for w in extra)


def _comma_aside(masked: str, start: int, core_end: int) -> tuple[tuple[int, int] | None, int]:
    """For a subject zone ending in a comma: the aside between it and the comma
    before (or None), and where the subject itself ends."""
    last = core_end - 1
    prev = masked.rfind(",", start, last)
    if prev >= 0:
        return (prev + 1, last), prev
    return None, last


def _dash_aside(masked: str, start: int, core: str) -> tuple[tuple[int, int] | None, str]:
    """ "Andrei X - then adviser to President Y - told": the aside between the
    dashes, and the subject before it (or None and ``core`` unchanged)."""
    dash = _DASH_TAIL_RE.search(core)
    if dash is None:
        return None, core
    opening = _DASH_RE.search(core, 0, dash.start())
    while opening is not None:
        nxt = _DASH_RE.search(core, opening.end(), dash.start())
        if nxt is None:
            break
        opening = nxt
    if opening is None or masked.count("\n", start + opening.end(), start + len(core)) != 0:
        return None, core
    return (start + opening.end(), start + dash.start()), masked[start : start + opening.start()]


def _subject_core(masked: str, start: int, end: int) -> tuple[str, tuple[int, int] | None]:
    """The subject zone ``masked[start:end]`` without its trailing aside,
    post-nominals and auxiliaries; and the aside (comma or dashes), if any."""
    stripped = masked[start:end].rstrip()
    core_end = start + len(stripped)
    appos: tuple[int, int] | None = None
    if stripped.endswith(","):
        appos, core_end = _comma_aside(masked, start, core_end)
    core = _POST_NOMINAL_TAIL_RE.sub("", masked[start:core_end])
    head, tail = core[:-80], core[-80:]
    core = (head + _AUX_TAIL_RE.sub("", tail)).rstrip()
    if appos is None and core.endswith(","):
        # "Turkey, which occupies northern Cyprus, had previously insisted"
        appos, core_end = _comma_aside(masked, start, start + len(core))
        core = masked[start:core_end]
    if appos is None:
        appos, core = _dash_aside(masked, start, core)
    return core, appos


@dataclass(slots=True)
class _Clause:
    """The noun phrase before a reporting verb, and what the subject steps read of it."""

    start: int  # of the subject zone
    end: int  # of the noun phrase (and the zone's core)
    sent: int
    fallback: bool
    appos: tuple[int, int] | None  # an aside between commas or dashes
    boundary: re.Match | None  # the last clause boundary, which the noun phrase follows
    np_start: int
    text: str  # of the noun phrase
    mentions: list[tuple[int, int, ActorInfo]]  # in the noun phrase
    named: list[tuple[int, int, ActorInfo]]  # the same, past an inner reporting verb
    lead: list[str]  # its first words, lower case, past an article
    words: list[str]  # all its words, lower case
    tail_at: int  # where its last 60 characters start

    def boundary_is(self, *forms: str) -> bool:
        return self.boundary is not None and self.boundary.group().lower() in forms

    @property
    def boundary_at(self) -> int:
        return self.start + self.boundary.start()


def _last_boundary(ctx: _Context, start: int, core: str) -> tuple[int, re.Match | None]:
    """Where the noun phrase ending ``core`` (at ``start``) starts: after the last
    clause boundary outside a name, which is returned too."""
    np_start = start
    last_boundary = None
    inside = [(m0, m1) for m0, m1, _info in _mentions_in(ctx, start, start + len(core))]
    for m in _BOUNDARY_RE.finditer(core):
        at = start + m.start()
        if any(m0 <= at < m1 for m0, m1 in inside):
            continue  # "Public and Commercial Services Union" is one name
        np_start = start + m.end()
        last_boundary = m
    return np_start, last_boundary


def _clause(ctx: _Context, start: int, end: int, sent: int, fallback: bool) -> _Clause:
    start = max(start, end - _SUBJECT_WINDOW)  # a subject sits close to its verb
    core, appos = _subject_core(ctx.masked, start, end)
    core_end = start + len(core)
    np_start, last_boundary = _last_boundary(ctx, start, core)
    np_text = ctx.masked[np_start:core_end]
    mentions = _mentions_in(ctx, np_start, core_end)
    named = mentions
    inner_verbs = _verbs(ctx, np_start, core_end)
    if inner_verbs:
        # "Mr Howard denied Mr Yeo ... said": the name after the inner verb.
        named = [m for m in mentions if m[0] >= inner_verbs[-1][1]] or mentions
    lead = np_text.strip().lower().split(" ", 2)
    if lead and lead[0] in ("the", "a", "an") and len(lead) > 1:
        lead = lead[1:]
    words = [w.lower() for w in _WORD_RE.findall(np_text)]
    tail_at = max(0, len(np_text) - 60)
    return _Clause(
        start,
        core_end,
        sent,
        fallback,
        appos,
        last_boundary,
        np_start,
        np_text,
        mentions,
        named,
        lead,
        words,
        tail_at,
    )


_Found = tuple[bool, ActorInfo | None] | None


def _is_org(info: ActorInfo) -> bool:
    return info.actor.kind == "organization"


def _take_gender(info: ActorInfo, want: str) -> bool:
    """True for a person of gender ``want`` or of none given, which then is ``want``."""
    if info.actor.kind == "person" and info.gender in ("", want):
        info.gender = info.gender or want
        return True
    return False


class _Resolver:
    def __init__(self, ctx: _Context):
        self.ctx = ctx

    def pronoun(self, word: str, sent: int, pos: int = -1) -> ActorInfo | None:
        """Who "he", "she", "they" or "it" at ``pos`` in sentence ``sent`` stands for."""
        word = word.lower()
        if word in ("he", "she"):
            return self._personal_pronoun("m" if word == "he" else "f", sent, pos)
        if word in ("they", "it"):
            return self._recent_subject(sent, 2, _is_org)
        return None

    def _personal_pronoun(self, want: str, sent: int, pos: int) -> ActorInfo | None:
        """A person of gender ``want`` (or none given, which it then gets): the one
        opening this sentence before ``pos``, else a recent subject or mention."""
        ctx = self.ctx
        if pos >= 0:
            # "Mr Lewis wants an inquiry - cash he says is wasted": the subject
            # that opens the sentence, not any name before the pronoun.
            s0 = ctx.sentences[sent][0]
            for m0, _m1, info in _mentions_in(ctx, s0, pos)[:1]:
                if len(ctx.masked[s0:m0].split()) <= 2 and _take_gender(info, want):
                    return info
        for k in range(sent - 1, max(-1, sent - 6), -1):
            cand = ctx.subjects[k]
            if cand is not None and _take_gender(cand, want):
                return cand
            for _m0, _m1, info in _mentions_in(ctx, *ctx.sentences[k]):
                if _take_gender(info, want):
                    return info
        return None

    def _recent_subject(
        self, sent: int, back: int, fits: Callable[[ActorInfo], bool]
    ) -> ActorInfo | None:
        """The subject of one of the ``back`` sentences before ``sent`` that ``fits``."""
        for k in range(sent - 1, max(-1, sent - 1 - back), -1):
            cand = self.ctx.subjects[k]
            if cand is not None and fits(cand):
                return cand
        return None

    def role(self, phrase: str, before: int, sent: int, anaphoric: bool = True) -> ActorInfo | None:
        """Who "the prime minister", "the company" at ``before`` is: the person
        holding that title, else (for a person's title) someone just spoken of
        or the article's main person, else the organisation it stands for."""
        phrase = _role_key(phrase)
        if not phrase:
            return None
        holder = self._role_holder(phrase)
        if holder is not None:
            return holder
        head = phrase.split()[-1]
        if head in _PERSON_ROLE_HEADS:
            return self._unheld_role(phrase, sent, anaphoric)
        return self._org_anaphor(head, before, sent)

    def _role_holder(self, phrase: str) -> ActorInfo | None:
        """The person the text gives the title ``phrase``; "the mayor" is the
        Mayor before the Deputy Mayor."""
        holders = [
            info
            for info in self.ctx.index.actors
            if info.actor.kind == "person"
            and info.actor.role
            and (
                _role_is(_role_key(info.actor.role), phrase)
                or (" " in info.actor.role and phrase.endswith(_role_key(info.actor.role)))
            )
        ]
        return min(holders, key=lambda info: len(info.actor.role)) if holders else None

    def _unheld_role(self, phrase: str, sent: int, anaphoric: bool) -> ActorInfo | None:
        """A person's title nobody holds by name in the text."""
        if anaphoric:
            # The person just spoken of, unless the text gave them another title.
            recent = self._recent_subject(
                sent,
                3,
                lambda c: (
                    c.actor.kind == "person"
                    and (not c.actor.role or phrase.endswith(c.actor.role.lower()))
                ),
            )
            if recent is not None:
                return recent
        # "the Ealing North MP": a one-word title the phrase ends with.
        loose = [
            info
            for info in self.ctx.index.actors
            if info.actor.kind == "person"
            and info.actor.role
            and phrase.endswith(info.actor.role.lower())
        ]
        if len(loose) == 1:
            return loose[0]
        if anaphoric and not loose:
            # "The mayor accused ...": a role the text never gives anyone by name
            # is the article's main person, when nobody else is a candidate.
            return self._topic_person(phrase)
        return None

    def _org_anaphor(self, head: str, before: int, sent: int) -> ActorInfo | None:
        """ "the coalition", "the company": the organisation named so."""
        if head in FIRM_HEADS:
            # "the company said": the firm the article is about, when one leads.
            firm = self._topic_org(before)
            if firm is not None:
                return firm
        if head in _ORG_HEADS and sent >= 0:
            recent = self._recent_subject(sent, 5, _is_org)
            if recent is not None:
                return recent
        best = None
        latest = -1
        for start, _end, info in self.ctx.mentions:
            if start >= before:
                break
            if info.actor.kind == "organization" and (
                head in info.actor.name.lower().split() or (head in _ORG_HEADS and start > latest)
            ):
                best, latest = info, start
        return best

    def subject(
        self, start: int, end: int, sent: int, fallback: bool = True
    ) -> tuple[bool, ActorInfo | None]:
        """Who the clause ``masked[start:end]`` (ending just before a verb) credits.

        Returns (found_a_subject_phrase, actor_or_None): the answer of the first
        of ``_SUBJECT_STEPS`` that has one.
        """
        clause = _clause(self.ctx, start, end, sent, fallback)
        for step in self._SUBJECT_STEPS:
            found = step(self, clause)
            if found is not None:
                return found
        return bool(clause.words), None

    def _named_before_boundary(self, c: _Clause, gap: int) -> ActorInfo | None:
        """The actor named last before the clause boundary, ending within ``gap``."""
        named = _mentions_in(self.ctx, c.start, c.boundary_at)
        if named and c.boundary_at - named[-1][1] <= gap:
            return named[-1][2]
        return None

    def _own_office(self, c: _Clause) -> _Found:
        """ "His office said": the office speaks for the person "his" refers to."""
        office = _OWN_OFFICE_RE.match(c.text)
        if office is not None and office.group(1).lower() in ("his", "her"):
            pronoun = "he" if office.group(1).lower() == "his" else "she"
            return True, self.pronoun(pronoun, c.sent, c.np_start)
        return None

    def _unnamed(self, c: _Clause) -> _Found:
        """ "A spokesman for the Home Office", "President Bush's advisers": unnamed,
        so null; "The party's health spokeswoman, Eleanor Scott, said" is named."""
        if _UNNAMED_SPOKESMAN_RE.match(c.text):
            return True, None
        if _THEIR_PEOPLE_RE.search(c.text) and not (
            c.appos and any(m[2].actor.kind == "person" for m in _mentions_in(self.ctx, *c.appos))
        ):
            return True, None
        return None

    def _name_then_role(self, c: _Clause) -> _Found:
        """ "Mark Serwotka, the leader of the PCS union said": the name before the comma."""
        if c.boundary_is(",") and c.lead and c.lead[0] in ROLE_NOUNS:
            info = self._named_before_boundary(c, 1)
            if info is not None:
                return True, info
        return None

    def _name_then_workplace(self, c: _Clause) -> _Found:
        """ "Armando Falcon, OFHEO director said", "Colin Asplin, Blackpool Hotel
        Association said": a person, then where they work."""
        if not (
            c.boundary_is(",")
            and c.mentions
            and all(m[2].actor.kind == "organization" for m in c.mentions)
        ):
            return None
        rest = c.text
        for m0, m1, _info in reversed(c.mentions):
            rest = rest[: m0 - c.np_start] + rest[m1 - c.np_start :]
        extra = [w.lower() for w in _WORD_RE.findall(rest)]
        if all(w in ROLE_NOUNS or w in WORKPLACE_LINKS for w in extra):
            info = self._named_before_boundary(c, 1)
            if info is not None and info.actor.kind == "person":
                return True, info
        return None

    def _relative_antecedent(self, c: _Clause) -> _Found:
        """ "Mr Galloway, who on Thursday won damages from the Daily Telegraph said":
        the relative clause never closed; its antecedent is the subject."""
        if (
            c.boundary_is("who", "which", "whose")
            and c.lead
            and c.lead[0] not in _SPEAKER_WORDS
            and c.lead[0] not in ("it", "i", "you")
        ):
            info = self._named_before_boundary(c, 3)
            if info is not None:
                return True, info
        return None

    def _shared_subject(self, c: _Clause) -> _Found:
        """ "He plans to stand but refused to confirm": the verb shares the
        subject that opens the sentence."""
        if not (c.boundary_is("and", "but") and not c.mentions and c.sent >= 0):
            return None
        first_word = c.text.split()[:1]
        if not first_word or not first_word[0].islower() or first_word[0] in _NOT_A_VERB:
            return None
        ctx = self.ctx
        s0 = ctx.sentences[c.sent][0]
        pm = _PRONOUN_RE.match(ctx.masked[s0 : c.boundary_at])
        if pm and pm.group(1).lower() in ("he", "she"):
            return True, self.pronoun(pm.group(1), c.sent)
        opening = _mentions_in(ctx, s0, c.boundary_at)[:1]
        if opening and len(ctx.masked[s0 : opening[0][0]].split()) <= 2:
            return True, opening[0][2]
        return None

    def _end_pronoun(self, c: _Clause) -> _Found:
        """ "But standing next to Mr Blair he added": the pronoun is the subject."""
        pm = _PRONOUN_END_RE.search(c.text, c.tail_at)
        if pm and (not c.mentions or c.mentions[-1][1] < c.np_start + pm.start()):
            return True, self.pronoun(pm.group(1), c.sent, c.np_start)
        return None

    def _named_person(self, c: _Clause) -> _Found:
        """A person named in the noun phrase, else in its aside."""
        people = [m for m in c.named if m[2].actor.kind == "person"]
        if people:
            return True, people[0][2]
        if c.appos:
            ap_people = [m for m in _mentions_in(self.ctx, *c.appos) if m[2].actor.kind == "person"]
            if ap_people:
                return True, ap_people[0][2]
        return None

    def _qualified_role(self, c: _Clause) -> _Found:
        """ "the Liberal Democrat leader": a role an organisation qualifies; "The
        UK's top judge", "The US firm": a person or firm, never the country."""
        if not c.named:
            return None
        ctx = self.ctx
        last = c.named[-1]
        after = ctx.masked[last[1] : c.end].split()
        if not after or len(after) > 3:
            return None
        if after[-1].lower().split("-")[-1] in _PERSON_ROLE_HEADS:
            lead_words = ctx.masked[c.np_start : last[0]].lower().split()
            definite = bool(lead_words) and lead_words[-1] == "the"
            info = self.role(ctx.masked[last[0] : c.end], c.np_start, c.sent, anaphoric=definite)
            if info is not None and info.actor.kind == "person":
                return True, info
        if last[2].actor.kind != "country":
            return None
        if after[-1].lower() in ROLE_NOUNS:
            return True, self._topic_person(" ".join(after).lower())
        if after[-1].lower() in _ORG_HEADS:
            earlier = [
                m[2]
                for m in _mentions_in(ctx, max(0, c.np_start - 400), c.np_start)
                if m[2].actor.kind == "organization"
            ]
            return True, earlier[-1] if earlier else None
        return None

    def _named_org(self, c: _Clause) -> _Found:
        """ "An executive at US insurance firm Marsh": the firm, not its country."""
        if c.named:
            orgs = [m for m in c.named if m[2].actor.kind == "organization"]
            return True, (orgs or c.named)[0][2]
        return None

    def _role_phrase(self, c: _Clause) -> _Found:
        """ "the chancellor told reporters": the role, even when nobody holds it by name."""
        rm = _ROLE_NP_RE.search(c.text, c.tail_at)
        if rm:
            whole_np = not c.text[: rm.start()].strip()
            info = self.role(rm.group(1), c.np_start + rm.start(), c.sent, anaphoric=whole_np)
            if info is not None or rm.group(1).split()[-1].lower() in _PERSON_ROLE_HEADS:
                return True, info
        return None

    def _named_aside(self, c: _Clause) -> _Found:
        """Anyone named in the aside."""
        if c.appos:
            ap = _mentions_in(self.ctx, *c.appos)
            if ap:
                return True, ap[0][2]
        return None

    def _any_pronoun(self, c: _Clause) -> _Found:
        pm = _PRONOUN_RE.match(c.text) or _PRONOUN_END_RE.search(c.text, c.tail_at)
        if pm:
            return True, self.pronoun(pm.group(1), c.sent, c.np_start)
        return None

    def _document(self, c: _Clause) -> _Found:
        """ "The new book claims": the book named earlier as someone's speaks for them."""
        docs = [w for w in c.words if w in DOCUMENT_NOUNS]
        if docs and not c.named:
            indefinite = c.text.strip().lower().startswith(("a ", "an "))
            owner = self.doc_owner(docs[-1], c.np_start, ahead=not indefinite)
            if owner is not None:
                return True, owner
        return None

    def _opening_figure(self, c: _Clause) -> _Found:
        """The opening sentence's "a senior government figure has warned",
        "London's most senior police officer has said": the article's main
        person, whom the next sentences name."""
        if (
            c.sent == 0
            and c.words
            and (c.words[-1] in ROLE_NOUNS or c.words[-1] == "figure")
            and c.words[-1] not in GENERIC_SPEAKERS
            and not c.words[-1].endswith("s")
        ):
            topic = self._topic_person(c.words[-1])
            if topic is not None:
                return True, topic
        return None

    def _generic(self, c: _Clause) -> _Found:
        """ "a senior government figure has warned", "her mother told": nobody named."""
        if any(w in GENERIC_SPEAKERS or w in DOCUMENT_NOUNS for w in c.words):
            return True, None
        opening = c.text.strip().lower()
        if opening.startswith(_INDEFINITE_OPENINGS) or (
            opening.startswith(_POSSESSIVE_OPENINGS) and len(c.words) <= 4
        ):
            return True, None
        return None

    def _in_clause(self, c: _Clause) -> _Found:
        """ "Both Zelenskyy and European allies have made it clear" (within the clause)."""
        if not c.fallback:
            return None
        clause_start = max(self.ctx.masked.rfind(ch, c.start, c.np_start) for ch in ",;:")
        clause_start = c.start if clause_start < 0 else clause_start + 1
        info = _pick(_mentions_in(self.ctx, clause_start, c.end), first=False)
        return (True, info) if info is not None else None

    #: The ways a clause names its subject, most specific first.
    _SUBJECT_STEPS = (
        _own_office,
        _unnamed,
        _name_then_role,
        _name_then_workplace,
        _relative_antecedent,
        _shared_subject,
        _end_pronoun,
        _named_person,
        _qualified_role,
        _named_org,
        _role_phrase,
        _named_aside,
        _any_pronoun,
        _document,
        _opening_figure,
        _generic,
        _in_clause,
    )

    def inverted(self, start: int, limit: int) -> tuple[ActorInfo | None] | None:
        """The subject of an inverted credit, as a 1-tuple, or None when not inverted.

        The words after the verb up to the end of the clause must be a short noun
        phrase: a name ("Mr Howard"), a role ("the Ealing North MP") or a generic
        speaker ("a spokesman").
        """
        ctx = self.ctx
        m = _clause_end(ctx.masked, start, limit)
        stop = m.start() if m else limit
        words = ctx.masked[start:stop].split()
        if not words or len(words) > 7 or words[0].lower() in _NOT_SUBJECT_STARTS:
            return None
        closing = m.group() if m else "."
        mentions = _mentions_in(ctx, start, stop)
        if mentions:
            return (_pick(mentions),)
        if closing in ".!?" and all(w[:1].isupper() for w in words):
            return (None,)  # "..., says Age Concern.": a name we do not know, not a guess
        if closing == "," and words[-1].lower() in TITLES_BEFORE_NAME:
            named = self._named_after_title(stop + 1, limit)
            if named is not None:
                return (named,)
        if closing not in '.!?"\u201d' and stop < limit:
            return None  # "said the new system ..., due to start": not a subject
        return self._inverted_phrase(start, stop, words)

    def _named_after_title(self, start: int, limit: int) -> ActorInfo | None:
        """ "said its chief executive, Sir Howard Newby.": the name after the comma."""
        ctx = self.ctx
        m = _CLAUSE_END_RE.search(ctx.masked, start, limit)
        stop = m.start() if m else limit
        named = _mentions_in(ctx, start, stop)
        if named and len(ctx.masked[start:stop].split()) <= 5:
            return _pick(named)
        return None

    def _inverted_phrase(
        self, start: int, stop: int, words: list[str]
    ) -> tuple[ActorInfo | None] | None:
        """A role ("the Ealing North MP", "the union") or an unnamed speaker
        ("a spokesman") between the verb and ``stop``."""
        head, by_role = self._role_after(start, stop + 1)
        if by_role is not None and (by_role.actor.kind == "person" or head in _ORG_HEADS):
            return (by_role,)  # "claimed the union organisation": the union named before
        if words[0].lower() in SPEAKER_DETERMINERS:
            rest = [w.lower() for w in words[1:]]
            if any(w in _AUX_WORDS for w in rest) or (len(rest) >= 2 and rest[-1].endswith("ed")):
                return None  # "The book, by X, said the pair argued": a clause, not a speaker
            return (None,)
        return None

    def _role_after(self, start: int, end: int) -> tuple[str, ActorInfo | None]:
        """ "said the Ealing North MP": the head of a role after the verb, and who holds it."""
        rm = _ROLE_AFTER_RE.match(self.ctx.masked, start, end)
        if rm is None:
            return "", None
        return rm.group(1).split()[-1].lower(), self.role(rm.group(1), start, -1, anaphoric=False)

    def _topic_person(self, phrase: str) -> ActorInfo | None:
        """The person mentioned most (and at least three times), when that person
        has no other title and clearly leads the rest."""
        people = sorted(
            (info for info in self.ctx.index.actors if info.actor.kind == "person"),
            key=lambda info: len(info.actor.mentions),
            reverse=True,
        )
        if not people:
            return None
        top = people[0]
        runner_up = len(people[1].actor.mentions) if len(people) > 1 else 0
        if len(top.actor.mentions) < 3 or len(top.actor.mentions) <= runner_up:
            return None
        if top.actor.role and not phrase.endswith(top.actor.role.lower()):
            return None
        return top

    def _topic_org(self, before: int) -> ActorInfo | None:
        """The organisation named most before ``before`` (at least three times),
        when it clearly leads the others."""
        counts: dict[int, int] = {}
        infos: dict[int, ActorInfo] = {}
        for start, _end, info in self.ctx.mentions:
            if start >= before:
                break
            if info.actor.kind == "organization":
                counts[id(info)] = counts.get(id(info), 0) + 1
                infos[id(info)] = info
        ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return infos[ranked[0][0]]

    def doc_owner(self, noun: str, pos: int, ahead: bool = True) -> ActorInfo | None:
        """Whose ``noun`` ("book", "report") is meant at ``pos``: the last one
        named before it, else the first one named after it ("The book, by X")."""
        before = after = None
        for at, owned, owner in self.ctx.doc_owners:
            if owned == noun:
                if at < pos:
                    before = owner
                elif after is None:
                    after = owner
        if before or (after and ahead):
            return before or after
        if not ahead:
            return None
        owners = {id(o): o for _at, _owned, o in self.ctx.doc_owners}
        # "Research for X suggests ... The survey showed": one owner for all its documents.
        return next(iter(owners.values())) if len(owners) == 1 else None

    def after(self, start: int, limit: int) -> ActorInfo | None:
        """An inverted credit: ``..., said housing minister Yvette Cooper.``"""
        ctx = self.ctx
        m = re.search(r"[.;:!?\"\u201c\u201d]", ctx.masked[start:limit])
        end = start + m.start() if m else limit
        dm = _DOC_NP_RE.match(ctx.masked, start, end)
        if dm is not None:
            # "according to a new book, Brown's Britain, ...": the book speaks for
            # its author, not for a name in its title.
            owner = self.doc_owner(dm.group(1).lower(), start)
            if owner is None and _FROM_RE.match(ctx.masked, dm.end(), end):
                owner = _pick(_mentions_in(ctx, dm.end(), end))  # "a statement from X's office"
            return owner
        info = _pick(_mentions_in(ctx, start, end))
        if info is None or info.actor.kind != "person":
            _head, by_role = self._role_after(start, end)
            if by_role is not None and by_role.actor.kind == "person":
                return by_role
        return info


def _states_nothing(masked: str, start: int, end: int) -> bool:
    """A reporting verb that credits no statement: "has not responded to
    requests", "declined to comment", "few would argue", "nobody said"."""
    if _NO_STATEMENT_BEFORE_RE.search(masked, max(0, start - 30), start):
        return True
    return bool(_NO_STATEMENT_AFTER_RE.match(masked, end))


def _clause_end(masked: str, start: int, limit: int) -> re.Match | None:
    """The punctuation ending the clause at ``start``; the full stop of a title's
    abbreviation or an initial ("said Rep. Ann M. Cole") is not one."""
    m = _CLAUSE_END_RE.search(masked, start, limit)
    while m is not None:
        if m.group() == "." and _ABBREVIATION_BEFORE_RE.search(
            masked, max(start, m.start() - 6), m.start()
        ):
            m = _CLAUSE_END_RE.search(masked, m.end(), limit)
        elif m.group() == "(" and (bracket := _ACRONYM_IN_BRACKETS_RE.match(masked, m.start())):
            # "warns the Pan American Health Organization (PAHO) Director X": the
            # bracketed acronym is part of the name, not the clause's end.
            m = _CLAUSE_END_RE.search(masked, bracket.end(), limit)
        else:
            return m
    return None


def _verbs(ctx: _Context, start: int, end: int) -> list[tuple[int, int, str]]:
    lo = bisect_left(ctx.verb_starts, start)
    hi = bisect_left(ctx.verb_starts, end)
    return [v for v in ctx.verbs[lo:hi] if v[1] <= end]


def _verb_opens(ctx: _Context, start: int, end: int) -> bool:
    """True when a reporting verb comes first in ``[start, end)`` (", called for ...")."""
    verbs = _verbs(ctx, start, end)
    if not verbs:
        return False
    zone = ctx.masked[start : verbs[0][0]]
    zone = zone[zone.rfind(",") + 1 :]  # only the clause the verb opens
    lead = _WORD_RE.findall(zone.lower())
    return all(w in ("and", "but", "then", "also", "later", "he", "she") for w in lead)


def _credit_before_quote(res: _Resolver, start: int, end: int, sent: int):
    """The credit for a quote from the clause before it: its nearest finite verb.

    ``Mr Blair denied it, and the chancellor told reporters: "..."`` credits the
    chancellor; participles ("stating", "adding") defer to the main clause.
    """
    masked = res.ctx.masked
    verbs = [
        v
        for v in _verbs(res.ctx, start, end)
        if not v[2].endswith("ing")
        and masked[max(0, v[0] - 3) : v[0]] != "to "
        and not _PASSIVE_BEFORE_RE.search(masked, max(0, v[0] - 30), v[0])
    ]  # participles, infinitives and passives ("would be remembered") defer to the main verb
    for v_start, v_end, _word in reversed(verbs[-2:]):
        found, info = _credit(res, v_start, v_end, sent, subject_from=start, weak_ok=True)
        if info is not None or found:
            return True, info
    return _credit(res, start, end, sent, weak_ok=True)


def _credit(
    res: _Resolver,
    start: int,
    end: int,
    sent: int,
    strong_only: bool = False,
    subject_from: int = -1,
    weak_ok: bool = False,
):
    """First reporting verb in ``[start, end)`` and the actor it credits.

    Returns (verb_found, actor). ``verb_found`` is False when no reporting verb is
    there (or only weak verbs with no named subject).
    """
    ctx = res.ctx
    found_verb = False
    named_np = False  # an earlier verb had a subject the text does not name
    for v_start, v_end, word in _verbs(ctx, start, end)[:_MAX_VERBS]:
        if word == "according to":
            info = res.after(v_end, end)
            found_verb = True
            if info is not None:
                return True, info
            continue
        weak = word in WEAK_VERBS
        zone_start = start if subject_from < 0 else subject_from
        before = ctx.masked[zone_start:v_start]
        near = before[-30:]
        if word.endswith("ing") and before.rstrip().endswith(","):
            # "..., declaring "..."": a participle shares the main clause's subject.
            opening = _mentions_in(
                ctx, ctx.sentences[sent][0] if sent >= 0 else zone_start, v_start
            )
            if opening:
                return True, _pick(opening)
        if (
            ctx.masked.startswith(" by ", v_end)
            and not word.endswith(("ing", "s"))
            and _AGENT_CONTEXT_RE.search(near)
        ):
            # "described by one civil service union as ...": the agent speaks.
            agent_end = _CLAUSE_END_RE.search(ctx.masked, v_end + 4, end)
            stop = agent_end.start() if agent_end else end
            as_at = ctx.masked.find(" as ", v_end + 4, stop)
            stop = as_at if as_at >= 0 else stop
            return True, _pick(_mentions_in(ctx, v_end + 4, stop))
        if not word.endswith("ing") and _PASSIVE_BEFORE_RE.search(near):
            # Passive: "researchers were told".
            found_verb = found_verb or not weak
            continue
        if (word not in _NEVER_NOUNS and _DETERMINER_BEFORE_RE.search(near)) or (
            word in ("claims", "claim")
            and (m_noun := _NOUN_CLAIM_BEFORE_RE.search(near)) is not None
            and m_noun.group().strip().lower() not in DOCUMENT_NOUNS | GENERIC_SPEAKERS
        ):
            continue  # a noun: "the claims", "his questions", "asylum claims"
        inverted = None
        if word in _INVERTIBLE and (
            not before.strip() or before.rstrip().endswith((",", '"', "\u201d"))
        ):
            # "..., said a spokesman", "..., argued Mr Howard" -- but not
            # "Prof X, who led the study, said it was ...".
            inverted = res.inverted(v_end, end)
        if inverted is not None:
            has_np, info = True, inverted[0]
        else:
            has_np, info = res.subject(zone_start, v_start, sent, fallback=not named_np)
        if info is not None:
            if weak and (strong_only or named_np):
                continue  # "The report said the G8 had agreed": the report speaks
            return True, info
        if weak:
            near_words = set(_WORD_RE.findall(before.lower()[-40:]))
            if has_np and (
                near_words & DOCUMENT_NOUNS or (weak_ok and near_words & _SPEAKER_WORDS)
            ):
                found_verb = True  # "a study shows"; for quotes, "they called for"
            continue
        found_verb = True
        if has_np and _PRONOUN_END_RE.search(before[-40:].rstrip()):
            # "He said the party always asked": "he" (nobody named) is the speaker,
            # not the subject of a verb inside what he said.
            return True, None
        if has_np:
            named_np = True  # later verbs may still name a speaker, but no guessing
    return found_verb, None


def _tail_clause(ctx: _Context, start: int, end: int) -> int:
    """Start of a closing credit such as ``..., argued Mr Howard.``, or -1."""
    comma = ctx.masked.rfind(",", start, end)
    if comma < 0:
        return -1
    verbs = _verbs(ctx, comma, end)
    if not verbs:
        return -1
    head = ctx.masked[comma + 1 : verbs[0][0]]
    rest = ctx.masked[verbs[0][1] : end]
    if len(rest.split()) > 8 or head.strip().lower() in ("who", "which"):
        return -1  # "..., Kim Yong-hyun, who said ...": a relative clause, not a closing credit
    if len(head.split()) > 6:
        # "..., the U.S. Attorney's Office for the Western District of New York
        # announced Monday.": a long name is still one subject.
        named = _mentions_in(ctx, comma + 1, verbs[0][0])
        words_outside = head.split()
        if named:
            lo, hi = named[0][0] - comma - 1, named[-1][1] - comma - 1
            words_outside = (head[:lo] + head[hi:]).split()
        if not named or len(words_outside) > 2:
            return -1
    return comma + 1


def _is_name_quote(text: str, q: QuoteSpan) -> bool:
    inner = text[q.start : q.end]
    words = _WORD_RE.findall(inner)
    before = text[max(0, q.start - 40) : q.start].rstrip(' "\u201c').split()
    prev = before[-1].lower().strip(",") if before else ""
    if prev.endswith(":"):
        # 'under the headline: "Harry the Nazi."', but 'told the programme: "We ..."'
        prev = prev[:-1] if prev[:-1] in _TITLE_CUES else ""
    after = text[q.end : q.end + 30].lstrip(' "\u201d').split()
    nxt = after[0].lower().strip(",.") if after else ""
    if prev == "as" and len(before) >= 2 and before[-2].lower() in _AS_NAME_CUES:
        prev = "nicknamed"  # he was known as "Precious" at school
    if _LISTED_AFTER_TERM_RE.search(text, max(0, q.start - 80), q.start):
        return True  # removed the words "comprehensive" and "downside risks."
    if prev == "of" and len(before) >= 2 and before[-2].lower() in _MENTION_NOUNS:
        prev = "named"  # he returned the cash from the use of "We."
    if (
        prev in _TERM_PREPOSITIONS
        and 1 <= len(words) <= 3
        and inner[:1].islower()
        and inner.rstrip()[-1:].isalpha()
    ):
        return True  # staff were on "atypical contracts": a term, not speech
    if (prev in _NAME_CUES_BEFORE or nxt in _NAME_CUES_AFTER) and (
        len(words) <= 4 or (words and words[0][:1].isupper())
    ):
        return True  # the study "Whose Secretary are You, minister", the "I'm loving it" slogan
    if (
        before
        and after
        and before[-1][:1].isupper()
        and after[0][:1].isupper()
        and before[-1][-1:].isalpha()
        and len(words) <= 4
    ):
        return True  # a nickname between names: Jimmy "the Whirlwind" White
    if (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and inner.rstrip()[-1:].isalpha()
        and _CAP_WORD_NEXT_RE.match(text, q.end)
    ):
        return True  # the "New" Labour manifesto: part of a name
    if not words or inner.rstrip()[-1:] in ".?!":
        return False
    if len(words) > 8 or not words[0][0].isupper():
        return False
    content = [
        w
        for w in words
        if w.lower()
        not in ("of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "are", "is")
    ]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if len(words) == 1 or not words[-1][:1].isupper():
        return False  # names end on a capital: "Blair Babes", not "New Labour stooge"
    return caps / len(content) >= 0.6 and not all(w.isupper() for w in words)


def _paragraph_ids(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n", text)]


def build_claims(
    text: str,
    sentences: list[tuple[int, int]],
    quotes: list[QuoteSpan],
    masked: str,
    index: ActorIndex,
) -> list[ExtractedClaim]:
    """The attribution pass: who said each quote and statement, sentence by
    sentence; then quotes credited to nobody continue a neighbour's speaker;
    then the claims, scored by the check-worthiness pass."""
    ctx = _context(text, sentences, quotes, masked, index)
    res = _Resolver(ctx)
    state = _Attribution(len(sentences))
    for si, qs in enumerate(_quotes_by_sentence(sentences, quotes)):
        accepted = _credit_quotes(res, state, si, qs)
        if accepted:
            _note_quote_sentence(res, state, si, accepted)
        else:
            _credit_statement(res, state, si)
    _chain_uncredited(text, state)
    _carry_over_uncredited(ctx, state)
    return _emit(ctx, state)


@dataclass(slots=True)
class _QuoteEntry:
    q: QuoteSpan
    sent: int
    info: ActorInfo | None
    credited: bool


@dataclass(slots=True)
class _Attribution:
    """What the attribution pass has found so far, by sentence."""

    size: int
    quotes: list[_QuoteEntry] = field(default_factory=list)
    main_subjects: dict[int, ActorInfo] = field(default_factory=dict)
    claims: list[list[ExtractedClaim]] = field(default_factory=list)
    last_speaker: list[ActorInfo | None] = field(default_factory=list)
    unnamed: list[bool] = field(default_factory=list)  # a quote credited to nobody named
    terms: set[str] = field(default_factory=set)  # quoted words that were a name or a term

    def __post_init__(self) -> None:
        self.claims = [[] for _ in range(self.size)]
        self.last_speaker = [None] * self.size
        self.unnamed = [False] * self.size


def _context(text, sentences, quotes, masked, index) -> _Context:
    """The shared model the attribution pass reads: mentions outside quotes,
    reporting verbs that credit a statement, documents and their owners."""
    verbs = [v for v in find_reporting(masked) if not _states_nothing(masked, v[0], v[1])]
    ctx = _Context(
        text,
        masked,
        sentences,
        index,
        _outer_mentions(index, quotes),
        [None] * len(sentences),
        verbs,
        [v[0] for v in verbs],
    )
    ctx.mention_starts = [m[0] for m in ctx.mentions]
    ends = {m[1]: m[2] for m in ctx.mentions}
    for m in _OWNED_DOC_RE.finditer(masked):
        owner = ends.get(m.start())
        if owner is not None:
            ctx.doc_owners.append((m.start(), m.group(1).lower(), owner))
    for m in _DOC_BY_RE.finditer(masked):
        # "The book, by Sunday Telegraph journalist Robert Peston": its author.
        stop = _CLAUSE_END_RE.search(masked, m.end(), m.end() + 90)
        owner = _pick(_mentions_in(ctx, m.end(), stop.start() if stop else m.end() + 90))
        if owner is not None:
            ctx.doc_owners.append((m.start(), m.group(1).lower(), owner))
    ctx.doc_owners.sort(key=lambda d: d[0])
    return ctx


def _quotes_by_sentence(sentences, quotes) -> list[list[QuoteSpan]]:
    by_sent: list[list[QuoteSpan]] = [[] for _ in sentences]
    k = 0
    for q in quotes:
        while k < len(sentences) and sentences[k][1] <= q.start:
            k += 1
        if k < len(sentences) and sentences[k][0] <= q.start:
            by_sent[k].append(q)
    return by_sent


def _credit_quotes(
    res: _Resolver, state: _Attribution, si: int, qs: list[QuoteSpan]
) -> list[_QuoteEntry]:
    """The quotes of sentence ``si`` that are speech, each with its direct credit."""
    ctx = res.ctx
    text, masked = ctx.text, ctx.masked
    s, e = ctx.sentences[si]
    accepted: list[_QuoteEntry] = []
    sentence_verb: bool | None = None
    prev_end = s
    for qi, q in enumerate(qs):
        nxt_start = qs[qi + 1].start - 1 if qi + 1 < len(qs) else e
        inner = text[q.start : q.end]
        if _is_name_quote(text, q) or (inner.lower() in state.terms and len(inner.split()) <= 3):
            state.terms.add(inner.lower())  # a term stays a term when quoted again
            continue
        info, credited = _direct_credit(res, si, q, prev_end, nxt_start, accepted)
        if not credited and inner[:1].islower():
            dm = _DOC_SUBJECT_RE.match(masked, prev_end, max(prev_end, q.start - 1))
            if dm is not None:
                # 'The survey of 500 pupils "showed young people care"': the
                # document's words, for its owner.
                info, credited = res.doc_owner(dm.group(1).lower(), q.start), True
        if not credited and _looks_like_scare_quote(text, q):
            # A short quoted phrase nobody is said to have spoken: a scare quote.
            if sentence_verb is None:
                sentence_verb = any(v[2] not in WEAK_VERBS for v in _verbs(ctx, s, e))
            if not sentence_verb:
                continue
        entry = _QuoteEntry(q, si, info, credited)
        if credited and info is None:
            state.unnamed[si] = True  # "a spokesman said": later quotes may continue it
        accepted.append(entry)
        state.quotes.append(entry)
        prev_end = q.end + 1
    return accepted


def _looks_like_scare_quote(text: str, q: QuoteSpan) -> bool:
    """Fewer than six words, not shouted, closed, and not a sentence of its own."""
    inner = text[q.start : q.end]
    found = _WORD_RE.findall(inner)
    shouting = sum(1 for w in found if w.isupper()) >= 2
    sentence_like = len(found) >= 2 and inner[:1].isupper() and inner.rstrip()[-1:] in ".?!"
    return not shouting and len(found) < 6 and q.closed and not sentence_like


def _direct_credit(
    res: _Resolver,
    si: int,
    q: QuoteSpan,
    prev_end: int,
    nxt_start: int,
    accepted: list[_QuoteEntry],
) -> tuple[ActorInfo | None, bool]:
    """(speaker, credited) of a quote from its own sentence: the clause before
    it, the clause after it, or the quote before it in the sentence."""
    ctx = res.ctx
    masked = ctx.masked
    pre_verb, pre_info = _credit_before_quote(res, prev_end, q.start - 1, si)
    post_verb, post_info = _credit(res, q.end + 1, nxt_start, si, weak_ok=True)
    if not masked[prev_end : q.start - 1].strip():  # the quote leads its clause
        return (post_info, post_verb) if (post_verb or post_info) else (None, False)
    if (
        accepted
        and accepted[-1].info is not None
        and (
            not any(v[2] not in WEAK_VERBS for v in _verbs(ctx, prev_end, q.start - 1))
            or (
                pre_info is None
                and (
                    len(masked[prev_end : q.start - 1].split()) <= 4
                    or _verb_opens(ctx, prev_end, q.start - 1)
                )
            )
        )
    ):
        # A second quote in the sentence, no new speaker between: the same one.
        return accepted[-1].info, True
    if pre_info is not None:
        return pre_info, True
    if post_info is not None:
        return post_info, True
    return None, pre_verb or post_verb


def _note_quote_sentence(
    res: _Resolver, state: _Attribution, si: int, accepted: list[_QuoteEntry]
) -> None:
    """The sentence's speaker, and its main subject ("Mr Howard denied Mr Yeo
    said "stink""), which pronouns in the next sentences refer to."""
    for entry in accepted:
        if entry.info is not None:
            state.last_speaker[si] = entry.info
    s = res.ctx.sentences[si][0]
    main = _credit(res, s, accepted[0].q.start - 1, si)[1]
    res.ctx.subjects[si] = main if main is not None else state.last_speaker[si]
    if main is not None:
        state.main_subjects[si] = main


def _credit_statement(res: _Resolver, state: _Attribution, si: int) -> None:
    """A sentence without quotes: reported speech with its speaker, or a fact."""
    ctx = res.ctx
    text = ctx.text
    s, e = ctx.sentences[si]
    verb, info = False, None
    tail = _tail_clause(ctx, s, e)
    if tail >= 0:
        verb, info = _credit(res, tail, e, si)
    if info is None:
        verb2, info = _credit(res, s, e, si)
        verb = verb or verb2
    if info is None:
        ctx.subjects[si] = _sentence_subject(res, si)
    else:
        ctx.subjects[si] = info
        state.last_speaker[si] = info
    if verb:
        speaker = info.actor.name if info else None
        state.claims[si].append(_claim("attributed", text, s, e, speaker=speaker))
    else:
        claim = _claim("factual", text, s, e)
        if claim.checkworthiness >= FACTUAL_MIN:
            state.claims[si].append(claim)


def _sentence_subject(res: _Resolver, si: int) -> ActorInfo | None:
    """Whom a sentence crediting nobody is about: its opening pronoun's or
    role's referent, else its first person or actor named."""
    ctx = res.ctx
    masked = ctx.masked
    s, e = ctx.sentences[si]
    first = _mentions_in(ctx, s, e)
    pm = _PRONOUN_RE.match(masked[s:e])
    rm = _SENTENCE_ROLE_RE.match(masked, s, e)
    if (
        pm
        and pm.group(1).lower() in ("he", "she", "it")
        and not _EXPLETIVE_IT_RE.match(masked, s + pm.start(1), e)
    ):
        # "It has already offered to pay": the firm spoken of, not a name later.
        return res.pronoun(pm.group(1), si)
    if rm:
        return res.role(rm.group(1), s, si)
    first_people = [m for m in first if m[2].actor.kind == "person"]
    return (first_people or first)[0][2] if first else None


def _chain_uncredited(text: str, state: _Attribution) -> None:
    """A quote credited to nobody, followed with no words between by a credited
    one, shares its speaker ('"Yes." "We will," she said.')."""
    entries = state.quotes
    for i in range(len(entries) - 2, -1, -1):
        entry, nxt = entries[i], entries[i + 1]
        if entry.info is not None or entry.credited:
            continue
        if not _WORD_RE.search(text[entry.q.end : nxt.q.start]) and nxt.info is not None:
            entry.info = nxt.info


def _carry_over_uncredited(ctx: _Context, state: _Attribution) -> None:
    """A quote still credited to nobody continues the quote before it in its
    sentence, else the latest speaker nearby, else the person the sentence
    before was about."""
    entries = state.quotes
    for i, entry in enumerate(entries):
        if entry.info is not None or entry.credited:
            continue
        si = entry.sent
        if i > 0 and entries[i - 1].sent == si:
            entry.info = entries[i - 1].info  # even when nobody is named
            continue
        blocked = False
        for k in range(si - 1, max(-1, si - 4), -1):
            if state.last_speaker[k] is not None:
                entry.info = state.last_speaker[k]
                break
            if state.unnamed[k]:
                blocked = True  # the quotes before came from an unnamed speaker
                break
            if "\n" in ctx.text[ctx.sentences[k][1] : ctx.sentences[k + 1][0]] and k < si - 1:
                break
        if entry.info is None and si > 0 and not blocked:
            # "Morris appears almost evangelical. "I was on a cruise ..."".
            prev = ctx.subjects[si - 1]
            if prev is not None and prev.actor.kind == "person":
                entry.info = prev
        if entry.info is not None and state.last_speaker[si] is None:
            state.last_speaker[si] = entry.info


def _emit(ctx: _Context, state: _Attribution) -> list[ExtractedClaim]:
    """The claims in text order, quotes first within a sentence. A quote
    sentence whose own clause credits someone else than its quotes ("Mr Howard
    denied Mr Yeo said the plans "stink"") is also reported speech."""
    text = ctx.text
    speakers_of: dict[int, set[int]] = {}
    for entry in state.quotes:
        speakers_of.setdefault(entry.sent, set()).add(id(entry.info))
    for si, main in state.main_subjects.items():
        if id(main) not in speakers_of.get(si, ()):
            s, e = ctx.sentences[si]
            state.claims[si].append(_claim("attributed", text, s, e, speaker=main.actor.name))
    for entry in state.quotes:
        q = entry.q
        s, e = ctx.sentences[entry.sent]
        # American style puts the sentence's comma inside the marks: it is
        # punctuation, not the speaker's words.
        words = text[q.start : q.end].rstrip(" ,;:")
        speaker = entry.info.actor.name if entry.info else None
        state.claims[entry.sent].append(_claim("quote", text, s, e, speaker=speaker, quote=words))
    claims: list[ExtractedClaim] = []
    for group in state.claims:
        group.sort(key=lambda c: (c.kind != "quote", c.start))
        claims.extend(group)
    return claims


def _claim(
    kind: str, text: str, start: int, end: int, *, speaker: str | None = None, quote: str = ""
) -> ExtractedClaim:
    """A claim on the sentence ``text[start:end]``, scored on its own words."""
    value, reasons = checkworthiness.score(quote or text[start:end], kind, speaker)
    return ExtractedClaim(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        quote=quote,
        speaker=speaker,
        checkworthiness=value,
        checkworthiness_reasons=reasons,
    )
