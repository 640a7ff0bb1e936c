"""Text similarity between claims, to find earlier verdicts on the same statement.

Pure functions, no ORM: a token Jaccard on folded words, cheap enough to run
against a bounded set of approved claims on every claim page, and an index
of token sets by word for a whole queue page at once.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Words that carry no claim of their own; without them "the figure is right"
# and "the figure is wrong" do not look alike just for sharing "the" and "is".
_STOPWORDS_TEXT = """
    a an and are as at be been but by for from had has have he her his i if in
    into is it its of on or our she so that the their them there they this to
    was we were which who will with would you said says told
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@lru_cache(maxsize=8192)
def claim_tokens(text: str) -> frozenset[str]:
    """The content words of a claim, case- and apostrophe-folded (remembered:
    the same few thousand earlier verdicts are compared on every queue page)."""
    words = (w.casefold().replace("\u2019", "'") for w in _WORD.findall(text))
    return frozenset(w for w in words if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of words two claims have in common: 1.0 same words, 0.0 none shared."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class TokenIndex:
    """Token sets indexed by word, to find those close to a claim without
    comparing it with each: ``jaccard`` against every set sharing a word (the
    only ones that can score above zero), its shared-word count read off the
    postings. The same scores as ``jaccard`` one by one, at the cost of the
    postings a claim's words touch instead of the whole set's size."""

    def __init__(self, token_sets: list[frozenset[str]]):
        self.sizes = [len(tokens) for tokens in token_sets]
        self.postings: dict[str, list[int]] = {}
        for position, tokens in enumerate(token_sets):
            for token in tokens:
                self.postings.setdefault(token, []).append(position)

    def scores(self, tokens: frozenset[str]) -> dict[int, float]:
        """Position -> Jaccard with ``tokens``, for every set sharing a word."""
        shared: dict[int, int] = {}
        for token in tokens:
            for position in self.postings.get(token, ()):
                shared[position] = shared.get(position, 0) + 1
        size = len(tokens)
        return {p: n / (size + self.sizes[p] - n) for p, n in shared.items()}
