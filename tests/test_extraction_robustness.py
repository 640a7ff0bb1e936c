"""extract() never raises, whatever text it is handed, and stays fast."""

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import extract

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_6ecc05ef853c777c.txt"

_news_bits = st.sampled_from(
    [
        '"',
        "\u201c",
        "\u201d",
        "'",
        " said ",
        " Mr ",
        " Mrs ",
        "Prime Minister ",
        "U.S. ",
        "D.C.",
        "\n",
        "\n\n",
        ". ",
        ", ",
        ":",
        "(",
        ")",
        "Labour",
        "Tories",
        "NATO",
        "the",
        " he said.",
        "<p>",
        "</p>",
        "&amp;",
        "\x00",
        "\r\n",
        "  ",
        "\u2014",
        "2.5%",
        "£4bn",
        "On Sunday, ",
        "August 17, 2025,",
        "Smith",
        "Tony Blair",
        " of the ",
        "ALL CAPS SHOUTING",
        "von der",
    ]
)
news_like = st.lists(st.one_of(_news_bits, st.text(max_size=12)), max_size=60).map("".join)


def _check(text):
    art = extract(text)
    for claim in art.claims:
        assert art.body[claim.start : claim.end] == claim.text
    for actor in art.actors:
        for m in actor.mentions:
            assert art.body[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_extracts(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_fragments_extract(text):
    _check(text)


def test_edge_cases():
    for text in [
        "",
        " ",
        "\n\n\n",
        '"',
        '""',
        '"""',
        "\u201c\u201d\u201c",
        '"open only',
        "x" * 200_000,
        ('"a" ' * 5000),
        "<html><body><p>Hi</p></body></html>",
        "\x00\x01\x02 control",
        "Title\n\n",
        "A.\n\nB.",
        "Mr. Mr. Mr.",
        "'" * 50,
        ". . . . .",
    ]:
        _check(text)


def test_huge_line_is_linear_enough():
    text = SEED.read_text(encoding="utf-8").replace("\n", " ") * 20
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 5


def test_one_endless_sentence_of_quotes_stays_fast():
    # Thousands of quotes and verbs in one sentence once took minutes.
    for text in [
        'He said "yes" and "no" and ' * 3000,
        '"Mr Blair said" ' * 5000,
        "Mr Blair said that he said that she said " * 3000,
    ]:
        start = time.perf_counter()
        extract(text)
        assert time.perf_counter() - start < 5


# Linear time: every pathological input costs, per character, at most a wide
# factor of what ordinary news of the same size costs. A quadratic pattern or
# loop is hundreds of times off at these sizes; noise on a busy machine is not.
_WIDE_FACTOR = 25


def _seconds(text):
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


def _news_seconds(size):
    from bench.extraction import ordinary_news

    return min(_seconds(ordinary_news(size)) for _ in range(2))


def _pathological():
    from bench.extraction import PATHOLOGICAL

    cases = [pytest.param(name, make(100_000), id=name) for name, make in PATHOLOGICAL.items()]
    cases.append(pytest.param("1 MB single line", "x" * 1_000_000, id="1MB-line"))
    cases.append(pytest.param("200,000 short lines", "ok\n" * 200_000, id="200k-lines"))
    return cases


@pytest.mark.parametrize(("name", "text"), _pathological())
def test_pathological_input_takes_time_linear_in_its_size(name, text):
    size = len(text)
    news = _news_seconds(min(size, 200_000)) * size / min(size, 200_000)
    took = _seconds(text)
    assert took <= _WIDE_FACTOR * news + 0.5, f"{name}: {took:.2f} s, news {news:.2f} s"



def test_a_sentence_listing_dozens_of_quoted_words_quotes_nobody():
    # Thirty quoted words in one sentence are a list, not thirty quotes of the
    # speaker before it (and once cost a per-quote pass over the sentence).
    words = ", ".join(f'"word{i}"' for i in range(30))
    text = f"Ann Cole, the minister, said on Monday. The banned list runs {words} and more.\n"
    assert [c.quote for c in extract(text).claims if c.kind == "quote"] == []


def test_a_sentence_with_a_few_quotes_keeps_each_with_its_speaker():
    text = (
        'Ann Cole said the plan was "late", "too costly" and "badly run", and that '
        'ministers had been "warned twice".\n'
    )
    quotes = [(c.quote, c.speaker) for c in extract(text).claims if c.kind == "quote"]
    assert quotes == [
        ("late", "Ann Cole"),
        ("too costly", "Ann Cole"),
        ("badly run", "Ann Cole"),
        ("warned twice", "Ann Cole"),
    ]


def test_an_article_of_many_short_quoted_sentences_keeps_every_quote():
    text = '"It is late," said Ann Cole. "It is costly," she said. ' * 13
    quotes = [c for c in extract(text).claims if c.kind == "quote"]
    assert len(quotes) == 26 and {c.speaker for c in quotes} == {"Ann Cole"}


def test_one_word_lines_carry_no_claims():
    from bench.extraction import PATHOLOGICAL

    assert extract(PATHOLOGICAL["short lines"](100_000)).claims == []
