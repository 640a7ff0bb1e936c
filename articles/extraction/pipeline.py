"""The extractor's entry point: raw news text in, an ``ExtractedArticle`` out."""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from contextlib import contextmanager

from .actors import find_actors
from .claims import build_claims
from .lexicon import MONTHS, WEEKDAYS
from .quotes import find_quotes, mask_quotes
from .sentences import split_sentences
from .types import ExtractedActor, ExtractedArticle

EXTRACTOR_VERSION = "rules-2.0"

_HEADLINE_CHARS = 90
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_ALT = "|".join(WEEKDAYS)
_DATELINE_RES = (
    # "On Sunday, August 17, 2025," / "Sunday, August 17, 2025 -"
    re.compile(
        rf"^(?:on\s+)?(?:(?:{_DAY_ALT}),?\s+)?(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # "On Sunday 17 August 2025," / "17 August 2025 -"
    re.compile(
        rf"^(?:on\s+)?(?:(?:{_DAY_ALT}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # "LONDON, August 17, 2025 (Reuters) -"
    re.compile(
        rf"^[A-Z][A-Za-z .'-]{{1,40}},\s+(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}}),?\s+"
        rf"(?P<year>\d{{4}})\b"
    ),
    # "2025-08-17"
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _split_title(text: str) -> tuple[str, str]:
    """BBC layout: title line, blank line, body. Otherwise the whole text is body."""
    lines = text.split("\n", 2)
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), lines[2].strip()
    return "", text.strip()


def _headline(body: str, sentences: list[tuple[int, int]]) -> str:
    """A headline from the first sentence, without its dateline ("On Sunday,
    August 17, 2025, Ukraine and ..." gives "Ukraine and ..."), cut at a word."""
    if not sentences:
        return body[:_HEADLINE_CHARS].strip()
    first = " ".join(body[sentences[0][0] : sentences[0][1]].split())
    match = _dateline_match(first)
    rest = first[match.end() :].lstrip(" ,;:-–—") if match else ""
    if len(rest.split()) >= 3:
        first = rest[0].upper() + rest[1:]
    if len(first) <= _HEADLINE_CHARS:
        return first.rstrip(".")
    cut = first.rfind(" ", 0, _HEADLINE_CHARS)
    return first[: cut if cut > 0 else _HEADLINE_CHARS].rstrip(" ,;:-") + "…"


def _dateline_match(body: str) -> re.Match | None:
    head = body[:80]
    for pattern in _DATELINE_RES:
        m = pattern.match(head)
        if m:
            return m
    return None


def _dateline(body: str) -> dt.date | None:
    m = _dateline_match(body)
    if m is not None:
        month = m.group("month")
        month_no = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
        try:
            return dt.date(int(m.group("year")), month_no or 0, int(m.group("day")))
        except (TypeError, ValueError):
            return None
    return None


def extract(text: str) -> ExtractedArticle:
    """Title, dateline, actors and claims of one news text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub(" ", text)
    title, body = _split_title(text)
    quotes = find_quotes(body)
    sentences = split_sentences(body, quotes)
    if not title:
        title = _headline(body, sentences)
    masked = mask_quotes(body, quotes)
    index = find_actors(body, sentences, quotes)
    claims = build_claims(body, sentences, quotes, masked, index)
    actors: list[ExtractedActor] = [info.actor for info in index.actors]
    return ExtractedArticle(
        title=title, body=body, dateline=_dateline(body), actors=actors, claims=claims
    )


class ExtractionTooSlow(Exception):
    """A text took longer than its time budget to extract."""


def extract_many(texts: list[str], *, budget: float | None = None) -> list[ExtractedArticle | str]:
    """``extract`` for each text; a text the extractor fails on, or that takes
    longer than ``budget`` seconds, gives the reason instead, so one bad text
    cannot sink (or hold up) the others.

    Module-level and free of Django, so worker processes can run it. The
    budget is a timer signal, so it holds only in a process's main thread
    (elsewhere texts run without one).
    """
    results: list[ExtractedArticle | str] = []
    for text in texts:
        try:
            with _time_budget(budget):
                results.append(extract(text))
        except ExtractionTooSlow:
            results.append(f"took more than {budget:g} s to extract (the time budget per file)")
        except Exception as exc:  # an extractor bug must not stop the other files
            results.append(repr(exc))
    return results


@contextmanager
def _time_budget(seconds: float | None):
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise ExtractionTooSlow

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
