"""Fixtures shared by the whole suite: role users, the seed, the browser."""

import os
from pathlib import Path

import pytest

from .factories import UserFactory

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_6ecc05ef853c777c.txt"
SHARED = Path(os.environ.get("NEWSROOM_SHARED_DIR", REPO.parent / "shared"))
CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle and lockout counters start at zero in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.fail(f"shared material not found at {SHARED} (set NEWSROOM_SHARED_DIR)")
    return SHARED


@pytest.fixture
def reporter(db):
    return UserFactory(username="reporter", groups=["Reporter"])


@pytest.fixture
def factchecker(db):
    return UserFactory(username="factchecker", groups=["Fact-checker"])


@pytest.fixture
def factchecker2(db):
    return UserFactory(username="factchecker2", groups=["Fact-checker"])


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editor"])


@pytest.fixture
def editor2(db):
    return UserFactory(username="editor2", groups=["Editor"])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True)


@pytest.fixture
def seed_article(db):
    """The seed imported through the real importer."""
    from articles.services.imports import article_import_file

    return article_import_file(path=SEED).article


# ---------------------------------------------------------------- browser


def _chromium_or_skip():
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = (
        f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
        "(or set NEWSROOM_CHROMIUM) to run the browser tests."
    )
    if os.environ.get("CI"):
        pytest.fail(message)  # CI must run these, never skip them
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must still allow ORM use in tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; ``page.goto(live_server.url + '/...')``."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def admin_login(page, live_server, username):
    """Log in through the real admin form."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")




# ---------------------------------------------------------------- database-specific tests


def _on_postgresql() -> bool:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run in the PostgreSQL pass of CI and are
    deselected (not skipped) on SQLite, where the behaviour they test (row
    locks, full-text search) does not exist."""
    if _on_postgresql():
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgres") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Give each PostgreSQL test run its own database, so two runs on one
    machine (two developers, or CI beside a developer) never drop each other's."""
    from django.conf import settings

    test = settings.DATABASES["default"].setdefault("TEST", {})
    if _on_postgresql():
        test["NAME"] = f"test_{settings.DATABASES['default']['NAME']}_{os.getpid()}"
    else:
        # A file, not memory: the ingest tests' Celery worker, another process, must see it.
        test["NAME"] = str(REPO / "var" / f"test_{os.getpid()}.sqlite3")


# ---------------------------------------------------------------- ingest


@pytest.fixture
def news_server(settings, shared_dir):
    """A news site on 127.0.0.1 (see ``tests/newsserver.py``), which the
    fetcher may reach because the test allows private addresses."""
    from .newsserver import NewsServer

    settings.NEWSROOM_INGEST_ALLOW_PRIVATE = True
    server = NewsServer(shared_dir / "modern")
    yield server
    server.close()
