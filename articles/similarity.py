"""Text similarity between claims, to find earlier verdicts on the same statement.

Pure functions, no ORM: a token Jaccard on folded words, cheap enough to run
against a bounded set of approved claims on every claim page.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Words that carry no claim of their own; without them "the figure is right"
# and "the figure is wrong" do not look alike just for sharing "the" and "is".
_STOPWORDS_TEXT = """
    a an and are as at be been but by for from had has have he her his i if in
    into is it its of on or our she so that the their them there they this to
    was we were which who will with would you said says told
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def claim_tokens(text: str) -> frozenset[str]:
    """The content words of a claim, case- and apostrophe-folded."""
    words = (w.casefold().replace("\u2019", "'") for w in _WORD.findall(text))
    return frozenset(w for w in words if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of words two claims have in common: 1.0 same words, 0.0 none shared."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
