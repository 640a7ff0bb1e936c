"""Check-worthiness: the reasons a claim's words give, and the calibration."""

import pytest

from articles.extraction import extract
from articles.extraction.calibration import corpus_share, gold_factual_share, gold_source
from articles.extraction.checkworthiness import FACTUAL_MIN, reasons_of, score

from .test_extraction_gold import SHARED


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The company had 12,500 employees.", "number"),
        ("It ordered a six-month review.", "number"),
        ("The law was passed in 1998.", "date"),
        ("Sales rose 4% last year.", "percentage"),
        ("It paid $449,000 for the campaign.", "money"),
        ("It was the largest share sale for nine years.", "comparison"),
        ("More than half of the districts closed.", "comparison"),
        ("He is the only Republican to vote against.", "first/only/never"),
        ("The motion was defeated.", "change"),
    ],
)
def test_each_reason_is_found(text, reason):
    assert reason in reasons_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "He spoke on BBC Radio 4 on Monday.",  # a figure in a name
        "The Quarter Pounder is back.",  # a number word in a name
        "Shares were suspended while the two held talks.",  # "the two": people
        "He has been in contact ever since.",  # an idiom, not an absolute
        "Can poverty be halved by 2015?",  # a question asserts nothing
    ],
)
def test_words_that_only_look_checkable_give_no_number_or_absolute(text):
    assert not {"number", "first/only/never", "date"} & set(reasons_of(text))


def test_reported_speech_needs_more_than_a_source_to_reach_the_threshold():
    plain, reasons = score("She said the plan would work.", "attributed", "Ann Cole")
    assert plain < 0.5 and reasons == ("named speaker",)
    figure, _ = score("She said 12,500 jobs were cut in 2019.", "attributed", "Ann Cole")
    assert figure >= 0.5


def test_a_bare_figure_is_a_factual_claim_that_reaches_the_threshold():
    value, reasons = score("Roughly 13,000 troops remain in the country.")
    assert value >= max(FACTUAL_MIN, 0.5) and reasons == ("number",)


def test_extracted_claims_carry_their_reasons():
    art = extract("Title\n\nThe firm cut 300 jobs in 2019, the first cuts in its history.\n")
    (claim,) = art.claims
    assert claim.kind == "factual"
    assert {"number", "date", "first/only/never"} <= set(claim.checkworthiness_reasons)


def test_at_most_30_percent_of_corpus_claims_reach_the_threshold():
    texts = sorted((SHARED / "corpus").rglob("*.txt")) + sorted((SHARED / "modern").glob("*.txt"))
    reached, total = corpus_share(texts, 0.5)
    assert reached <= 0.3 * total, f"{reached}/{total} claims reach 0.5"


def test_required_gold_facts_reach_the_threshold():
    import json

    golds = []
    for folder in (SHARED / "gold", SHARED / "gold-modern"):
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            golds.append((gold, gold_source(SHARED, gold["source"])))
    kept, wanted = gold_factual_share(golds, 0.5)
    assert kept >= 0.9 * wanted, f"{kept}/{wanted} required gold facts reach 0.5"
