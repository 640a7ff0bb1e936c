"""Who a clause credits: the speaker resolution that attribution leans on.

* the subject of a reporting verb is the actor named in the clause before it,
  past any appositive (``Prof X, who led the study, said``), or after the verb
  when inverted (``..., said housing minister Yvette Cooper``, up to a
  subordinate clause: ``warns PAHO Director X as she urged``); a verb in a
  coordinated predicate shares the sentence's opening subject (``It did not
  name the site and said``); each way a clause names its subject is one step
  of ``Resolver._SUBJECT_STEPS``;
* a pronoun (he/she/they) is the subject of a recent sentence that fits, with
  the gender the text gives (Mrs/Ms/she);
* a role ("the prime minister", "the chancellor") is the person the article
  gave that role, a descriptor ("the company") the organisation it stands for;
* a document ("the report", "the book", "the office release") speaks for the
  one whose it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from .actors import ActorIndex, ActorInfo
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
    WORKPLACE_LINKS,
    words,
)

_BOUNDARY_RE = re.compile(
    r"(?:,(?!\d)|(?<!\d),)|[;:()\u2014\u2013]|\s-\s|\b(?:but|and|that|while|whilst|as|because|when|after|before|"
    r"which|who|whom|whose|where|if|although|though|since|so|yet|whether)\b",
    re.IGNORECASE,
)
PRONOUN_RE = re.compile(
    r"^\W*(?:(?:but|and|so|yet|however|then|now)\W+)?(he|she|they|it|we|i)\b", re.IGNORECASE
)
PRONOUN_END_RE = re.compile(r"\b(he|she|they)\s*$", re.IGNORECASE)
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
_PERSON_ROLE_HEADS = PERSON_ROLE_HEADS
_ROLE_AFTER_RE = re.compile(r"\s*the\s+((?:[\w'-]+\s+){0,3}?[\w-]+)\s*(?:[,.;:]|$)", re.I)
# Nouns that stand for an organisation named before ("the company", "the watchdog").
_ORG_HEADS = ORG_ANAPHOR_HEADS
# Words that open a noun phrase, not a verb phrase sharing an earlier subject.
_NOT_A_VERB = words(
    "the a an his her their its our my your this that these those some many most all other "
    "others critics officials analysts ministers mps experts he she they it we i there one "
    "no any each every both several few people staff members"
)
_DASH_RE = re.compile(r"\s[-\u2013\u2014]\s|\u2014")
_DASH_TAIL_RE = re.compile(r"(?:\s[-\u2013\u2014]|\u2014)\s*$")
_ACRONYM_IN_BRACKETS_RE = re.compile(r"\([A-Z][A-Za-z&]{1,7}\)")
_OWN_OFFICE_RE = re.compile(r"\s*(his|her|His|Her)\s+office\s*$")
CLAUSE_END_RE = re.compile(r"[.;:!?,\"\u201c\u201d()]")
_ABBREVIATION_BEFORE_RE = re.compile(
    r"(?<![\w.])(?:[A-Z]|(?i:" + "|".join(sorted(ABBREVIATED_TITLES)) + r"))$"
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
SPEAKER_WORDS = GENERIC_SPEAKERS | ROLE_NOUNS | words("he she they we adviser advisers")
_POST_NOMINAL_TAIL_RE = re.compile(r",\s*(?:QC|KC|MP|MSP|MEP|AM|OBE|MBE|CBE)\s*$")
#: The nouns of a document that speaks for its owner, as a regular expression's alternatives.
DOC_ALT = (
    "report|study|survey|research|poll|analysis|review|figures|statement|letter|findings|"
    "book|minutes|document|paper|manifesto|memo|biography|memoir|memoirs|dossier|release"
)
_DOC_NP_RE = re.compile(
    rf"\s*(?:a|an|the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){{0,3}}?({DOC_ALT})\b", re.I
)
_THEIR_PEOPLE_RE = re.compile(
    r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:advisers|advisors|aides|officials|allies|critics|"
    r"supporters|spokesman|spokeswoman|spokesperson|spokesmen|staff|lawyers|friends|"
    r"colleagues|sources|officers|members|backers|opponents|rivals|"
    r"court|tribunal|judges|board|panel|committee)\s*$",  # "the EU's top court ruled"
    re.I,
)
_AUX_WORDS = words("had has have was were is are would will could should did does may might")
#: A possessive right after a name, else the word after it past commas and dashes.
_NEXT_WORD_RE = re.compile(r"(['\u2019])|[\s,\u2013\u2014-]*([A-Za-z][\w-]*)")
#: Words that open a subordinate clause or a participle after an inverted credit.
_SUBORDINATE_RE = re.compile(
    r"\s(?:as|while|when|after|before|because|adding|saying|"
    r"in\s+(?:a|an|the|his|her|its|their))\s"
)
#: Suffixes of a title not yet taken up ("President-elect").
_TO_BE_SUFFIXES = ("-elect", "-designate")
#: "X and leaders of ...", "X and his aides": a group headed by the name before it.
_AND_OTHERS_RE = re.compile(r"\s+and\s+[a-z]")
_FROM_RE = re.compile(r"\s+(?:from|by|of)\s+")
_SUBJECT_WINDOW = 300
WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(slots=True)
class Context:
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


def mentions_in(ctx: Context, start: int, end: int) -> list[tuple[int, int, ActorInfo]]:
    lo = bisect_left(ctx.mention_starts, start)
    hi = bisect_left(ctx.mention_starts, end)
    return [m for m in ctx.mentions[lo:hi] if m[1] <= end]


def possessive_at(masked: str, pos: int) -> bool:
    """Whether a possessive "'s" (or a plural's "'") starts at ``pos``."""
    return masked.startswith(("'", "\u2019"), pos)


def words_outside_names(ctx: Context, start: int, end: int) -> list[str]:
    """The words of ``masked[start:end]`` that are in no name: a long noun
    phrase made of names ("the U.S. Attorney's Office for the Western District
    of New York", "PAHO Director Ann Cole") has few."""
    parts = []
    at = start
    for m0, m1, _info in mentions_in(ctx, start, end):
        parts.append(ctx.masked[at : max(at, m0)])
        at = max(at, m1)
    parts.append(ctx.masked[at:end])
    return " ".join(parts).split()


def pick(mentions: list[tuple[int, int, ActorInfo]], first: bool = True) -> ActorInfo | None:
    people = [m for m in mentions if m[2].actor.kind == "person"]
    pool = people or mentions
    if not pool:
        return None
    return pool[0][2] if first else pool[-1][2]


def _role_key(role: str) -> str:
    """A job title in lower case with its synonym's usual form ("premier" and
    "PM" are "prime minister"; "President-elect" and "the incoming president"
    are "future president")."""
    words = role.lower().split()
    if words and words[-1] in ROLE_SYNONYMS:
        words[-1:] = ROLE_SYNONYMS[words[-1]].split()
    if words and words[-1].endswith(_TO_BE_SUFFIXES):
        words[-1:] = ["future", words[-1].rsplit("-", 1)[0]]
    if words and words[0] == "incoming":
        words[0] = "future"
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


def _last_boundary(ctx: Context, start: int, core: str) -> tuple[int, re.Match | None]:
    """Where the noun phrase ending ``core`` (at ``start``) starts: after the last
    clause boundary outside a name, which is returned too."""
    np_start = start
    last_boundary = None
    inside = [(m0, m1) for m0, m1, _info in mentions_in(ctx, start, start + len(core))]
    for m in _BOUNDARY_RE.finditer(core):
        at = start + m.start()
        if any(m0 <= at < m1 for m0, m1 in inside):
            continue  # "Public and Commercial Services Union" is one name
        np_start = start + m.end()
        last_boundary = m
    return np_start, last_boundary


def _clause(ctx: Context, start: int, end: int, sent: int, fallback: bool) -> _Clause:
    start = max(start, end - _SUBJECT_WINDOW)  # a subject sits close to its verb
    core, appos = _subject_core(ctx.masked, start, end)
    core_end = start + len(core)
    np_start, last_boundary = _last_boundary(ctx, start, core)
    np_text = ctx.masked[np_start:core_end]
    mentions = mentions_in(ctx, np_start, core_end)
    named = mentions
    inner_verbs = verbs_in(ctx, np_start, core_end)
    if inner_verbs:
        # "Mr Howard denied Mr Yeo ... said": the name after the inner verb.
        named = [m for m in mentions if m[0] >= inner_verbs[-1][1]] or mentions
    lead = np_text.strip().lower().split(" ", 2)
    if lead and lead[0] in ("the", "a", "an") and len(lead) > 1:
        lead = lead[1:]
    words = [w.lower() for w in WORD_RE.findall(np_text)]
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


class Resolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def pronoun(self, word: str, sent: int, pos: int = -1) -> ActorInfo | None:
        """Who "he", "she", "they" or "it" at ``pos`` in sentence ``sent`` stands for."""
        word = word.lower()
        if word in ("he", "she"):
            return self._personal_pronoun("m" if word == "he" else "f", sent, pos)
        if word in ("they", "it"):
            found = self._recent_subject(sent, 2, _is_org)
            return found if found is not None or word == "it" else self._group_leader(sent)
        return None

    def _group_leader(self, sent: int) -> ActorInfo | None:
        """ "Gov. Ann Cole and leaders of the Legislature have ... they said": the
        person named at the head of a recent group subject."""
        ctx = self.ctx
        for k in range(sent - 1, max(-1, sent - 3), -1):
            cand = ctx.subjects[k]
            if cand is None or cand.actor.kind != "person":
                continue
            named = [m for m in mentions_in(ctx, *ctx.sentences[k]) if m[2] is cand][:1]
            if named and _AND_OTHERS_RE.match(ctx.masked, named[0][1]):
                return cand
        return None

    def _personal_pronoun(self, want: str, sent: int, pos: int) -> ActorInfo | None:
        """A person of gender ``want`` (or none given, which it then gets): the one
        opening this sentence before ``pos``, else a recent subject or mention."""
        ctx = self.ctx
        if pos >= 0:
            # "Mr Lewis wants an inquiry - cash he says is wasted": the subject
            # that opens the sentence, not any name before the pronoun.
            s0 = ctx.sentences[sent][0]
            for m0, _m1, info in mentions_in(ctx, s0, pos)[:1]:
                if len(ctx.masked[s0:m0].split()) <= 2 and _take_gender(info, want):
                    return info
        for k in range(sent - 1, max(-1, sent - 6), -1):
            cand = ctx.subjects[k]
            if cand is not None and _take_gender(cand, want):
                return cand
            for _m0, _m1, info in mentions_in(ctx, *ctx.sentences[k]):
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
                    and (not c.actor.role or _role_is(phrase, _role_key(c.actor.role)))
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
            and _role_is(phrase, _role_key(info.actor.role))
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
        named = mentions_in(self.ctx, c.start, c.boundary_at)
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
        """ "A spokesman for the Home Office", "President Bush's advisers", "the
        EU's top court": unnamed, so null; "The party's health spokeswoman,
        Eleanor Scott, said" is named."""
        if _UNNAMED_SPOKESMAN_RE.match(c.text):
            return True, None
        if _THEIR_PEOPLE_RE.search(c.text) and not (
            c.appos and any(m[2].actor.kind == "person" for m in mentions_in(self.ctx, *c.appos))
        ):
            return True, None
        return None

    def _name_then_role(self, c: _Clause) -> _Found:
        """ "Mark Serwotka, the leader of the PCS union said", "Ann Cole, the Labour
        MP for Leeds, said": the name before the comma."""
        if not (c.boundary_is(",") and c.lead):
            return None
        qualified = len(c.lead) > 1 and c.lead[1].split(" ", 1)[0] in ROLE_NOUNS
        if c.lead[0] in ROLE_NOUNS or qualified:
            info = self._named_before_boundary(c, 1)
            if info is not None and (info.actor.kind == "person" or not qualified):
                return True, info
        return None

    def _name_and_others(self, c: _Clause) -> _Found:
        """ "Holcomb and GOP legislative leaders touted": the one named among
        speakers the text leaves unnamed."""
        if c.boundary_is("and") and c.words and c.words[-1] in GENERIC_SPEAKERS:
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
        extra = [w.lower() for w in WORD_RE.findall(rest)]
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
            and c.lead[0] not in SPEAKER_WORDS
            and c.lead[0] not in ("it", "i", "you")
        ):
            info = self._named_before_boundary(c, 3)
            if info is not None:
                return True, info
        return None

    def _shared_subject(self, c: _Clause) -> _Found:
        """ "He plans to stand but refused to confirm", "It did not reveal the
        site and said", "Vietnam is a critic of China and has accused": the
        verb shares the subject that opens the sentence."""
        if not (c.boundary_is("and", "but") and not c.mentions and c.sent >= 0):
            return None
        first_word = c.text.split()[:1]
        if first_word and (not first_word[0].islower() or first_word[0] in _NOT_A_VERB):
            return None
        ctx = self.ctx
        s0 = ctx.sentences[c.sent][0]
        pm = PRONOUN_RE.match(ctx.masked[s0 : c.boundary_at])
        if pm and pm.group(1).lower() in ("he", "she", "it", "they"):
            return True, self.pronoun(pm.group(1), c.sent)
        opening = mentions_in(ctx, s0, c.boundary_at)[:1]
        if (
            opening
            and len(ctx.masked[s0 : opening[0][0]].split()) <= 2
            and _heads_subject(ctx.masked, opening[0][1], c.boundary_at)
        ):
            return True, opening[0][2]
        return None

    def _end_pronoun(self, c: _Clause) -> _Found:
        """ "But standing next to Mr Blair he added": the pronoun is the subject."""
        pm = PRONOUN_END_RE.search(c.text, c.tail_at)
        if pm and (not c.mentions or c.mentions[-1][1] < c.np_start + pm.start()):
            return True, self.pronoun(pm.group(1), c.sent, c.np_start)
        return None

    def _named_person(self, c: _Clause) -> _Found:
        """A person named in the noun phrase, else in its aside."""
        people = [m for m in c.named if m[2].actor.kind == "person"]
        if people:
            return True, people[0][2]
        if c.appos:
            ap_people = [m for m in mentions_in(self.ctx, *c.appos) if m[2].actor.kind == "person"]
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
                for m in mentions_in(ctx, max(0, c.np_start - 400), c.np_start)
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
            ap = mentions_in(self.ctx, *c.appos)
            if ap:
                return True, ap[0][2]
        return None

    def _any_pronoun(self, c: _Clause) -> _Found:
        pm = PRONOUN_RE.match(c.text) or PRONOUN_END_RE.search(c.text, c.tail_at)
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
        info = pick(mentions_in(self.ctx, clause_start, c.end), first=False)
        return (True, info) if info is not None else None

    #: The ways a clause names its subject, most specific first.
    _SUBJECT_STEPS = (
        _own_office,
        _unnamed,
        _name_then_role,
        _name_and_others,
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
        m = clause_end(ctx.masked, start, limit)
        stop = m.start() if m else limit
        closing = m.group() if m else "."
        sub = _SUBORDINATE_RE.search(ctx.masked, start, stop)
        if sub is not None:
            # "..., warns PAHO Director Ann Cole as she urged ...": the
            # subordinate clause ends the subject as a full stop would.
            stop, closing = sub.start(), "."
        words = ctx.masked[start:stop].split()
        if not words or words[0].lower() in _NOT_SUBJECT_STARTS:
            return None
        if len(words) > 7 and not self._one_long_subject(start, stop):
            return None
        mentions = mentions_in(ctx, start, stop)
        if mentions and possessive_at(ctx.masked, mentions[-1][1]) and len(mentions) == 1:
            return None  # 'Lee, the party leader, said Yoon's "...": an owner, not a subject
        if mentions:
            return (pick(mentions),)
        if closing in ".!?" and all(w[:1].isupper() for w in words):
            return (None,)  # "..., says Age Concern.": a name we do not know, not a guess
        if closing == "," and words[-1].lower() in TITLES_BEFORE_NAME:
            named = self._named_after_title(stop + 1, limit)
            if named is not None:
                return (named,)
        if closing not in '.!?"\u201d' and stop < limit:
            return None  # "said the new system ..., due to start": not a subject
        return self._inverted_phrase(start, stop, words)

    def _one_long_subject(self, start: int, stop: int) -> bool:
        """Whether the many words after an inverted verb are one noun phrase:
        names and at most two other words, or a person's name at the end of a
        few words that describe them ("said Acme's newly named chair Ann Cole")."""
        ctx = self.ctx
        outside = len(words_outside_names(ctx, start, stop))
        if outside <= 2:
            return True
        named = mentions_in(ctx, start, stop)
        return (
            outside <= 6
            and named[-1][2].actor.kind == "person"
            and not ctx.masked[named[-1][1] : stop].strip()
        )

    def _named_after_title(self, start: int, limit: int) -> ActorInfo | None:
        """ "said its chief executive, Sir Howard Newby.": the name after the comma."""
        ctx = self.ctx
        m = CLAUSE_END_RE.search(ctx.masked, start, limit)
        stop = m.start() if m else limit
        named = mentions_in(ctx, start, stop)
        if named and len(ctx.masked[start:stop].split()) <= 5:
            return pick(named)
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
            doc = _DOC_NP_RE.match(self.ctx.masked, start, stop)
            # "..., says a report highlighting ...": the report's owner, named before or after.
            return (self.doc_owner(doc.group(1).lower(), start) if doc else None,)
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
        if top.actor.role and not _role_is(phrase, _role_key(top.actor.role)):
            return None
        return top

    def _topic_org(self, before: int) -> ActorInfo | None:
        """The organisation the article names most (at least three times, and
        twice as often as any other), once it is named before ``before``: "the
        company" of a story about one firm."""
        orgs = sorted(
            (info for info in self.ctx.index.actors if info.actor.kind == "organization"),
            key=lambda info: len(info.actor.mentions),
            reverse=True,
        )
        if not orgs or not orgs[0].actor.mentions:
            return None
        top = len(orgs[0].actor.mentions)
        runner_up = len(orgs[1].actor.mentions) if len(orgs) > 1 else 0
        if top < 3 or runner_up * 2 > top or orgs[0].actor.mentions[0].start >= before:
            return None
        return orgs[0]

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
            modifier = ctx.masked[dm.start() : dm.start(1)].split()[-1].lower()
            if modifier in _ORG_HEADS:
                return self._org_anaphor(modifier, start, -1)  # "the office release"
            owner = self.doc_owner(dm.group(1).lower(), start)
            if owner is None and _FROM_RE.match(ctx.masked, dm.end(), end):
                owner = pick(mentions_in(ctx, dm.end(), end))  # "a statement from X's office"
            return owner
        info = pick(mentions_in(ctx, start, end))
        if info is None or info.actor.kind != "person":
            _head, by_role = self._role_after(start, end)
            if by_role is not None and by_role.actor.kind == "person":
                return by_role
        return info


def _heads_subject(masked: str, end: int, limit: int) -> bool:
    """Whether the name ending at ``end`` is the whole subject: not a qualifier
    ("The Tory leader", "Zimbabwe President X", "X's source") nor one of
    several ("Tories and Lib Dems")."""
    nxt = _NEXT_WORD_RE.match(masked, end, limit)
    if nxt is None:
        return True
    word = nxt.group(2) or ""
    return not (nxt.group(1) or word[:1].isupper() or word in ROLE_NOUNS or word in ("and", "or"))


def clause_end(masked: str, start: int, limit: int) -> re.Match | None:
    """The punctuation ending the clause at ``start``; the full stop of a title's
    abbreviation or an initial ("said Rep. Ann M. Cole") is not one."""
    m = CLAUSE_END_RE.search(masked, start, limit)
    while m is not None:
        if m.group() == "." and _ABBREVIATION_BEFORE_RE.search(
            masked, max(start, m.start() - 6), m.start()
        ):
            m = CLAUSE_END_RE.search(masked, m.end(), limit)
        elif m.group() == "(" and (bracket := _ACRONYM_IN_BRACKETS_RE.match(masked, m.start())):
            # "warns the Pan American Health Organization (PAHO) Director X": the
            # bracketed acronym is part of the name, not the clause's end.
            m = CLAUSE_END_RE.search(masked, bracket.end(), limit)
        else:
            return m
    return None


def verbs_in(ctx: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    lo = bisect_left(ctx.verb_starts, start)
    hi = bisect_left(ctx.verb_starts, end)
    return [v for v in ctx.verbs[lo:hi] if v[1] <= end]
