"""The similarity of claims: the token index gives the queue's "seen" marker
the same scores as comparing a claim with each earlier verdict one by one."""

from articles.similarity import TokenIndex, claim_tokens, jaccard

VERDICTS = [
    "NATO has 32 member nations since Sweden joined.",
    "Unemployment fell to 4.2 per cent last year.",
    "The NHS employs 1.3 million people.",
    "",
]


def test_the_index_scores_every_verdict_sharing_a_word_as_jaccard_does():
    sets = [claim_tokens(text) for text in VERDICTS]
    claim = claim_tokens("NATO's 31 member nations agreed, Sweden said.")

    scores = TokenIndex(sets).scores(claim)

    assert set(scores) == {0}  # nothing shared with the others, so nothing to score
    assert scores[0] == jaccard(claim, sets[0]) == 0.3
