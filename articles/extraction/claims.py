"""Quotes, attributed statements and check-worthy facts, one sentence at a time.

Speakers are found the way a reader finds them:

* a reporting verb after the quote (``"...," said Mr Howard``, ``"...," he said``)
  or before it (``Mr Blair told the BBC: "..."``); who the verb's clause
  credits (a name, pronoun, role, descriptor or document) is ``speakers``'s
  ``Resolver``;
* a quote with no credit of its own continues the quote next to it, or the
  last speaker before it (quotes running over sentences and paragraphs).
"""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, field
from itertools import islice

from . import checkworthiness
from .actors import ActorIndex, ActorInfo
from .checkworthiness import FACTUAL_MIN
from .lexicon import (
    DOCUMENT_NOUNS,
    GENERIC_SPEAKERS,
    PERSON_ROLE_HEADS,
    WEAK_VERBS,
    find_reporting,
    words,
)
from .quotes import QuoteSpan
from .speakers import (
    CLAUSE_END_RE,
    DOC_ALT,
    PRONOUN_END_RE,
    PRONOUN_RE,
    SPEAKER_WORDS,
    WORD_RE,
    Context,
    Resolver,
    mentions_in,
    pick,
    possessive_at,
    verbs_in,
    words_outside_names,
)
from .types import ExtractedClaim

#: Nouns before "of" that make the quoted words a name ("the use of "We"").
# News prose quotes a speaker a few times in a sentence at most; a "sentence"
# with more quotations than this is a list of terms or a broken text.
MAX_QUOTES_PER_SENTENCE = 24
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
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|your|these|those|such|any|no|of)\s+$|['\u2019]s?\s+$",
    re.IGNORECASE,
)
_NOUN_CLAIM_BEFORE_RE = re.compile(r"\b[a-z]{3,}(?<!ly)(?<!ics)(?<!ers)(?<!ists)\s+$")
_SENTENCE_ROLE_RE = re.compile(
    r"(?:(?:But|And|Yet|So|Meanwhile|However|Earlier|Later|Now|Instead),?\s+)?[Tt]he\s+"
    r"((?:[A-Za-z-]+\s+){0,2}(?:" + "|".join(sorted(PERSON_ROLE_HEADS)) + r"))\b"
)
_INVERTED_NP_RE = re.compile(
    r"\s+(?:a|an|the|one|some|two)\s+[\w'-]+(?:\s+[\w'-]+){0,4}\s*(?:[.,;:]|$)", re.I
)
# "It is estimated that", "It was clear": an "it" that stands for nobody.
_EXPLETIVE_IT_RE = re.compile(
    r"it\s+(?:is|was|has\s+been|had\s+been|would\s+be|will\s+be|seems|seemed|appears|"
    r"appeared|remains|remained)\b",
    re.I,
)
_AS_NAME_CUES = words("known referred nicknamed")
_TITLE_CUES = words("headline headlines caption")
_CAP_WORD_NEXT_RE = re.compile(r"[\"\u201d]?[ ]+[A-Z][a-z]")
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
_INVERTIBLE = words(
    "say said says added adds argued argues insisted insists warned warns continued wrote writes "
    "asked explained claimed claims declared replied stressed noted suggested admitted "
    "conceded recalled concluded countered retorted quipped joked remarked commented"
)
_AGENT_CONTEXT_RE = re.compile(
    r"(?:[-,\u2013\u2014]|\b(?:was|were|been|being|be|is|are)(?:\s+\w+ly)?)\s*$", re.I
)
_OWNED_DOC_RE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,4}?(report|study|survey|research|poll|analysis|review|"
    r"figures|statement|letter|findings|book|minutes|document|paper|manifesto|memo)\b"
)
_DOC_BY_RE = re.compile(
    rf"\b({DOC_ALT})\s*,?\s+(?:(?:written|published|undertaken|commissioned|carried\s+out|"
    rf"conducted)\s+)?(?:by|for)\s+(?:(?:the\s+)?(?-i:[a-z-]+)\s+){{0,2}}",
    re.I,
)
_DOC_SUBJECT_RE = re.compile(
    rf"(?i)\s*(?:the|a|an|this|that|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}({DOC_ALT})\b"
    rf"[^.;:\"\u201c\u201d]{{0,120}}$"
)
# Reporting verbs that are never nouns or adjectives: "Foster's said" is the firm speaking.
_NEVER_NOUNS = words("said says told tells")
_MAX_VERBS = 8
#: "..., with Foreign Minister Ann Cole warning of": a participle with a subject of its own.
_WITH_NAME_BEFORE_RE = re.compile(r"\bwith\s+(?:[A-Z][\w.'\u2019-]*\s+){1,6}$")
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:also\s+|\w+ly\s+)?$", re.I
)


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


