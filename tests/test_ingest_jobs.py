"""Ingest jobs in process (no broker): URLs, uploads and texts end in the
import service, once each, with where the story came from."""

import pytest

from articles.ingest.jobs import ItemSpec, ingest_job_start
from articles.models import Article, ImportItem, ImportRun

from .newsserver import Answer, story_page

pytestmark = pytest.mark.django_db

ESPER = "ap-esper-south-china-sea"
ITEM = ImportItem.Format


def import_urls(*urls):
    return ingest_job_start(kind=ImportRun.Kind.URL, items=[ItemSpec(source=u) for u in urls])


def test_a_url_becomes_an_article_with_where_it_came_from(news_server):
    url = news_server.story(ESPER, byline="Matthew Lee")
    run = import_urls(url)
    article = Article.objects.get()
    assert (run.created, run.failed, run.is_running) == (1, 0, False)
    assert article.title == "Esper accuses China of intimidating smaller Asian nations"
    assert article.body.startswith("HANOI, Vietnam (AP)")
    assert "Most read" not in article.body and "Copyright" not in article.body
    assert (article.source_url, article.publisher, article.byline) == (
        url,
        "Test Gazette",
        "Matthew Lee",
    )
    assert article.source_published_at.date().isoformat() == "2024-03-05"
    assert article.claims.exists()


def test_the_same_story_at_two_urls_is_one_article(news_server):
    url = news_server.story(ESPER)
    amp = news_server.story(ESPER, path="/amp/esper.html", canonical_path=f"/news/{ESPER}.html")
    run = import_urls(url, amp)
    assert (run.created, run.unchanged) == (1, 1)
    assert Article.objects.count() == 1


def test_a_story_fetched_again_unchanged_writes_nothing(news_server):
    url = news_server.story(ESPER)
    import_urls(url)
    before = Article.objects.get().updated_at
    run = import_urls(url)
    assert run.unchanged == 1
    assert Article.objects.get().updated_at == before


def test_a_changed_story_updates_its_article(news_server):
    url = news_server.story(ESPER)
    import_urls(url)
    text = news_server.text(ESPER) + "\nEsper later flew on to Jakarta, officials said.\n"
    news_server.routes[f"/news/{ESPER}.html"] = Answer(story_page(text, url=url))
    run = import_urls(url)
    assert run.updated == 1
    assert Article.objects.get().body.endswith("officials said.")


def test_a_bad_url_is_named_with_its_reason_and_the_others_still_import(news_server):
    news_server.routes["/photo.png"] = Answer(b"\x89PNG", content_type="image/png")
    run = import_urls(news_server.url("/photo.png"), news_server.story(ESPER))
    failed = run.items.get(status=ImportItem.Status.FAILED)
    assert (run.created, run.failed) == (1, 1)
    assert failed.source.endswith("/photo.png")
    assert "content type 'image/png'" in failed.reason
    assert Article.objects.count() == 1


def test_a_page_with_no_article_text_fails_and_writes_nothing(news_server):
    news_server.routes["/empty.html"] = Answer(b"<html><body><nav>Home</nav></body></html>")
    run = import_urls(news_server.url("/empty.html"))
    assert run.items.get().reason == "no article text found in the page"
    assert not Article.objects.exists()


def test_a_pasted_text_is_imported_and_pasted_again_is_unchanged(news_server):
    text = news_server.text(ESPER)
    spec = ItemSpec(source="pasted text", format=ITEM.TEXT, payload=text)
    first = ingest_job_start(kind=ImportRun.Kind.PASTE, items=[spec])
    again = ingest_job_start(kind=ImportRun.Kind.PASTE, items=[spec])
    assert (first.created, again.unchanged, Article.objects.count()) == (1, 1, 1)


def test_an_uploaded_html_page_keeps_its_canonical_url(news_server):
    url = news_server.url("/news/esper.html")
    page = story_page(news_server.text(ESPER), url=url).decode()
    spec = ItemSpec(source="esper.html", format=ITEM.HTML, payload=page)
    ingest_job_start(kind=ImportRun.Kind.UPLOAD, items=[spec])
    assert Article.objects.get().source_url == url


def test_an_item_known_bad_is_counted_failed_without_a_task(db):
    spec = ItemSpec(source="photo.txt", format=ITEM.TEXT, error="binary file (contains NUL bytes)")
    run = ingest_job_start(kind=ImportRun.Kind.UPLOAD, items=[spec])
    assert (run.failed, run.is_running) == (1, False)
    assert run.errors == [{"path": "photo.txt", "reason": "binary file (contains NUL bytes)"}]


def test_an_item_whose_task_runs_again_is_stored_and_counted_once(news_server):
    from articles.ingest.tasks import ingest_item

    run = import_urls(news_server.story(ESPER))
    ingest_item.delay(run.items.get().pk)  # delivered a second time
    run.refresh_from_db()
    assert (run.created, run.unchanged, Article.objects.count()) == (1, 0, 1)


def test_texts_sent_together_are_stored_together_and_a_bad_one_alone_fails(news_server):
    texts = [
        news_server.text(ESPER),
        "Only a headline\n\n",
        news_server.text("ap-pge-power-shutoff"),
    ]
    items = [ItemSpec(source=f"text {n}", format=ITEM.TEXT, payload=t) for n, t in enumerate(texts)]
    run = ingest_job_start(kind=ImportRun.Kind.API, items=items)
    assert (run.created, run.failed, run.is_running) == (2, 1, False)
    assert run.items.get(status=ImportItem.Status.FAILED).source == "text 1"
