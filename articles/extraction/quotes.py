"""Find the spans inside double quotation marks.

News copy, and the BBC's in particular, often leaves a quotation open: a quote
that runs over several sentences reopens each new sentence or paragraph with a
quotation mark and closes only once, at its very end
(``"A. "B. "C," he said.``). A straight ``"`` is therefore read by its
neighbours: one with a space before it and a word after it opens a quote, even
when a quote is already open, and then the open one is ended first. A quote
still open at the end of a paragraph ends there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_CHARS = re.compile(r'["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
_OPEN_ONLY = "\u201c\u201e\u00ab"
_CLOSE_ONLY = "\u201d\u00bb"
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/:;,'\u2018")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}\u2014\u2013-'\u2019\u2018")


@dataclass(slots=True)
class QuoteSpan:
    """The words between one pair of quotation marks: ``body[start:end]``."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    closed: bool  # False when the paragraph ended before a closing mark

    @property
    def outer_start(self) -> int:
        return self.start - 1


def _is_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPEN_BEFORE and not after.isspace()


def _is_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after in _CLOSE_AFTER or after == '"')


def _end_trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted span of ``text``, in order, one per contiguous span."""
    spans: list[QuoteSpan] = []
    open_at = -1
    for match in _QUOTE_CHARS.finditer(text):
        i = match.start()
        ch = text[i]
        if open_at >= 0 and "\n" in text[open_at:i]:
            # The paragraph ended while the quote was open: it ends there.
            para_end = text.index("\n", open_at)
            end = _end_trimmed(text, open_at, para_end)
            if end > open_at:
                spans.append(QuoteSpan(open_at, end, closed=False))
            open_at = -1
        if ch in _OPEN_ONLY:
            if open_at >= 0:
                end = _end_trimmed(text, open_at, i)
                if end > open_at:
                    spans.append(QuoteSpan(open_at, end, closed=False))
            open_at = i + 1
            continue
        if ch in _CLOSE_ONLY:
            if open_at >= 0:
                if i > open_at:
                    spans.append(QuoteSpan(open_at, i, closed=True))
                open_at = -1
            continue
        # A straight mark: decide by its neighbours.
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at < 0 and before in "\n" and after.isspace():
            continue  # a stray mark between spaces (often a paragraph's dangling close)
        if open_at < 0:
            if _is_opener(text, i) or not _is_closer(text, i):
                open_at = i + 1
            continue
        if _is_opener(text, i) and not _is_closer(text, i):
            end = _end_trimmed(text, open_at, i)
            if end > open_at:
                spans.append(QuoteSpan(open_at, end, closed=False))
            open_at = i + 1
        else:
            if i > open_at:
                spans.append(QuoteSpan(open_at, i, closed=True))
            open_at = -1
    if open_at >= 0:
        nl = text.find("\n", open_at)
        end = _end_trimmed(text, open_at, len(text) if nl < 0 else nl)
        if end > open_at:
            spans.append(QuoteSpan(open_at, end, closed=False))
    # Trim inner whitespace so spans hold words only.
    result = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        end = _end_trimmed(text, start, end)
        if end > start:
            result.append(QuoteSpan(start, end, span.closed))
    return result


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with every quoted word replaced by ``_`` (same length, same offsets)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for span in spans:
        parts.append(text[pos : span.start])
        parts.append("_" * (span.end - span.start))
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
