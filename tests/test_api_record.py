"""The record over the API: correcting and retracting articles, reopening a
verdict, and the gate's two-person rule, through the same services as the admin."""

import pytest
from rest_framework.test import APIClient

from articles.models import Article, Claim

from .factories import ArticleFactory, ClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db

VERDICT = {
    "rating": "false",
    "summary": "NATO has had 32 members since Sweden joined in March 2024.",
    "sources": [{"url": "https://www.nato.int/", "title": "NATO"}],
}


def as_user(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def article():
    return PublishedArticleFactory(slug="summit")


def test_an_editor_corrects_a_published_article(article, editor):
    response = as_user(editor).post(
        "/api/v1/articles/summit/correct/", {"body": "The summit was on Tuesday."}, format="json"
    )
    assert response.status_code == 200, response.content
    public = APIClient().get("/api/v1/articles/summit/").json()
    assert [c["body"] for c in public["corrections"]] == ["The summit was on Tuesday."]


def test_an_editor_retracts_and_the_public_sees_the_tombstone(article, editor):
    response = as_user(editor).post(
        "/api/v1/articles/summit/retract/", {"reason": "The source recanted."}, format="json"
    )
    assert response.status_code == 200, response.content
    public = APIClient().get("/api/v1/articles/summit/").json()
    assert public["status"] == "retracted" and public["retraction_reason"] == "The source recanted."
    assert public["body"] is None
    assert Article.objects.get(slug="summit").is_retracted


def test_a_fact_checker_may_not_retract(article, factchecker):
    response = as_user(factchecker).post(
        "/api/v1/articles/summit/retract/", {"reason": "No."}, format="json"
    )
    assert response.status_code == 403
    assert "editors" in response.json()["detail"].lower()


def test_a_retraction_needs_a_reason(article, editor):
    response = as_user(editor).post("/api/v1/articles/summit/retract/", {}, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_anonymous_callers_cannot_correct(article):
    response = APIClient().post("/api/v1/articles/summit/correct/", {"body": "x"}, format="json")
    assert response.status_code in (401, 403)


def test_a_verdict_is_reopened_and_revised_over_the_api(article, factchecker, editor, editor2):
    claim = ClaimFactory(article=article)
    checker, first, second = as_user(factchecker), as_user(editor), as_user(editor2)
    url = f"/api/v1/claims/{claim.pk}/"
    assert checker.post(url + "assign/").status_code == 200
    assert checker.post(url + "verdict/", VERDICT, format="json").status_code == 200
    assert first.post(url + "approve/").status_code == 200
    reopened = first.post(url + "reopen/", {"reason": "A newer count"}, format="json")
    assert reopened.status_code == 200, reopened.content
    assert reopened.json()["reopened"] is True
    revised = VERDICT | {"rating": "mostly-false", "summary": "Close, but 32."}
    assert checker.post(url + "verdict/", revised, format="json").status_code == 200
    assert APIClient().get(url).json()["rating"] == "false"  # still the approved one
    assert second.post(url + "approve/").status_code == 200
    data = APIClient().get(url).json()
    assert data["rating"] == "mostly-false" and data["verdict_updated_at"]
    assert data["verdict_update_note"].startswith("A newer count.")
    review = APIClient().get(url + "claimreview/").json()
    assert review["dateModified"]


def test_lowering_below_the_gate_over_the_api_needs_a_second_editor(editor, editor2):
    claim = ClaimFactory(article=ArticleFactory(slug="draft"), checkworthiness=0.9)
    url = f"/api/v1/claims/{claim.pk}/"
    no_reason = as_user(editor).post(url + "checkworthiness/", {"checkworthiness": 0.1})
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["detail"]
    lowered = as_user(editor).post(
        url + "checkworthiness/", {"checkworthiness": 0.1, "reason": "Background only"}
    )
    assert lowered.status_code == 200, lowered.content
    blocked = as_user(editor).post("/api/v1/articles/draft/publish/")
    assert blocked.status_code == 400 and blocked.json()["blocking_claims"] == [claim.pk]
    assert as_user(editor).post(url + "confirm-lowering/").status_code == 403
    assert as_user(editor2).post(url + "confirm-lowering/").status_code == 200
    assert as_user(editor).post("/api/v1/articles/draft/publish/").status_code == 200
    assert Claim.objects.get(pk=claim.pk).lowered_confirmed_by == editor2
