"""A verdict's sources and a note's text are bounded, in the API and the admin alike."""

import pytest
from rest_framework.test import APIClient

from articles.models import Claim, EditorNote
from articles.services import workflow

from .factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(factchecker):
    claim = ClaimFactory()
    workflow.claim_assign(claim=claim, by=factchecker)
    return claim


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_verdict_with_10000_sources_is_refused(claim, factchecker):
    sources = [{"url": f"https://example.org/{n}", "title": f"Source {n}"} for n in range(10_000)]
    response = _client(factchecker).post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "false", "summary": "Wrong.", "sources": sources},
        format="json",
    )
    assert response.status_code == 400
    assert "sources" in response.json()["detail"]
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW


def test_fifty_sources_are_accepted(claim, factchecker):
    sources = [{"url": f"https://example.org/{n}", "title": f"Source {n}"} for n in range(50)]
    workflow.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="Wrong.", sources=sources
    )
    assert len(Claim.objects.get(pk=claim.pk).sources) == 50


def test_a_one_megabyte_note_is_refused(claim, factchecker):
    response = _client(factchecker).post(
        "/api/v1/notes/", {"claim": claim.pk, "body": "x" * 1_000_000}, format="json"
    )
    assert response.status_code in (400, 413)
    assert not EditorNote.objects.exists()


def test_a_long_note_is_refused_by_the_service_too(claim, factchecker):
    with pytest.raises(workflow.InvalidTransition, match="note"):
        workflow.note_create(by=factchecker, body="x" * 20_000, claim=claim)
