"""The article body as reader HTML: paragraphs, escaping, claims marked at offsets."""

import re
from html.parser import HTMLParser

from articles.rendering import ClaimMark, render_body, search_snippet

BODY = (
    "NATO's Article 5 stipulates that an attack on any one of its 31 member nations "
    "is considered an attack on all. Mr Smith said the figure was right."
)
FIRST = BODY.index(".", 10) + 1


def mark(id, start, end, rating="false", label="False", number=0):
    return ClaimMark(id=id, start=start, end=end, rating=rating, label=label, number=number)


class _Reader(HTMLParser):
    """Checks the tags balance and collects the text a reader sees."""

    VOID = {"br", "img"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.visible_text = [], [], []
        self.in_flag = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "a":
            self.in_flag += 1

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        if tag == "a":
            self.in_flag -= 1

    def handle_data(self, data):
        self.text.append(data)
        if not self.in_flag:
            self.visible_text.append(data)


def read(html):
    reader = _Reader()
    reader.feed(str(html))
    reader.close()
    assert reader.stack == [], f"unclosed tags: {reader.stack}"
    return reader


def body_text(html):
    """The body text back out of the HTML, with flags and paragraph breaks removed."""
    return "".join(read(html).visible_text).replace("\n", "")


def test_each_line_becomes_a_paragraph_and_blank_lines_are_dropped():
    html = render_body("First line.\n\nSecond line.\r\nThird.\n   \n")
    assert str(html) == "<p>First line.</p>\n<p>Second line.</p>\n<p>Third.</p>"


def test_markup_in_the_body_is_shown_as_text():
    html = render_body('He wrote <script>alert("x")</script> & left.')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left." in html


def test_markup_inside_a_marked_claim_is_escaped_too():
    body = "Intro. <b>Bold</b> claim & more. Outro."
    start, end = body.index("<b>"), body.index(" Outro")
    html = render_body(body, [mark(1, start, end)])
    assert "<b>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; claim &amp; more." in html


def test_a_claim_is_marked_and_followed_by_a_flag_linking_to_its_verdict():
    html = render_body(BODY, [mark(7, 0, FIRST, number=1)])
    marked = BODY[:FIRST].replace("'", "&#x27;")
    assert f'<mark class="claim claim--false" data-claims="7">{marked}</mark>' in html
    assert 'href="#verdict-7"' in html
    assert 'id="flag-7"' in html
    flag = re.search(r'<a class="verdict-flag[^>]*>.*?</a>', html).group()
    # Readable without colour: the rating is in words, with the claim's number.
    assert "False" in flag and "Fact-check 1" in flag
    assert body_text(html) == BODY


def test_two_claims_on_the_same_span_share_one_mark_and_get_a_flag_each():
    html = render_body(
        BODY,
        [mark(1, 0, FIRST, number=1), mark(2, 0, FIRST, "true", "True", number=2)],
    )
    assert html.count("<mark") == 1
    assert 'data-claims="1 2"' in html
    assert "claim--several" in html and "claim--shared" in html
    assert html.index('href="#verdict-1"') < html.index('href="#verdict-2"')
    assert body_text(html) == BODY


def test_overlapping_claims_are_cut_into_flat_segments_without_crossing_tags():
    a_end = BODY.index("31") + 2
    b_start = BODY.index("member")
    html = render_body(BODY, [mark(1, 0, FIRST), mark(2, 4, a_end), mark(3, b_start, len(BODY))])
    read(html)  # balanced, no crossing tags
    assert '<mark class="claim claim--false" data-claims="1">NATO</mark>' in html
    assert 'claim--shared" data-claims="1 2">&#x27;s Article' in html
    assert 'data-claims="1 3">member nations is considered an attack on all.</mark>' in html
    assert 'data-claims="3">' in html
    assert body_text(html) == BODY
    assert all(f'href="#verdict-{n}"' in html for n in (1, 2, 3))


def test_a_nested_claim_flags_inside_its_outer_claim():
    inner_start, inner_end = BODY.index("31"), BODY.index("31") + len("31 member nations")
    html = render_body(BODY, [mark(1, 0, FIRST), mark(2, inner_start, inner_end)])
    inner_flag, outer_flag = html.index('href="#verdict-2"'), html.index('href="#verdict-1"')
    assert inner_flag < outer_flag
    assert body_text(html) == BODY


def test_claims_in_several_paragraphs_stay_in_their_own_paragraph():
    body = "One claim here.\nAnother claim there."
    second = body.index("Another")
    html = render_body(body, [mark(1, 0, 15), mark(2, second, len(body), "true", "True")])
    paragraphs = re.findall(r"<p>.*?</p>", str(html))
    assert len(paragraphs) == 2
    assert "verdict-1" in paragraphs[0] and "verdict-2" in paragraphs[1]


def test_a_claim_across_a_line_break_is_marked_in_both_paragraphs_and_flagged_once():
    body = "Start of it\nend of it. After."
    end = body.index(" After")
    html = render_body(body, [mark(1, 0, end)])
    paragraphs = re.findall(r"<p>.*?</p>", str(html))
    assert all("<mark" in p for p in paragraphs)
    assert html.count('href="#verdict-1"') == 1
    assert "verdict-1" in paragraphs[1]


def test_a_claim_ending_in_whitespace_is_flagged_after_its_last_word():
    body = "A claim.\nNext."
    html = render_body(body, [mark(1, 0, len("A claim.\n"))])
    assert str(html).startswith(
        '<p><mark class="claim claim--false" data-claims="1">A claim.</mark><a '
    )


def test_marks_outside_the_body_or_empty_are_ignored_and_the_text_is_whole():
    html = render_body(BODY, [mark(1, 5, 5), mark(2, 10, 5), mark(3, 0, len(BODY) + 10)])
    assert "<mark" not in html and "verdict-flag" not in html
    assert body_text(html) == BODY


def test_a_claim_covering_the_whole_body_is_marked_once():
    html = render_body(BODY, [mark(1, 0, len(BODY))])
    assert html.count("<mark") == 1
    assert body_text(html) == BODY


# ---------------------------------------------------------------- search snippets


def test_a_snippet_marks_every_match_ignoring_case_and_endings():
    html = search_snippet("Sanctions on Russia: the sanction regime grows.", ["sanction"])
    assert str(html) == (
        "<mark>Sanctions</mark> on Russia: the <mark>sanction</mark> regime grows."
    )


def test_a_snippet_starts_near_the_first_match_in_a_long_text():
    text = "word " * 200 + "NATO members met. " + "tail " * 200
    html = str(search_snippet(text, ["nato"], width=100))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>NATO</mark> members met." in html
    assert len(html) < 160


def test_a_snippet_escapes_the_text_and_the_words():
    html = str(
        search_snippet('He typed <script>alert("x")</script> into it.', ["<script>", "typed"])
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<mark>typed</mark>" in html


def test_a_snippet_without_a_match_is_the_opening():
    assert str(search_snippet("Budget day. " * 40, ["nato"], width=30)) == (
        "Budget day. Budget day. Budget …"
    )
