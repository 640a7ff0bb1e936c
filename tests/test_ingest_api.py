"""POST /api/v1/ingest/: wire documents (ninjs 1.x and 2.x), URLs and texts."""

import pytest
from rest_framework.test import APIClient

from articles.models import Article, ImportRun

from .factories import token_for

pytestmark = pytest.mark.django_db

ESPER = "ap-esper-south-china-sea"


def client_for(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user)}")
    return client


@pytest.fixture
def api(editor):
    return client_for(editor)


def ninjs2(text, **extra):
    headline, _, body = text.partition("\n")
    return {
        "uri": "urn:newsml:wire.example:20240305:esper",
        "type": "text",
        "headline": headline,
        "by": "Matthew Lee",
        "firstcreated": "2024-03-05T09:30:00Z",
        "provider": {"name": "Wire Example"},
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": body.strip()}],
        **extra,
    }


def test_a_ninjs_2_document_creates_the_article_with_its_byline(api, news_server):
    response = api.post("/api/v1/ingest/", ninjs2(news_server.text(ESPER)), format="json")
    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert response.json()["items"][0]["article"] == article.slug
    assert (article.byline, article.publisher) == ("Matthew Lee", "Wire Example")
    assert article.source_published_at.year == 2024
    assert article.title.startswith("Esper accuses China")


def test_the_article_detail_shows_where_the_story_came_from(api, news_server):
    api.post("/api/v1/ingest/", ninjs2(news_server.text(ESPER)), format="json")
    detail = api.get(f"/api/v1/articles/{Article.objects.get().slug}/").json()
    assert (detail["byline"], detail["publisher"]) == ("Matthew Lee", "Wire Example")
    assert detail["source_published_at"].startswith("2024-03-05")


def test_a_ninjs_1_document_with_body_html_is_read(api, news_server):
    headline, _, body = news_server.text(ESPER).partition("\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    document = {"uri": "urn:wire:1", "headline": headline, "body_html": paragraphs}
    assert api.post("/api/v1/ingest/", document, format="json").status_code == 201
    assert Article.objects.get().body.startswith("HANOI, Vietnam (AP)")


def test_the_same_document_sent_again_is_the_same_article(api, news_server):
    document = ninjs2(news_server.text(ESPER))
    api.post("/api/v1/ingest/", document, format="json")
    again = api.post("/api/v1/ingest/", document, format="json")
    assert (again.status_code, again.json()["unchanged"]) == (200, 1)
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"uri": None}, "uri"),
        ({"headline": ""}, "headline"),
        ({"headline": 12}, "headline"),
        ({"bodies": []}, "bodies"),
        ({"bodies": [{"contenttype": "text/plain", "value": 3}]}, "bodies[0].value"),
        ({"bodies": [{"contenttype": "image/png", "value": "x"}]}, "bodies"),
        ({"firstcreated": "yesterday"}, "firstcreated"),
        ({"type": "picture"}, "type"),
    ],
)
def test_a_bad_ninjs_document_gets_400_naming_the_field(api, news_server, change, field):
    document = ninjs2(news_server.text(ESPER)) | change
    document = {name: value for name, value in document.items() if value is not None}
    response = api.post("/api/v1/ingest/", document, format="json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}: ")
    assert not Article.objects.exists() and not ImportRun.objects.exists()


def test_a_url_is_fetched_and_imported(api, news_server):
    response = api.post("/api/v1/ingest/", {"url": news_server.story(ESPER)}, format="json")
    assert response.status_code == 201
    assert Article.objects.get().publisher == "Test Gazette"


def test_a_url_to_a_private_address_is_refused_with_the_reason(api, settings):
    settings.NEWSROOM_INGEST_ALLOW_PRIVATE = False
    response = api.post("/api/v1/ingest/", {"url": "http://127.0.0.1:9/x"}, format="json")
    assert response.status_code == 400
    assert "loopback, private or link-local" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_text_is_imported(api, news_server):
    response = api.post("/api/v1/ingest/", {"text": news_server.text(ESPER)}, format="json")
    assert response.status_code == 201
    assert Article.objects.count() == 1


def test_the_job_can_be_read_back(api, news_server):
    job = api.post("/api/v1/ingest/", {"text": news_server.text(ESPER)}, format="json").json()
    again = api.get(job["url"]).json()
    assert (again["total"], again["done"], again["running"]) == (1, 1, False)


def test_only_editors_may_ingest(factchecker, news_server):
    response = client_for(factchecker).post(
        "/api/v1/ingest/", {"text": news_server.text(ESPER)}, format="json"
    )
    assert response.status_code == 403
    assert APIClient().post("/api/v1/ingest/", {"text": "x"}, format="json").status_code == 401
