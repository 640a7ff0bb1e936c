"""An article body as reader HTML, with its checked claims marked in the text.

Pure: plain values in, a ``SafeString`` out, no ORM. Claim offsets point into
the body as imported, and spans may coincide (two quotes in one sentence) or
overlap. The body is therefore cut at every claim boundary into flat segments,
each wrapped at most once, so no tag ever crosses another and every piece of
text goes through ``escape``. After the last segment of each claim comes its
verdict flag: a link to the verdict note, labelled in words (not only colour).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """What the body needs to know about one checked claim."""

    id: int
    start: int
    end: int
    rating: str  # the rating's value, used as a CSS modifier ("mostly-false")
    label: str  # the rating as readers read it ("Mostly false")
    number: int = 0  # position in the article's list of fact-checks, from 1


def verdict_anchor(claim_id: int) -> str:
    """The id of a claim's verdict note on the article page."""
    return f"verdict-{claim_id}"


def flag_anchor(claim_id: int) -> str:
    """The id of a claim's flag in the text, for the way back from its note."""
    return f"flag-{claim_id}"


def _flag(mark: ClaimMark) -> SafeString:
    number = f" {mark.number}" if mark.number else ""
    return format_html(
        '<a class="verdict-flag verdict-flag--{rating}" id="{flag}" href="#{note}">'
        '<span class="visually-hidden">Fact-check{number}: </span>'
        '<span class="rating-icon" aria-hidden="true"></span>{label}</a>',
        rating=mark.rating,
        flag=flag_anchor(mark.id),
        note=verdict_anchor(mark.id),
        number=number,
        label=mark.label,
    )


def _segment(text: str, covering: list[ClaimMark]) -> SafeString:
    if not covering:
        return escape(text)
    ratings = {m.rating for m in covering}
    modifier = covering[0].rating if len(ratings) == 1 else "several"
    classes = f"claim claim--{modifier}"
    if len(covering) > 1:
        classes += " claim--shared"
    return format_html(
        '<mark class="{classes}" data-claims="{ids}">{text}</mark>',
        classes=classes,
        ids=" ".join(str(m.id) for m in covering),
        text=text,
    )


def _paragraph(body: str, start: int, end: int, marks: list[ClaimMark]) -> SafeString:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = {start, end}
    for m in inside:
        cuts.update(p for p in (m.start, m.end) if start < p < end)
    points = sorted(cuts)
    parts: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        parts.append(_segment(body[a:b], covering))
        parts.extend(_flag(m) for m in inside if m.end == b)
    return format_html("<p>{}</p>", mark_safe("".join(parts)))  # noqa: S308 - parts are escaped


def _trimmed(mark: ClaimMark, body: str) -> ClaimMark | None:
    """The mark without surrounding whitespace, so that its flag always follows
    a character of text (a span ending in a line break would otherwise be
    flagged nowhere); ``None`` if nothing but whitespace is left."""
    text = body[mark.start : mark.end]
    start = mark.start + len(text) - len(text.lstrip())
    end = mark.end - (len(text) - len(text.rstrip()))
    if end <= start:
        return None
    return replace(mark, start=start, end=end)


def render_body(body: str, marks: Iterable[ClaimMark] = ()) -> SafeString:
    """The body as ``<p>`` paragraphs (one per non-blank line), claims marked.

    Marks with offsets outside the body or with nothing between them are left
    out rather than trusted: the text must always come out whole and escaped.
    """
    size = len(body)
    in_body = (_trimmed(m, body) for m in marks if 0 <= m.start < m.end <= size)
    usable = sorted(
        (m for m in in_body if m is not None), key=lambda m: (m.start, -m.end, m.number, m.id)
    )
    paragraphs = []
    for line in _LINE.finditer(body):
        if not line.group().strip():
            continue
        # Trim surrounding spaces from the paragraph but keep offsets true.
        start = line.start() + (len(line.group()) - len(line.group().lstrip()))
        end = line.end() - (len(line.group()) - len(line.group().rstrip()))
        paragraphs.append(_paragraph(body, start, end, usable))
    return mark_safe("\n".join(paragraphs))  # noqa: S308 - each paragraph is escaped


def search_snippet(text: str, words: Iterable[str], *, width: int = 240) -> SafeString:
    """A stretch of ``text`` around the first place any of ``words`` occurs,
    with every occurrence marked; escaped throughout.

    Words match at the start of a word and ignore case, so "sanction" finds
    "Sanctions" as PostgreSQL's stemming does. With no match, the opening.
    """
    text = " ".join(text.split())
    stems = sorted({w.casefold() for w in words if len(w) > 1}, key=len, reverse=True)
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)
        if stems
        else None
    )
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    end = len(text) if start + width >= len(text) else text.rfind(" ", start, start + width + 1)
    if end <= start:
        end = min(len(text), start + width)
    window = text[start:end]
    parts: list[str] = ["… " if start else ""]
    last = 0
    for match in pattern.finditer(window) if pattern else ():
        parts.append(escape(window[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    parts.append(escape(window[last:]))
    parts.append(" …" if end < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped
