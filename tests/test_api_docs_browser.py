"""The API docs in Chromium: Swagger UI runs from our own static files, with
no request leaving the site, and lists every operation of the schema."""

from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_docs_render_every_operation_without_a_cdn(page, live_server):
    hosts, problems = set(), []
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(f"{live_server.url}/api/v1/docs/")

    page.locator(".opblock").first.wait_for(state="visible")
    schema = page.request.get(f"{live_server.url}/api/v1/schema/?format=json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert operations >= 15
    assert page.locator(".opblock").count() == operations
    claimreview = "/api/v1/claims/{id}/claimreview/"
    assert page.locator(".opblock-summary-path", has_text=claimreview).count() == 1
    assert page.locator("button.authorize").is_visible()  # token and session schemes
    assert hosts == {urlparse(live_server.url).netloc}
    assert not problems
