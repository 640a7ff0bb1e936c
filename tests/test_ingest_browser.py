"""An editor brings news in through the admin, in a real browser."""

import pytest

from articles.models import Article

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ESPER = "ap-esper-south-china-sea"


def test_an_editor_imports_a_url_a_file_and_a_text_and_sees_the_jobs(
    page, live_server, editor, news_server, tmp_path
):
    upload = tmp_path / "pge.txt"
    upload.write_text(news_server.text("ap-pge-power-shutoff"), encoding="utf-8")
    admin_login(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/")
    page.click("text=Add article")
    page.fill("#id_urls", news_server.story(ESPER))
    page.set_input_files("#id_files", str(upload))
    page.fill("#id_text", news_server.text("ap-indiana-teachers-rally"))
    page.click("input[name=_import]")
    page.wait_for_selector("#result_list")
    progress = page.locator(".ingest-progress").all_inner_texts()
    assert progress == ["1 of 1 done, 0 failed (finished)"] * 3
    assert Article.objects.count() == 3
    page.click("#result_list tbody tr:has-text('URLs') th a")
    assert "Esper accuses China" in page.locator("#items-group").inner_text()
