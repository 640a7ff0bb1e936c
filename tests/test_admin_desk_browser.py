"""The desk's daily use in a real browser (Playwright driving Chromium): an
editor's first page after login, the claims queue at 1366x900 with no
horizontal scroll, bulk dismiss of ten claims, a refused proposal that keeps
what the fact-checker typed, a refused correction that keeps its text, and
the speaker and article filters that search as one types."""

import pytest
from playwright.sync_api import expect

from articles.models import Claim, ClaimEvent
from articles.services import workflow as wf

from .conftest import admin_login
from .factories import ActorFactory, ArticleFactory, ClaimFactory, PublishedArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = (
    "The Chancellor of the Exchequer told the Treasury Select Committee that "
    "public sector net borrowing had fallen for the third consecutive year to its "
    "lowest share of national income since records began in nineteen forty-seven."
)


@pytest.fixture
def long_queue(seed_article):
    """The seed's claims plus claims with the longest texts, titles and names
    the queue must fit."""
    article = ArticleFactory(
        title="A headline that runs on and on about borrowing, the deficit and the "
        "Treasury's forecasts for the coming parliament",
        body=LONG + " " + LONG.replace("third", "fourth"),
    )
    speaker = ActorFactory(name="The Right Honourable Chancellor of the Exchequer")
    for number in range(12):
        ClaimFactory(
            article=article,
            speaker=speaker,
            end=len(LONG),
            fingerprint=f"long{number}",
            checkworthiness=0.9 - number / 100,
        )
    return article


def test_an_editors_first_page_after_login_shows_their_work(
    page, live_server, seed_article, editor
):
    top = seed_article.claims.order_by("-checkworthiness").first()
    wf.claim_assign(claim=top, by=editor)
    admin_login(page, live_server, "editor")

    dashboard = page.locator("#desk-dashboard")
    expect(dashboard).to_be_visible()
    expect(page.locator("#panel-mine .desk-count")).to_have_text("1")
    expect(page.locator("#panel-blocked .desk-count")).to_have_text("1")
    expect(page.locator("#panel-review .desk-count")).to_have_text("0")

    page.click("#panel-mine h2 a")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text(str(top)[:30])


def test_the_queue_has_no_horizontal_scroll_at_1366x900(browser, live_server, long_queue, editor):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        admin_login(page, live_server, "editor")
        page.goto(f"{live_server.url}/admin/articles/claim/")
        expect(page.locator("#result_list")).to_be_visible()
        widths = page.evaluate(
            """() => ({
                doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                list: [document.querySelector('#changelist .results').scrollWidth,
                       document.querySelector('#changelist .results').clientWidth],
            })"""
        )
        assert widths["doc"][0] <= widths["doc"][1], widths
        assert widths["list"][0] <= widths["list"][1], widths
        # Every column a desk member works by is on screen.
        for column in ("short_text", "speaker", "worth", "status_rating", "assignee"):
            box = page.locator(f"#result_list th.column-{column}").bounding_box()
            assert box and box["x"] + box["width"] <= 1366, column
        # Cut at a word, with the full text on hover.
        cell = page.locator('#result_list .field-short_text span[title^="The Chancellor"]').first
        assert cell.get_attribute("title") == LONG
        assert cell.inner_text().endswith("borrowing had\u2026")
    finally:
        context.close()


def test_bulk_dismiss_of_ten_claims_from_the_queue(page, live_server, editor):
    article = ArticleFactory(title="Ten claims")
    claims = [ClaimFactory(article=article, fingerprint=f"c{n}") for n in range(10)]
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/claim/?article={article.pk}")

    page.check("#action-toggle")
    page.select_option("select[name=action]", "bulk_dismiss")
    page.fill("input[name=reason]", "Background, not a claim.")
    page.click("button[name=index]")

    expect(page.locator("ul.messagelist")).to_contain_text("10 claim(s) dismissed.")
    assert Claim.objects.filter(pk__in=[c.pk for c in claims], status="dismissed").count() == 10
    assert ClaimEvent.objects.filter(action="dismissed", user=editor).count() == 10


def test_a_refused_proposal_keeps_what_was_typed(page, live_server, factchecker):
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=factchecker)
    admin_login(page, live_server, "factchecker")
    page.goto(f"{live_server.url}/admin/articles/claim/{claim.pk}/change/")

    page.select_option("#verdict-rating", "mostly-false")
    page.fill("#verdict-summary", "NATO had 32 members by then, not 31.")
    page.get_by_label("Source 1 title").fill("NATO member countries")
    page.click("#propose-verdict")  # no URL: refused

    expect(page.locator("ul.messagelist")).to_contain_text("Source 1")
    expect(page.locator("#verdict-rating")).to_have_value("mostly-false")
    expect(page.locator("#verdict-summary")).to_have_value("NATO had 32 members by then, not 31.")
    expect(page.get_by_label("Source 1 title")).to_have_value("NATO member countries")
    expect(page.locator("#claim-status")).to_have_text("In review")


def test_a_correction_refused_on_a_stale_page_keeps_its_text(page, live_server, editor, editor2):
    article = PublishedArticleFactory(title="Budget day in Westminster")
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    typed = "The vote was on Tuesday, not Monday as first reported."
    page.fill("#correction-body", typed)
    # Meanwhile another editor retracts the article.
    wf.article_retract(article=article, by=editor2, reason="The source withdrew it.")

    page.click("#correct-article")

    expect(page.locator("ul.messagelist")).to_contain_text(
        "Only a published article can be corrected; this one is retracted."
    )
    expect(page.locator("#correct-article")).to_have_count(0)
    expect(page.locator("#unsaved-input textarea")).to_have_value(typed)


@pytest.fixture
def many_speakers():
    """Two stories by two speakers among dozens of other speakers and stories."""
    smith, jones = ActorFactory(name="Mr Smith"), ActorFactory(name="Ms Jones")
    budget = ArticleFactory(title="Budget day in Westminster")
    summit = ArticleFactory(title="Summit in Brussels")
    for number in range(30):
        ActorFactory(name=f"Speaker {number}")
        ArticleFactory(title=f"Other story {number}")
    return {
        "smith": [
            ClaimFactory(article=budget, speaker=smith, fingerprint=f"s{n}") for n in range(3)
        ],
        "jones": [
            ClaimFactory(article=summit, speaker=jones, fingerprint=f"j{n}") for n in range(2)
        ],
    }


def _choose_in_filter(page, parameter, typed, label):
    page.click(f"#filter-{parameter} + .select2-container .select2-selection")
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    option = page.locator(".select2-results__option", has_text=label)
    expect(option).to_have_count(1)
    with page.expect_navigation():
        option.click()


def test_typing_part_of_a_speakers_name_filters_the_queue(page, live_server, editor, many_speakers):
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/claim/?status__exact=new")

    _choose_in_filter(page, "speaker", "smi", "Mr Smith")

    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    expect(page.locator("#result_list tbody")).not_to_contain_text("Ms Jones")
    assert "status__exact=new" in page.url  # the other filters stay
    # The choice is shown again on the filtered page.
    expect(page.locator("#filter-speaker + .select2-container")).to_contain_text("Mr Smith")


def test_typing_part_of_a_title_filters_the_queue_by_article(
    page, live_server, editor, many_speakers
):
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/claim/")

    _choose_in_filter(page, "article", "summit", "Summit in Brussels")

    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    expect(page.locator("#result_list tbody")).not_to_contain_text("Mr Smith")
    expect(page.locator("#filter-article + .select2-container")).to_contain_text("Summit in")
