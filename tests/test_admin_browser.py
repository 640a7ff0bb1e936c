"""The verification workflow in a real browser (Playwright driving Chromium):
a fact-checker takes a claim of the seed and proposes a verdict with a source;
an editor approves it and publishes the article; the fact-checker cannot
approve their own proposal."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Claim
from articles.services import workflow as wf

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE_URL = "https://www.nato.int/cps/en/natohq/topics_110496.htm"


@pytest.fixture
def top_claim(seed_article, editor2):
    """The seed's most check-worthy claim; the rest are dismissed so that this
    one alone stands between the article and publication."""
    claims = list(seed_article.claims.order_by("-checkworthiness", "start"))
    assert claims, "the seed should yield claims"
    for other in wf.article_blocking_claims(seed_article).exclude(pk=claims[0].pk):
        wf.claim_dismiss(claim=other, by=editor2, reason="Not the subject of this test.")
    return claims[0]


def _claim_url(live_server, claim):
    return f"{live_server.url}/admin/articles/claim/{claim.pk}/change/"


def _propose(page, live_server, claim):
    """As the logged-in fact-checker: find the claim in the queue, take it, propose."""
    page.goto(f"{live_server.url}/admin/articles/claim/?assignee=none")
    page.get_by_role("link", name=str(claim)[:40], exact=False).first.click()
    expect(page.locator("#claim-status")).to_have_text("New")

    page.click("#take-claim")
    expect(page.locator("ul.messagelist")).to_contain_text("The claim is in review with you.")
    expect(page.locator("#claim-status")).to_have_text("In review")

    page.select_option("#verdict-rating", "mostly-true")
    page.fill("#verdict-summary", "The treaty text says so; it has been invoked once, after 9/11.")
    page.get_by_label("Source 1 URL").fill(SOURCE_URL)
    page.get_by_label("Source 1 title").fill("Collective defence and Article 5")
    page.click("#propose-verdict")
    expect(page.locator("ul.messagelist")).to_contain_text("Verdict proposed")
    expect(page.locator("#claim-status")).to_have_text("Verdict proposed")


def test_factchecker_proposes_and_editor_approves_and_publishes(
    browser, page, live_server, top_claim, factchecker, editor
):
    admin_login(page, live_server, "factchecker")
    _propose(page, live_server, top_claim)
    expect(page.locator("#approve-verdict")).to_have_count(0)

    editor_tab = browser.new_context().new_page()
    try:
        admin_login(editor_tab, live_server, "editor")
        editor_tab.goto(_claim_url(live_server, top_claim))
        expect(editor_tab.locator("#workflow")).to_contain_text("proposed by factchecker")
        expect(editor_tab.locator("#workflow")).to_contain_text("Collective defence")
        editor_tab.click("#approve-verdict")
        expect(editor_tab.locator("ul.messagelist")).to_contain_text("Verdict approved.")
        expect(editor_tab.locator("#claim-status")).to_have_text("Approved")

        editor_tab.goto(f"{live_server.url}/admin/articles/article/{top_claim.article_id}/change/")
        expect(editor_tab.locator("#workflow")).to_contain_text(
            "Every check-worthy claim is resolved."
        )
        editor_tab.click("#publish-article")
        expect(editor_tab.locator("ul.messagelist")).to_contain_text("Published.")
        expect(editor_tab.locator("#article-status")).to_have_text("Published")
    finally:
        editor_tab.context.close()

    article = Article.objects.get(pk=top_claim.article_id)
    assert article.status == "published" and article.published_at is not None
    claim = Claim.objects.get(pk=top_claim.pk)
    assert (claim.status, claim.proposed_by, claim.reviewer) == ("approved", factchecker, editor)
    assert claim.sources[0]["url"] == SOURCE_URL


def test_factchecker_cannot_approve_their_own_proposal(page, live_server, top_claim, factchecker):
    admin_login(page, live_server, "factchecker")
    _propose(page, live_server, top_claim)

    # No button to press...
    expect(page.get_by_role("button", name="Approve verdict")).to_have_count(0)
    # ...and a hand-made POST from the logged-in browser is refused.
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post(
        f"{live_server.url}/admin/articles/claim/{top_claim.pk}/workflow/approve/",
        form={"csrfmiddlewaretoken": token},
        headers={"Referer": _claim_url(live_server, top_claim)},
        max_redirects=0,
    )
    assert response.status == 302  # back to the claim page, with the refusal
    page.goto(_claim_url(live_server, top_claim))
    expect(page.locator("ul.messagelist")).to_contain_text(re.compile("Only editors can approve"))
    expect(page.locator("#claim-status")).to_have_text("Verdict proposed")
    assert Claim.objects.get(pk=top_claim.pk).status == "proposed"


def test_publishing_is_refused_while_claims_are_open(page, live_server, seed_article, editor):
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{seed_article.pk}/change/")
    expect(page.locator("#blocking-claims li").first).to_be_visible()

    page.click("#publish-article")

    expect(page.locator("ul.messagelist")).to_contain_text("Not published:")
    expect(page.locator("#article-status")).to_have_text("Draft")
