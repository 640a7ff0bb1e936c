"""The admin's import page, jobs and feeds, as an editor uses them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article, Feed, ImportRun

pytestmark = pytest.mark.django_db

ESPER = "ap-esper-south-china-sea"
IMPORT = "/admin/articles/importrun/import/"


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


def test_an_editor_imports_a_url_an_upload_and_a_pasted_text(desk, news_server):
    upload = SimpleUploadedFile(
        "trump.txt", news_server.text("ap-uk-tories-factcheck-twitter").encode()
    )
    response = desk.post(
        IMPORT,
        {
            "urls": news_server.story(ESPER),
            "files": [upload],
            "text": news_server.text("ap-pge-power-shutoff"),
        },
        follow=True,
    )
    assert response.status_code == 200
    kinds = set(ImportRun.objects.values_list("kind", "created"))
    assert kinds == {("url", 1), ("upload", 1), ("paste", 1)}
    assert Article.objects.count() == 3
    page = response.content.decode()
    assert "Uploaded files: 1 item(s), 1 done, 0 failed." in page


def test_the_job_page_shows_progress_and_each_failure_with_its_reason(desk, news_server):
    bad = SimpleUploadedFile("photo.txt", b"\x89PNG\x00\x00binary")
    good = SimpleUploadedFile(f"{ESPER}.txt", news_server.text(ESPER).encode())
    response = desk.post(IMPORT, {"files": [bad, good]}, follow=True)
    page = response.content.decode()
    assert "1 of 2 done, 1 failed (finished)" in page
    assert "<code>photo.txt</code>: binary file (contains NUL bytes)" in page
    assert Article.objects.count() == 1


def test_a_running_job_page_reloads_itself(desk):
    run = ImportRun.objects.create(kind=ImportRun.Kind.URL, files=3, created=1)
    page = desk.get(f"/admin/articles/importrun/{run.pk}/change/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "1 of 3 done, 0 failed (running)" in page


def test_the_import_page_asks_for_something_to_import(desk):
    response = desk.post(IMPORT, {"urls": "", "text": "  "})
    assert "Give at least one URL, file or text." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_add_article_leads_editors_to_the_import_page(desk):
    response = desk.get("/admin/articles/article/add/")
    assert response.status_code == 302 and response.url == IMPORT


def test_only_editors_may_import(client, factchecker):
    client.force_login(factchecker)
    assert client.get(IMPORT).status_code == 403
    assert client.get("/admin/articles/article/add/").status_code == 403


def test_a_failing_feed_is_flagged_in_the_list(desk):
    Feed.objects.create(url="http://feeds.example/rss", failures=3, last_error="HTTP 500")
    page = desk.get("/admin/articles/feed/").content.decode()
    assert "failing (3 in a row): HTTP 500" in page


def test_the_article_page_shows_where_the_story_came_from(desk, news_server):
    url = news_server.story(ESPER, byline="Matthew Lee")
    desk.post(IMPORT, {"urls": url})
    article = Article.objects.get()
    page = desk.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert url in page and "Matthew Lee" in page and "Test Gazette" in page


def test_an_import_seeds_run_is_a_job_with_its_failures(desk, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    from .conftest import SEED

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("import_seeds", str(SEED), str(bad), stdout=StringIO(), stderr=StringIO())
    run = ImportRun.objects.get()
    page = desk.get(f"/admin/articles/importrun/{run.pk}/change/").content.decode()
    assert run.kind == ImportRun.Kind.COMMAND
    assert "1 of 2 done, 1 failed (finished)" in page
    assert "empty.txt</code>: empty file" in page
