"""The workflow verbs over the API: tokens, roles, states, the two-person rule,
the publish gate and stale writes, each refusal with its status and reason."""

import pytest
from rest_framework.test import APIClient

from articles.models import Article, Claim, EditorNote

from .conftest import PASSWORD
from .factories import ArticleFactory, ClaimFactory, UserFactory, token_for

pytestmark = pytest.mark.django_db

VERDICT = {
    "rating": "false",
    "summary": "NATO has had 32 members since Sweden joined in March 2024.",
    "sources": [{"url": "https://www.nato.int/cps/en/natohq/topics_52044.htm", "title": "NATO"}],
}


def token_client(user) -> APIClient:
    return APIClient(HTTP_AUTHORIZATION=f"Token {token_for(user)}")


@pytest.fixture
def claim():
    return ClaimFactory(article=ArticleFactory(slug="draft-story"))


@pytest.fixture
def proposed(claim, factchecker):
    checker = token_client(factchecker)
    assert checker.post(f"/api/v1/claims/{claim.pk}/assign/").status_code == 200
    assert (
        checker.post(f"/api/v1/claims/{claim.pk}/verdict/", VERDICT, format="json").status_code
        == 200
    )
    claim.refresh_from_db()
    return claim


def refused(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    return body


# ---------------------------------------------------------------- tokens


def test_password_gets_a_token_that_works(claim, factchecker):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "factchecker", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    client = APIClient(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.post(f"/api/v1/claims/{claim.pk}/assign/").status_code == 200


def test_wrong_password_is_refused_with_a_reason(factchecker):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "factchecker", "password": "nope"}, format="json"
    )
    body = refused(response, 400, "invalid")
    assert body["detail"] == "Unable to log in with provided credentials."


def test_bad_token_is_401(claim):
    client = APIClient(HTTP_AUTHORIZATION="Token not-a-token")
    refused(client.get("/api/v1/articles/"), 401, "authentication_failed")


def test_session_works_too(claim, factchecker):
    client = APIClient()
    client.force_login(factchecker)
    assert client.post(f"/api/v1/claims/{claim.pk}/assign/").status_code == 200


# ---------------------------------------------------------------- who may