def _states_nothing(masked: str, start: int, end: int) -> bool:
    """A reporting verb that credits no statement: "has not responded to
    requests", "declined to comment", "few would argue", "nobody said"."""
    if _NO_STATEMENT_BEFORE_RE.search(masked, max(0, start - 30), start):
        return True
    return bool(_NO_STATEMENT_AFTER_RE.match(masked, end))


def _verb_opens(ctx: Context, start: int, end: int) -> bool:
    """True when a reporting verb comes first in ``[start, end)`` (", called for ...")."""
    verbs = verbs_in(ctx, start, end)
    if not verbs:
        return False
    zone = ctx.masked[start : verbs[0][0]]
    zone = zone[zone.rfind(",") + 1 :]  # only the clause the verb opens
    lead = WORD_RE.findall(zone.lower())
    return all(w in ("and", "but", "then", "also", "later", "he", "she") for w in lead)


def _credit_before_quote(res: Resolver, start: int, end: int, sent: int):
    """The credit for a quote from the clause before it: its nearest finite verb.

    ``Mr Blair denied it, and the chancellor told reporters: "..."`` credits the
    chancellor; participles ("stating", "adding") defer to the main clause.
    """
    masked = res.ctx.masked
    verbs = [
        v
        for v in verbs_in(res.ctx, start, end)
        if (
            not v[2].endswith("ing") or _WITH_NAME_BEFORE_RE.search(masked, max(0, v[0] - 80), v[0])
        )
        and masked[max(0, v[0] - 3) : v[0]] != "to "
        and not _PASSIVE_BEFORE_RE.search(masked, max(0, v[0] - 30), v[0])
    ]  # participles, infinitives and passives ("would be remembered") defer to the main verb
    for v_start, v_end, _word in reversed(verbs[-2:]):
        found, info = _credit(res, v_start, v_end, sent, subject_from=start, weak_ok=True)
        if info is not None or found:
            return True, info
    return _credit(res, start, end, sent, weak_ok=True)


def _takes_agent(masked: str, word: str, near: str, v_end: int) -> bool:
    """ "described by one civil service union as ...": a passive verb whose agent speaks."""
    return (
        masked.startswith(" by ", v_end)
        and not word.endswith(("ing", "s"))
        and _AGENT_CONTEXT_RE.search(near) is not None
    )


def _agent(ctx: Context, v_end: int, end: int) -> ActorInfo | None:
    """The actor named after "by" (``v_end`` is the verb's end), up to the clause's
    end or "as"."""
    agent_end = CLAUSE_END_RE.search(ctx.masked, v_end + 4, end)
    stop = agent_end.start() if agent_end else end
    as_at = ctx.masked.find(" as ", v_end + 4, stop)
    stop = as_at if as_at >= 0 else stop
    return pick(mentions_in(ctx, v_end + 4, stop))


def _used_as_noun(word: str, near: str) -> bool:
    """A reporting word used as a noun: "the claims", "his questions", "asylum claims"."""
    if word not in _NEVER_NOUNS and _DETERMINER_BEFORE_RE.search(near):
        return True
    if word not in ("claims", "claim"):
        return False
    m_noun = _NOUN_CLAIM_BEFORE_RE.search(near)
    return m_noun is not None and m_noun.group().strip().lower() not in (
        DOCUMENT_NOUNS | GENERIC_SPEAKERS
    )


