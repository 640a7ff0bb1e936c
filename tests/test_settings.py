"""Settings read from the environment fail clearly, and production serves no
debugging aids."""

import os
import subprocess
import sys

from .conftest import REPO


def _django_check(**env) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_an_empty_database_url_as_in_env_example_means_sqlite():
    done = _django_check(DATABASE_URL="")
    assert done.returncode == 0, done.stderr
    assert "KeyError" not in done.stderr


def test_a_database_url_that_is_no_address_says_so():
    done = _django_check(DATABASE_URL="postgress://db/newsroom")
    assert done.returncode != 0
    assert "DATABASE_URL is not a database address" in done.stderr
    assert "KeyError" not in done.stderr


def _manage(*args, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_an_unreachable_database_is_named_with_the_reason_and_no_traceback():
    # Port 9 (discard) has no database server on it.
    done = _manage("migrate", DATABASE_URL="postgres://desk:hunter2@127.0.0.1:9/newsroom")
    assert done.returncode == 1
    assert "Cannot connect to the database at DATABASE_URL=postgres://desk:***@127.0.0.1:9/" in (
        done.stderr
    )
    assert "Connection refused" in done.stderr
    assert "hunter2" not in done.stderr
    assert "Traceback" not in done.stderr


def test_a_database_host_that_does_not_resolve_is_named():
    done = _manage("import_seeds", "seeds", DATABASE_URL="postgres://desk@no-such-host.invalid/x")
    assert done.returncode == 1
    assert "Cannot connect to the database" in done.stderr and "no-such-host.invalid" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_browsable_api_is_off_without_debug():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES'])"
    )
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Browsable" not in done.stdout
    assert "JSONRenderer" in done.stdout
