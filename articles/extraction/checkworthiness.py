"""Check-worthiness: how much a claim's words invite checking, and why.

The last pass of the pipeline. A claim scores a base for its kind plus the
weight of each *reason* its words give, under the short label the admin shows
as "why check-worthy":

- ``number``: digits or spelled out ("a six-month review", "12,500
  employees"), a number word capitalised only by opening the sentence or by a
  shouted lead ("Two men", "TWO men"), a figure after a capitalised word that
  is never a name ("About 50 people", "All 15 senators"); not one inside a
  name ("Radio 4", "No 10", "The Two Ronnies") or standing for people ("the
  two held talks");
- ``date``, ``percentage``, ``money``;
- ``comparison``: a comparative or superlative;
- ``first/only/never``: an absolute or a record, in lower case or opening the
  sentence, not a title ("First Minister") or an idiom ("ever since", "more
  than ever"); a record set ("a record", "record levels", "broke records"),
  not a document or someone's past ("prison records", "his record");
- ``change``: a change or outcome ("rose", "voted", "defeated");
- ``casualties/crime``: who died or was hurt, what violence was done, what
  charge, arrest or verdict ("were killed", "fatally shot", "gunshot wounds",
  "murder charges", "pleaded guilty"), the core facts of crime, disaster and
  court reporting; enough alone for a sentence in the article's own voice to
  be a factual claim, not to reach the publish gate;
- ``weekday date``: a change or casualty dated by its weekday ("voted down
  on Saturday", "arrested Wednesday"), how news dates the past week; only
  with such an event and weaker than a calendar date, since nearly every
  story has a weekday;
- ``named speaker``: reported speech one can check with its source.

Reasons are kept so an editor can see why a claim ranks high.

Calibrated (``python -m articles.extraction.calibration``, printed by
``make eval``) so that at the publish threshold of 0.5 under three in ten of
the claims of a news corpus reach it, and nine in ten of the hand-annotated
factual claims do: a bare reported statement or quote does not, a sourced
figure does, and so does a death or charge with its count or date.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, STOPWORDS, WEEKDAYS, words

#: What a claim starts from, by kind: reported speech and quotes are somebody's
#: view until their words carry something checkable.
BASE = {"factual": 0.2, "attributed": 0.0, "quote": 0.0}
#: The weight each reason adds (the score is capped at 1). A unit (money, a
#: percentage) mostly goes with a number, so it adds little of its own.
WEIGHTS = {
    "number": 0.3,
    "date": 0.3,
    "percentage": 0.1,
    "money": 0.1,
    "comparison": 0.25,
    "first/only/never": 0.45,
    "change": 0.15,
    "casualties/crime": 0.25,
    "weekday date": 0.2,
    "named speaker": 0.05,
}
#: A sentence in the article's own voice is a factual claim from this score.
FACTUAL_MIN = 0.45

NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens "
    "half halves thirds quarters twice double doubled triple tripled halved"
)
SUPERLATIVES = words(
    "biggest largest highest lowest smallest worst best fastest slowest longest shortest "
    "greatest strongest weakest toughest harshest oldest youngest richest poorest deadliest "
    "busiest widest deepest heaviest cheapest dearest most least majority minority"
)
COMPARISON_RE = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower)\s+than\b|\bas\s+(?:many|much)\s+as\b", re.I
)
ABSOLUTES = words(
    "first never ever only record records history historic historical unprecedented "
    "all-time unanimously unanimous sole consistently"
)
CHANGE_WORDS = words(
    "rose fell increased decreased rise fall jumped slumped grew cut raised lost won "
    "elected illegal banned invoked agreed signed passed approved rejected launched "
    "closed opened voted defeated resigned fined "
    "overturned vetoed appointed fired hired founded established"
)
#: Who died or was hurt, what violence was done, what charge or verdict: the
#: core facts of crime, disaster and court reporting.
CASUALTY_CRIME_WORDS = words(
    "killed died dead deaths fatal fatally wounded wounds wounding injured injuries gunshot "
    "stabbed stabbing murder murdered murders manslaughter homicide "
    "kidnapped abducted hostages assaulted raped "
    "arrested charged charges convicted sentenced jailed imprisoned indicted acquitted "
    "guilty verdict extradited deported detained prosecuted"
)
MONEY_WORDS = words("bn billion million trillion dollars pounds euros")
_RELATIVE_DATE_RE = re.compile(
    r"\b(?:last|this|previous)\s+(?:week|month|year|decade|century|spring|summer|autumn|"
    r"fall|winter)\b|\b(?:19|20)\d\d\b|\b(?:"
    + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + r")\s+\d{1,2}\b",
    re.I,
)
# "on Tuesday", "announced Wednesday": the past week's dating of an event (AP style).
_WEEKDAY_DATE_RE = re.compile(
    r"\b(?:on|[a-z]+ed)\s+(?:" + "|".join(d.capitalize() for d in sorted(WEEKDAYS)) + r")\b"
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER_RE = re.compile(r"\d")
# "ever since", "not only ... but", "more than ever", "as bad as ever": idioms,
# not absolutes.
_NOT_ABSOLUTE_RE = re.compile(
    r"\b(?:ever\s+since|not\s+only|than\s+ever|as\s+ever)\b(?!.*\b(?:first|never|record)\b)",
    re.I,
)
# "the two held talks": a number standing for people, not a quantity.
_THE_NUMBER_RE = re.compile(
    r"\b[Tt]he\s+(?:two|three|four)\s+(?:[a-z]+ed|held|had|were|are|have|countries|country's)\b"
)
# A capitalised word and the lower-case word after it, perhaps across one or two
# capitalised adjectives: "Two men", "TWO men", "Never before", "Two British
# soldiers" (not "The Two Ronnies", "First Minister Ann Cole").
_CAPITALISED_RE = re.compile(r"\b([A-Z][A-Za-z]+)[,:]?\s+((?:[A-Z][A-Za-z.'-]*\s+){0,2})[a-z]")
_SENTENCE_OPENING = " \t\n\"'\u201c\u2018(\u2013\u2014-"
# A wire dateline before the first sentence's first word: "WASHINGTON (AP) \u2014",
# "VATICAN CITY\u2014", "COLUMBIA, S.C. \u2013".
_DATELINE_RE = re.compile(
    r"[A-Z]{2,}[A-Z .'-]*(?:,[A-Za-z .]+)?(?:\s*\([^)]*\))?\s*[:\u2013\u2014-]+\s*"
)
# "was shot", "fatally shot", "shot dead": a shooting, not a shot at goal or a flu shot.
_SHOT_RE = re.compile(
    r"\b(?:was|were|been|being|fatally|and)\s+shot\b|\bshot\s+(?:dead|down|and\s+killed)\b", re.I
)
# "a record", "record levels", "broke records": a record set, not a document or
# someone's past ("falsifying records", "the record is patchy", "on the record").
_RECORD_RE = re.compile(
    r"\b(?:a|new|world|all-time|broke|broken|break|breaking|set|beat|beaten|smashed|"
    r"shattered|equalled)\s+records?\b|\brecord(?:-|\s+(?!(?:is|was|are|were|has|had|of|on|"
    r"to|in|for|and|or|the|a|an|that|with|as|at|by|it|its|their|his|her)\b)[a-z$\u00a3\u20ac\d])",
    re.I,
)
# "Radio 4", "Chapter 11": a figure naming a thing (not "All 15 senators",
# "About 50 people": a capitalised word that is never a name counts them).
_NAMED_FIGURE_RE = re.compile(r"(?<![\w-])([A-Z][A-Za-z-]*+)\s?\d+[a-z]?\b(?![,.]\d|%)")
_YEAR_ONLY_RE = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d(?![\d,.]\d)")
_PERCENT_RE = re.compile(r"%|\bper\s?cent\b|\bpercentage\b", re.I)
_MONEY_RE = re.compile(r"[£$€¥]|\d(?:bn|m|k)\b")


def reasons_of(text: str, kind: str = "factual", speaker: str | None = None) -> tuple[str, ...]:
    """The reasons ``text`` gives for checking it, in ``WEIGHTS`` order."""
    found = set()
    if speaker and kind == "attributed":
        found.add("named speaker")  # reported speech one can check with its source
    if text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        return tuple(found)  # a question asserts nothing
    written = _WORD_RE.findall(text)
    tokens = {w.lower() for w in written}
    # Quantities and absolutes are lower-case words and figures not part of a
    # name ("a six-month review", "12,500 employees"; not "Quarter Pounder",
    # "Radio 4", "First Minister"), or capitalised only by their place at the
    # start of the sentence or by a shouted lead ("Two men", "TWO men").
    plain = {w for w in written if w[0].islower()}
    if (tokens - plain) & _COUNTED_WORDS:
        plain |= _capitalised_as_words(text)
    words_used = set(plain)
    plain |= {p for t in plain if "-" in t for p in t.split("-")}
    if plain & NUMBER_WORDS and _THE_NUMBER_RE.search(text):
        plain -= NUMBER_WORDS
    digits = _NUMBER_RE.search(text) is not None
    if plain & NUMBER_WORDS or (
        digits
        and _NUMBER_RE.search(_NAMED_FIGURE_RE.sub(_unless_counted, _YEAR_ONLY_RE.sub("", text)))
    ):
        found.add("number")
    if (digits or tokens & _DATE_WORDS) and _RELATIVE_DATE_RE.search(text):
        found.add("date")
    if (digits or tokens & _PERCENT_WORDS) and _PERCENT_RE.search(text):
        found.add("percentage")
    if tokens & MONEY_WORDS or (digits or "£" in text or "€" in text) and _MONEY_RE.search(text):
        found.add("money")
    if tokens & SUPERLATIVES or (tokens & _COMPARISON_WORDS and COMPARISON_RE.search(text)):
        found.add("comparison")
    absolutes = words_used & ABSOLUTES
    if absolutes and absolutes <= _RECORD_WORDS and not _RECORD_RE.search(text):
        absolutes = set()  # "prison records", "his record": documents, a past
    if absolutes and not (tokens & _IDIOM_WORDS and _NOT_ABSOLUTE_RE.search(text)):
        found.add("first/only/never")
    if tokens & CHANGE_WORDS:
        found.add("change")
    if tokens & CASUALTY_CRIME_WORDS or ("shot" in tokens and _SHOT_RE.search(text)):
        found.add("casualties/crime")
    if (
        tokens & WEEKDAYS
        and "date" not in found
        and found & _EVENT_REASONS
        and _WEEKDAY_DATE_RE.search(text)
    ):
        found.add("weekday date")
    return tuple(r for r in WEIGHTS if r in found)


def _unless_counted(figure: re.Match) -> str:
    """A named figure dropped, kept where its word is never a name ("All 15")."""
    word = figure.group(1)
    counts = figure.group(0)[len(word)] == " " and word.lower() in _COUNTING_WORDS
    return figure.group(0) if counts else ""


def _capitalised_as_words(text: str) -> set[str]:
    """The number words and absolutes capitalised only by their place at the
    start of ``text`` (or after its dateline) or by shouting, lower-cased:
    those followed by a lower-case word ("Two men", "TWO men", "Never
    before"), a number word also across capitalised adjectives ("Two British
    soldiers"); not a name's words ("The Two Ronnies", "First Minister")."""
    found = set()
    for m in _CAPITALISED_RE.finditer(text):
        word = m.group(1)
        before = text[: m.start()]
        counted = NUMBER_WORDS if m.group(2) else _COUNTED_WORDS
        if word.lower() in counted and (
            word.isupper() or not before.strip(_SENTENCE_OPENING) or _DATELINE_RE.fullmatch(before)
        ):
            found.add(word.lower())
    return found


# Words without which a pattern cannot match: the pattern runs only when one is there.
_DATE_WORDS = words("last this previous") | frozenset(m for m in MONTHS if len(m) > 3)
_PERCENT_WORDS = words("per percent percentage")
_COMPARISON_WORDS = words("than as")
_IDIOM_WORDS = words("since only ever")
_RECORD_WORDS = words("record records")
_COUNTED_WORDS = NUMBER_WORDS | ABSOLUTES
# Capitalised words before a figure that never name it: not "No 10", "May 15".
_COUNTING_WORDS = STOPWORDS - words("no may a i") - frozenset(MONTHS)
_EVENT_REASONS = frozenset(("change", "casualties/crime"))


def score(
    text: str, kind: str = "factual", speaker: str | None = None
) -> tuple[float, tuple[str, ...]]:
    """``(check-worthiness, reasons)`` of a claim of ``kind`` whose words are ``text``."""
    reasons = reasons_of(text, kind, speaker)
    value = BASE[kind] + sum(WEIGHTS[r] for r in reasons)
    return round(min(1.0, value), 2), reasons
