"""The sentence splitter: right on news abbreviations, never inside a quotation."""

from articles.extraction.quotes import find_quotes
from articles.extraction.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text, find_quotes(text))]


def test_splits_plain_sentences():
    assert sentences("Labour won. The Tories lost. Turnout fell.") == [
        "Labour won.",
        "The Tories lost.",
        "Turnout fell.",
    ]


def test_honorifics_do_not_end_a_sentence():
    text = "Mr Blair met Dr Reid and Prof Smith. They talked."
    assert sentences(text) == ["Mr Blair met Dr Reid and Prof Smith.", "They talked."]


def test_dotted_acronym_before_a_name_does_not_end_a_sentence():
    text = "He met U.S. President Donald Trump in Washington, D.C., on Monday. It went well."
    assert sentences(text) == [
        "He met U.S. President Donald Trump in Washington, D.C., on Monday.",
        "It went well.",
    ]


def test_dotted_acronym_at_the_end_of_a_sentence():
    assert sentences("Troops left the U.S. The war went on.") == [
        "Troops left the U.S.",
        "The war went on.",
    ]


def test_initials_and_decimals_stay_inside():
    text = "George W. Bush said growth was 2.5% this year. Markets rose."
    assert sentences(text) == ["George W. Bush said growth was 2.5% this year.", "Markets rose."]


def test_no_split_inside_a_quotation():
    text = '"We are not going away. We will keep going," he said. Police watched.'
    assert sentences(text) == [
        '"We are not going away. We will keep going," he said.',
        "Police watched.",
    ]


def test_reopened_quotation_starts_a_new_sentence():
    text = 'She said: "The time has come. "There is evidence a ban works."'
    assert sentences(text) == ['She said: "The time has come.', '"There is evidence a ban works."']


def test_question_mark_before_attribution_does_not_split():
    text = '"Who have you been sleeping with?" Mr Smith asked. Nobody answered.'
    assert sentences(text) == [
        '"Who have you been sleeping with?" Mr Smith asked.',
        "Nobody answered.",
    ]


def test_paragraph_break_always_ends_a_sentence():
    assert sentences("Main points of the plan:\n\n - A ban on smoking") == [
        "Main points of the plan:",
        "- A ban on smoking",
    ]


def test_offsets_are_trimmed_slices():
    text = "  First one.   Second one.  "
    for start, end in split_sentences(text):
        assert text[start:end] == text[start:end].strip()