def test_anonymous_verb_is_401(claim):
    response = APIClient().post(f"/api/v1/claims/{claim.pk}/assign/")
    refused(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Token")


def test_outsider_verb_is_403(claim):
    outsider = token_client(UserFactory(is_staff=False))
    refused(outsider.post(f"/api/v1/claims/{claim.pk}/assign/"), 403, "permission_denied")


def test_reporter_cannot_take_a_claim(claim, reporter):
    body = refused(
        token_client(reporter).post(f"/api/v1/claims/{claim.pk}/assign/"), 403, "not_allowed"
    )
    assert "fact-checkers" in body["detail"]


def test_fact_checker_cannot_approve(proposed, factchecker2):
    response = token_client(factchecker2).post(f"/api/v1/claims/{proposed.pk}/approve/")
    refused(response, 403, "not_allowed")


def test_fact_checker_cannot_publish(factchecker):
    ArticleFactory(slug="clean")
    response = token_client(factchecker).post("/api/v1/articles/clean/publish/")
    refused(response, 403, "not_allowed")


def test_missing_claim_is_404_for_staff(editor):
    refused(token_client(editor).post("/api/v1/claims/999999/approve/"), 404, "not_found")


# ---------------------------------------------------------------- the happy path


def test_fact_checker_takes_and_proposes(claim, factchecker):
    checker = token_client(factchecker)
    taken = checker.post(f"/api/v1/claims/{claim.pk}/assign/").json()
    assert taken["status"] == "in_review"
    proposed = checker.post(f"/api/v1/claims/{claim.pk}/verdict/", VERDICT, format="json").json()
    assert proposed["status"] == "proposed"
    assert proposed["rating"] == "false"
    assert proposed["sources"] == VERDICT["sources"]


def test_editor_approves_and_publishes(proposed, editor):
    desk = token_client(editor)
    approved = desk.post(f"/api/v1/claims/{proposed.pk}/approve/")
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    published = desk.post("/api/v1/articles/draft-story/publish/")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    # Now readers see it, and its ClaimReview.
    reader = APIClient()
    assert reader.get("/api/v1/articles/draft-story/").json()["claims"][0]["id"] == proposed.pk
    assert reader.get(f"/api/v1/claims/{proposed.pk}/claimreview/").status_code == 200


def test_editor_assigns_to_a_fact_checker(claim, editor, factchecker):
    response = token_client(editor).post(
        f"/api/v1/claims/{claim.pk}/assign/", {"assignee": "factchecker"}, format="json"
    )
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.assignee == factchecker


def test_send_back_returns_the_claim_to_review(proposed, editor):
    response = token_client(editor).post(
        f"/api/v1/claims/{proposed.pk}/send-back/", {"comment": "Cite NATO's own page."}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "in_review"


def test_dismiss_with_a_reason(claim, editor):
    response = token_client(editor).post(
        f"/api/v1/claims/{claim.pk}/dismiss/", {"reason": "Not a factual claim."}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "dismissed"


def test_editor_leaves_notes(claim, editor):
    desk = token_client(editor)
    on_article = desk.post("/api/v1/notes/", {"article": "draft-story", "body": "Check it."})
    assert on_article.status_code == 201
    assert on_article.json()["author"] == "editor"
    on_claim = desk.post("/api/v1/notes/", {"claim": claim.pk, "body": "Figure?"})
    assert on_claim.status_code == 201
    assert EditorNote.objects.count() == 2


# ---------------------------------------------------------------- refusals


def test_two_person_rule(claim, editor):
    desk = token_client(editor)
    desk.post(f"/api/v1/claims/{claim.pk}/assign/")
    desk.post(f"/api/v1/claims/{claim.pk}/verdict/", VERDICT, format="json")
    body = refused(desk.post(f"/api/v1/claims/{claim.pk}/approve/"), 403, "not_allowed")
    assert "two-person" in body["detail"]
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PROPOSED


def test_publish_gate_names_the_blocking_claims(claim, editor):
    response = token_client(editor).post("/api/v1/articles/draft-story/publish/")
    body = refused(response, 400, "publish_blocked")
    assert body["blocking_claims"] == [claim.pk]
    assert Article.objects.get(slug="draft-story").status == Article.Status.DRAFT


def test_stale_version_is_a_409_conflict(proposed, editor):
    stale = proposed.version - 1
    response = token_client(editor).post(
        f"/api/v1/claims/{proposed.pk}/approve/", {"version": stale}, format="json"
    )
    refused(response, 409, "conflict")


def test_current_version_is_accepted(proposed, editor):
    response = token_client(editor).post(
        f"/api/v1/claims/{proposed.pk}/approve/", {"version": proposed.version}, format="json"
    )
    assert response.status_code == 200


def test_approving_a_claim_nobody_proposed_is_400(claim, editor):
    response = token_client(editor).post(f"/api/v1/claims/{claim.pk}/approve/")
    refused(response, 400, "invalid_transition")


def test_invalid_verdict_names_the_field(claim, factchecker):
    checker = token_client(factchecker)
    checker.post(f"/api/v1/claims/{claim.pk}/assign/")
    response = checker.post(
        f"/api/v1/claims/{claim.pk}/verdict/", {**VERDICT, "rating": "pants-on-fire"}, format="json"
    )
    body = refused(response, 400, "invalid")
    assert "rating" in body["errors"]


def test_source_without_url_is_400(claim, factchecker):
    checker = token_client(factchecker)
    checker.post(f"/api/v1/claims/{claim.pk}/assign/")
    response = checker.post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {**VERDICT, "sources": [{"title": "NATO"}]},
        format="json",
    )
    assert "sources" in refused(response, 400, "invalid")["errors"]


def test_note_on_both_or_neither_is_400(claim, editor):
    desk = token_client(editor)
    refused(desk.post("/api/v1/notes/", {"body": "Where?"}), 400, "invalid")
    both = {"article": "draft-story", "claim": claim.pk, "body": "Both?"}
    refused(desk.post("/api/v1/notes/", both), 400, "invalid")


def test_invalid_input_detail_says_where_and_why(claim, factchecker):
    checker = token_client(factchecker)
    checker.post(f"/api/v1/claims/{claim.pk}/assign/")
    response = checker.post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {**VERDICT, "sources": [{"url": "not a url", "title": "NATO"}]},
        format="json",
    )
    assert refused(response, 400, "invalid")["detail"] == "sources.0.url: Enter a valid URL."