def _credit(
    res: Resolver,
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
    for v_start, v_end, word in verbs_in(ctx, start, end)[:_MAX_VERBS]:
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
            opening = mentions_in(ctx, ctx.sentences[sent][0] if sent >= 0 else zone_start, v_start)
            if opening:
                return True, pick(opening)
        if _takes_agent(ctx.masked, word, near, v_end):
            return True, _agent(ctx, v_end, end)
        if not word.endswith("ing") and _PASSIVE_BEFORE_RE.search(near):
            # Passive: "researchers were told".
            found_verb = found_verb or not weak
            continue
        if _used_as_noun(word, near):
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
            near_words = set(WORD_RE.findall(before.lower()[-40:]))
            if has_np and (near_words & DOCUMENT_NOUNS or (weak_ok and near_words & SPEAKER_WORDS)):
                found_verb = True  # "a study shows"; for quotes, "they called for"
            continue
        found_verb = True
        if has_np and PRONOUN_END_RE.search(before[-40:].rstrip()):
            # "He said the party always asked": "he" (nobody named) is the speaker,
            # not the subject of a verb inside what he said.
            return True, None
        if has_np:
            named_np = True  # later verbs may still name a speaker, but no guessing
    return found_verb, None


def _tail_clause(ctx: Context, start: int, end: int) -> int:
    """Start of a closing credit such as ``..., argued Mr Howard.``, or -1."""
    comma = ctx.masked.rfind(",", start, end)
    if comma < 0:
        return -1
    verbs = verbs_in(ctx, comma, end)
    if not verbs:
        # "..., said Amnesty International on Tuesday, November 19.": a comma
        # inside the credit; it opens at the comma its verb follows.
        verbs = verbs_in(ctx, start, comma)[-1:]
        before_verb = ctx.masked[max(start, verbs[0][0] - 3) : verbs[0][0]] if verbs else ""
        if not before_verb.rstrip().endswith(","):
            return -1
        comma = ctx.masked.rfind(",", start, verbs[0][0])
    head = ctx.masked[comma + 1 : verbs[0][0]]
    rest = ctx.masked[verbs[0][1] : end]
    if len(rest.split()) > 8 or head.strip().lower() in ("who", "which"):
        return -1  # "..., Kim Yong-hyun, who said ...": a relative clause, not a closing credit
    if len(head.split()) > 6 and len(words_outside_names(ctx, comma + 1, verbs[0][0])) > 2:
        # "..., the U.S. Attorney's Office for the Western District of New York
        # announced Monday.": a long name is still one subject.
        return -1
    return comma + 1


def _is_name_quote(text: str, q: QuoteSpan) -> bool:
    inner = text[q.start : q.end]
    words = WORD_RE.findall(inner)
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
    res = Resolver(ctx)
    state = _Attribution(len(sentences))
    for si, qs in enumerate(_quotes_by_sentence(sentences, quotes)):
        accepted = _credit_quotes(res, state, si, qs)
        if accepted:
            _note_quote_sentence(res, state, si, accepted)
        elif not _too_short_to_claim(text, *sentences[si]):
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


def _context(text, sentences, quotes, masked, index) -> Context:
    """The shared model the attribution pass reads: mentions outside quotes,
    reporting verbs that credit a statement, documents and their owners."""
    verbs = [v for v in find_reporting(masked) if not _states_nothing(masked, v[0], v[1])]
    ctx = Context(
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
        stop = CLAUSE_END_RE.search(masked, m.end(), m.end() + 90)
        owner = pick(mentions_in(ctx, m.end(), stop.start() if stop else m.end() + 90))
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
    res: Resolver, state: _Attribution, si: int, qs: list[QuoteSpan]
) -> list[_QuoteEntry]:
    """The quotes of sentence ``si`` that are speech, each with its direct credit."""
    if len(qs) > MAX_QUOTES_PER_SENTENCE:
        return []  # a list of quoted words or a broken text, not speech
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
                sentence_verb = any(v[2] not in WEAK_VERBS for v in verbs_in(ctx, s, e))
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
    found = WORD_RE.findall(inner)
    shouting = sum(1 for w in found if w.isupper()) >= 2
    sentence_like = len(found) >= 2 and inner[:1].isupper() and inner.rstrip()[-1:] in ".?!"
    return not shouting and len(found) < 6 and q.closed and not sentence_like


def _direct_credit(
    res: Resolver,
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
            not any(v[2] not in WEAK_VERBS for v in verbs_in(ctx, prev_end, q.start - 1))
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
    res: Resolver, state: _Attribution, si: int, accepted: list[_QuoteEntry]
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
        _note_own_document(res.ctx, si, main)


_TOKEN_RE = re.compile(r"\w+")
_IN_OWN_DOC_RE = re.compile(
    rf"\bin\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?({DOC_ALT})\b", re.I
)


def _note_own_document(ctx: Context, si: int, speaker: ActorInfo) -> None:
    """ "X said in a statement": the statement is X's, so "the statement said"
    later speaks for X."""
    m = _IN_OWN_DOC_RE.search(ctx.masked, *ctx.sentences[si])
    if m is not None:
        insort(ctx.doc_owners, (m.start(), m.group(1).lower(), speaker), key=lambda d: d[0])


def _too_short_to_claim(text: str, start: int, end: int) -> bool:
    """Fewer than three words ("Yes.", "A", a dateline): neither a statement
    with its speaker nor a fact, so the sentence costs no attribution work."""
    return next(islice(_TOKEN_RE.finditer(text, start, end), 2, None), None) is None


def _credit_statement(res: Resolver, state: _Attribution, si: int) -> None:
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
        _note_own_document(ctx, si, info)
    if verb:
        speaker = info.actor.name if info else None
        state.claims[si].append(_claim("attributed", text, s, e, speaker=speaker))
    else:
        claim = _claim("factual", text, s, e)
        if claim.checkworthiness >= FACTUAL_MIN:
            state.claims[si].append(claim)


def _sentence_subject(res: Resolver, si: int) -> ActorInfo | None:
    """Whom a sentence crediting nobody is about: its opening pronoun's or
    role's referent, else its first person or actor named."""
    ctx = res.ctx
    masked = ctx.masked
    s, e = ctx.sentences[si]
    first = mentions_in(ctx, s, e)
    pm = PRONOUN_RE.match(masked[s:e])
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
    people = [m for m in first if m[2].actor.kind == "person"]
    if (
        len(people) > 1
        and possessive_at(masked, people[0][1])
        and (
            len(masked[people[0][1] : people[1][0]].split()) <= 3
            or not masked[s : people[0][0]].strip()
        )
    ):
        # "Cole's lawyer, Ann Lee, had a statement", "Cole's plans were kept so
        # secret that Ann Lee ...": the owner opens the sentence, the other acts.
        return people[1][2]
    return (people or first)[0][2] if first else None


def _chain_uncredited(text: str, state: _Attribution) -> None:
    """A quote credited to nobody, followed with no words between by a credited
    one, shares its speaker ('"Yes." "We will," she said.')."""
    entries = state.quotes
    for i in range(len(entries) - 2, -1, -1):
        entry, nxt = entries[i], entries[i + 1]
        if entry.info is not None or entry.credited:
            continue
        if not WORD_RE.search(text[entry.q.end : nxt.q.start]) and nxt.info is not None:
            entry.info = nxt.info


def _carry_over_uncredited(ctx: Context, state: _Attribution) -> None:
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
        lead_in = _lead_in_person(ctx, state, si)
        if lead_in is not None:
            # "Cole's lawyer, Ann Lee, had a shorter statement. "It is ..."": the
            # person the paragraph has just introduced, not an earlier speaker.
            entry.info = state.last_speaker[si] = lead_in
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


def _lead_in_person(ctx: Context, state: _Attribution, si: int) -> ActorInfo | None:
    """The person the sentence before ``si``, in the same paragraph and crediting
    nobody, is about."""
    if si == 0 or state.last_speaker[si - 1] is not None or state.unnamed[si - 1]:
        return None
    if "\n" in ctx.text[ctx.sentences[si - 1][1] : ctx.sentences[si][0]]:
        return None
    prev = ctx.subjects[si - 1]
    return prev if prev is not None and prev.actor.kind == "person" else None


def _statement_goes_on(ctx: Context, start: int, end: int) -> bool:
    """Whether the reported statement goes on after the quoted fragments in it,
    which end at ``start`` (-1 for none): 'said X's "illegal declaration" had
    caused chaos and fear in a country of 50 million' is reported speech too."""
    return start >= 0 and len(ctx.masked[start:end].split()) > 4 and not verbs_in(ctx, start, end)


def _emit(ctx: Context, state: _Attribution) -> list[ExtractedClaim]:
    """The claims in text order, quotes first within a sentence. A quote
    sentence whose own clause credits someone else than its quotes ("Mr Howard
    denied Mr Yeo said the plans "stink"") is also reported speech."""
    text = ctx.text
    speakers_of: dict[int, set[int]] = {}
    for entry in state.quotes:
        speakers_of.setdefault(entry.sent, set()).add(id(entry.info))
    fragments_end: dict[int, int] = {}  # the sentences all of whose quotes are fragments
    for entry in state.quotes:
        fragment = text[entry.q.start : entry.q.start + 1].islower()
        if fragments_end.get(entry.sent, 0) >= 0:
            fragments_end[entry.sent] = entry.q.end if fragment else -1
    for si, main in state.main_subjects.items():
        s, e = ctx.sentences[si]
        if id(main) not in speakers_of.get(si, ()) or _statement_goes_on(
            ctx, fragments_end.get(si, -1), e
        ):
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
