"""Bad input never answers 500, and the API answers every error in JSON."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from .factories import ApprovedClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def staff_client(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/abc/",
        "/api/v1/claims/abc/claimreview/",
        "/api/v1/claims/1.5/",
        "/api/v1/claims/99999999999999999999999/",
    ],
)
def test_a_claim_id_that_is_not_a_number_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("verb", ["assign", "verdict", "approve", "send-back", "dismiss"])
def test_a_workflow_verb_on_a_claim_id_that_is_not_a_number_is_a_404(staff_client, verb):
    response = staff_client.post(f"/api/v1/claims/abc/{verb}/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/v2/", "/api/v1/articles/a/b/c/"])
def test_an_unknown_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_an_unknown_reader_page_is_still_the_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("size", ["0", "-1", "101", "abc", "1e3"])
def test_a_page_size_outside_1_to_100_is_refused(client, size):
    response = client.get("/api/v1/articles/", {"page_size": size})
    assert response.status_code == 400
    assert "page_size" in response.json()["detail"]


@pytest.mark.parametrize("size", ["1", "100"])
def test_page_sizes_1_and_100_are_served(client, size):
    PublishedArticleFactory.create_batch(2)
    response = client.get("/api/v1/articles/", {"page_size": size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(int(size), 2)


def test_an_oversize_body_is_a_json_413(staff_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    claim = ApprovedClaimFactory()
    response = staff_client.post(
        f"/api/v1/claims/{claim.pk}/dismiss/",
        data='{"reason": "' + "x" * 20_000 + '"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "too_large"


def test_a_nul_byte_in_a_search_is_a_400_page():
    response = Client().get("/search/", {"q": "nato\x00summit"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_a_nul_byte_in_an_api_search_is_a_400(client):
    response = client.get("/api/v1/articles/", {"search": "nato\x00"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_database_connections_are_checked_before_reuse(settings):
    from django.db import connection

    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
