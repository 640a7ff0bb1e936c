"""Check-worthiness: how much a claim's words invite checking, and why.

The last pass of the pipeline. A claim scores a base for its kind plus the
weight of each *reason* its words give: a number (digits or spelled out,
"a six-month review"), a date, a percentage, money, a comparison or
superlative, an absolute ("first", "only", "never", a record), a change or
outcome ("rose", "voted", "defeated"), a named speaker. Reasons are kept so an
editor can see why a claim ranks high.

Calibrated (``python -m articles.extraction.calibration``, printed by
``make eval``) so that at the publish threshold of 0.5 about a quarter of the
claims of a news corpus reach it, and nine in ten of the hand-annotated
factual claims do: a bare reported statement or quote does not, a sourced
figure does.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, words

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
    "rose fell increased decreased rise fall jumped slumped grew cut raised lost won killed "
    "died elected illegal banned invoked agreed signed passed approved rejected launched "
    "closed opened voted defeated resigned arrested charged convicted sentenced fined "
    "overturned vetoed appointed fired hired founded established detained indicted jailed "
    "acquitted extradited deported"
)
MONEY_WORDS = words("bn billion million trillion dollars pounds euros")
_RELATIVE_DATE_RE = re.compile(
    r"\b(?:last|this|previous)\s+(?:week|month|year|decade|century|spring|summer|autumn|"
    r"fall|winter)\b|\b(?:19|20)\d\d\b|\b(?:"
    + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + r")\s+\d{1,2}\b",
    re.I,
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER_RE = re.compile(r"\d")
# "ever since", "not only ... but": idioms, not absolutes.
_NOT_ABSOLUTE_RE = re.compile(
    r"\b(?:ever\s+since|not\s+only)\b(?!.*\b(?:first|never|record)\b)", re.I
)
# "the two held talks": a number standing for people, not a quantity.
_THE_NUMBER_RE = re.compile(
    r"\bthe\s+(?:two|three|four)\s+(?:[a-z]+ed|held|had|were|are|have|countries|country's)\b"
)
_NAMED_FIGURE_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z-]*+\s?\d+[a-z]?\b(?![,.]\d|%)")
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
    # Quantities are lower-case words and figures not part of a name
    # ("a six-month review", "12,500 employees"; not "Quarter Pounder", "Radio 4").
    plain = {w for w in written if w[0].islower()}
    plain |= {p for t in plain if "-" in t for p in t.split("-")}
    if plain & NUMBER_WORDS and _THE_NUMBER_RE.search(text):
        plain -= NUMBER_WORDS
    digits = _NUMBER_RE.search(text) is not None
    if plain & NUMBER_WORDS or (
        digits and _NUMBER_RE.search(_NAMED_FIGURE_RE.sub("", _YEAR_ONLY_RE.sub("", text)))
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
    if tokens & ABSOLUTES and not (tokens & _IDIOM_WORDS and _NOT_ABSOLUTE_RE.search(text)):
        found.add("first/only/never")
    if tokens & CHANGE_WORDS:
        found.add("change")
    return tuple(r for r in WEIGHTS if r in found)


# Words without which a pattern cannot match: the pattern runs only when one is there.
_DATE_WORDS = words("last this previous") | frozenset(m for m in MONTHS if len(m) > 3)
_PERCENT_WORDS = words("per percent percentage")
_COMPARISON_WORDS = words("than as")
_IDIOM_WORDS = words("since only")


def score(
    text: str, kind: str = "factual", speaker: str | None = None
) -> tuple[float, tuple[str, ...]]:
    """``(check-worthiness, reasons)`` of a claim of ``kind`` whose words are ``text``."""
    reasons = reasons_of(text, kind, speaker)
    value = BASE[kind] + sum(WEIGHTS[r] for r in reasons)
    return round(min(1.0, value), 2), reasons
