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
        ("Profits climbed to record levels.", "first/only/never"),
        ("Oil prices broke records this year.", "first/only/never"),
        ("The motion was defeated.", "change"),
        ("Two men were killed in separate incidents.", "casualties/crime"),
        ("The bill was voted down on Saturday.", "weekday date"),
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
        "The two held talks in the capital.",  # "the two" opening the sentence
        "The Two Ronnies were on the television again.",  # a number word in a title
        "Four Seasons Hotels Limited was sold.",  # a firm: a number word opening a name
        "First Minister Ann Cole opened the building.",  # a title, not an absolute
        "She had an unblemished record in the job.",  # someone's past, not a record set
        "Prison records show he was not checked.",  # documents
        "No 10 was cautious about the plan.",  # Downing Street, a figure naming a thing
        "The airline flies the Airbus A320.",
        "Support for the plan is stronger than ever.",  # an idiom, not an absolute
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


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed in separate incidents.",
        "TWO men were killed in separate incidents.",  # a shouted lead
        "\u201cThree people were hurt,\u201d is how it began.",  # after an opening quote
        "Hundreds of people marched through the town.",
        "Four of the victims were children.",
        "WASHINGTON (AP) \u2014 Three people were hurt in the blast.",  # after a dateline
        "Two British soldiers were wounded.",  # across a capitalised adjective
        "About 50 people were hurt.",  # a figure after a word that is never a name
        "All 15 senators voted for the amendment.",
        "Some 200 troops remain at the base.",
    ],
)
def test_a_quantity_capitalised_by_its_place_counts_as_a_number(text):
    assert "number" in reasons_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "A woman was fatally shot outside a home.",
        "His remains were found with gunshot wounds.",
        "Doctors discovered a second gunshot wound in his leg.",
        "She is facing separate murder charges brought by the state.",
        "The driver pleaded guilty to manslaughter.",
        "A man was arrested near the border.",
        "The helicopter was shot down over the valley.",
    ],
)
def test_a_casualty_crime_or_charge_in_the_articles_voice_is_a_factual_claim(text):
    value, reasons = score(text)
    assert "casualties/crime" in reasons and value >= FACTUAL_MIN


@pytest.mark.parametrize(
    "text",
    [
        "He took a shot at goal from the edge of the box.",  # a shot, not a shooting
        "The clinic offers a flu shot to every pupil.",
        "Public bodies must publish their accounts.",  # bodies, not the dead
        "Were two men killed in the fire?",  # a question asserts nothing
    ],
)
def test_words_that_only_look_like_a_casualty_give_no_casualty_reason(text):
    assert "casualties/crime" not in reasons_of(text)


def test_a_casualty_alone_is_a_factual_claim_below_the_gate_and_with_its_count_above():
    alone, _ = score("A man was found dead at the scene.")
    counted, reasons = score("Two men were found dead at the scene.")
    assert FACTUAL_MIN <= alone < 0.5
    assert counted >= 0.5 and {"number", "casualties/crime"} <= set(reasons)


def test_a_casualty_in_reported_speech_alone_stays_below_the_gate():
    value, reasons = score("She said a man was arrested.", "attributed", "Ann Cole")
    assert value < 0.5 and "casualties/crime" in reasons


@pytest.mark.parametrize(
    "text",
    [
        "The bill was voted down on Saturday.",
        "A man was arrested on Wednesday near the border.",
        "The suspect was arrested Wednesday.",  # AP style: no "on"
    ],
)
def test_an_event_dated_by_its_weekday_gives_a_weekday_date(text):
    assert "weekday date" in reasons_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister visited a school on Monday.",  # no change or casualty to date
        "The shop closed on Monday, March 3.",  # a calendar date already dates it
        "Did the shares fall on Monday?",  # a question asserts nothing
    ],
)
def test_a_weekday_dates_only_an_event_not_already_dated(text):
    assert "weekday date" not in reasons_of(text)


def test_a_change_dated_by_its_weekday_is_a_factual_claim_at_the_gate():
    undated, _ = score("The bill was voted down.")
    dated, _ = score("The bill was voted down on Saturday.")
    assert undated < FACTUAL_MIN and dated >= 0.5


def test_extracted_casualty_sentences_become_factual_claims():
    art = extract(
        "Title\n\nTWO men were killed in separate incidents yesterday. "
        "A woman was fatally shot outside a home. The weather was mild.\n"
    )
    facts = [c for c in art.claims if c.kind == "factual"]
    assert [c.text[:10] for c in facts] == ["TWO men we", "A woman wa"]
    assert all("casualties/crime" in c.checkworthiness_reasons for c in facts)
