"""The record in Chromium: an editor retracts a published article in the
admin and a reader then finds the retraction notice at its address; an editor
reopens a verdict, and readers see the update note once a second editor approves."""

import pytest
from playwright.sync_api import expect

from articles.models import Claim
from articles.services import workflow as wf

from .conftest import admin_login
from .factories import ClaimFactory, PublishedArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE = {"url": "https://www.nato.int/", "title": "NATO member countries"}


@pytest.fixture
def published(editor):
    return PublishedArticleFactory(title="Allies meet online", body="The words readers had.")


def test_a_retraction_in_the_admin_is_a_notice_for_readers(browser, page, live_server, published):
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{published.pk}/change/")
    page.fill("textarea[name=reason]", "The interview it rests on did not take place.")
    page.click("#retract-article")
    expect(page.locator("ul.messagelist")).to_contain_text("Article retracted.")

    reader = browser.new_context().new_page()
    try:
        response = reader.goto(f"{live_server.url}{published.get_absolute_url()}")
        assert response.status == 410
        expect(reader.locator("h1")).to_have_text("Allies meet online")
        notice = reader.get_by_role("note")
        expect(notice).to_contain_text("Retraction notice")
        expect(notice).to_contain_text("The interview it rests on did not take place.")
        expect(reader.locator("body")).not_to_contain_text("The words readers had.")
    finally:
        reader.context.close()


def test_a_reopened_verdict_is_revised_and_readers_see_the_update(
    browser, page, live_server, published, factchecker, editor, editor2
):
    claim = ClaimFactory(article=published, checkworthiness=0.9)
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="NATO has 32.", sources=[SOURCE]
    )
    wf.claim_approve(claim=claim, by=editor2)

    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/claim/{claim.pk}/change/")
    page.fill("#reopen-reason", "Finland's accession was left out")
    page.click("#reopen-verdict")
    expect(page.locator("ul.messagelist")).to_contain_text("Verdict reopened.")
    expect(page.locator("#pending-revision")).to_contain_text("Revision in progress")
    page.select_option("#verdict-rating", "mostly-false")
    page.fill("#verdict-summary", "NATO has had 32 members since Sweden joined in 2024.")
    page.click("#propose-verdict")
    expect(page.locator("ul.messagelist")).to_contain_text("Verdict proposed")

    checker = browser.new_context().new_page()
    try:
        admin_login(checker, live_server, "editor2")
        checker.goto(f"{live_server.url}/admin/articles/claim/{claim.pk}/change/")
        checker.click("#approve-verdict")
        expect(checker.locator("ul.messagelist")).to_contain_text("Verdict approved.")
        expect(checker.locator("#verdict-update")).to_contain_text("Finland")
        checker.goto(f"{live_server.url}{claim.get_absolute_url()}")
        expect(checker.locator(".notice--update")).to_contain_text(
            "Finland's accession was left out"
        )
        expect(checker.locator(".verdict-box")).to_contain_text("Mostly false")
    finally:
        checker.context.close()
    assert Claim.objects.get(pk=claim.pk).verdict_versions.count() == 2
