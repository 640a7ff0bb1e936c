"""Passwords cannot be guessed through the admin login or the token endpoint,
and guessing cannot be used to keep the workers busy hashing."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import Client
from rest_framework.test import APIClient

from .conftest import PASSWORD, REPO

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
TOKEN = "/api/v1/auth/token/"


class CountingHasher(PBKDF2PasswordHasher):
    """Django's default hasher, counting how often a password is checked."""

    algorithm = "pbkdf2_sha256"
    checks = 0

    def verify(self, password, encoded):
        CountingHasher.checks += 1
        return super().verify(password, encoded)


@pytest.fixture(autouse=True)
def _fresh_counters():
    CountingHasher.checks = 0


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]


def _admin_login(client, username, password, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def test_the_admin_login_locks_an_account_out_after_five_wrong_passwords(editor):
    client = Client()
    for _ in range(150):
        response = _admin_login(client, "editor", "wrong-guess")
        assert response.status_code in (200, 429)

    response = _admin_login(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The owner, from another address, is locked out too until the cool-off ends.
    other = Client(REMOTE_ADDR="10.9.9.9")
    assert _admin_login(other, "editor", PASSWORD).status_code == 429


def test_one_address_guessing_many_accounts_is_locked_out(editor, factchecker):
    client = Client(REMOTE_ADDR="10.1.1.1")
    for n in range(5):
        _admin_login(client, f"nobody{n}", "wrong-guess")

    assert _admin_login(client, "factchecker", PASSWORD).status_code == 429
    # Another address is not punished for it.
    assert _admin_login(Client(REMOTE_ADDR="10.2.2.2"), "factchecker", PASSWORD).status_code == 302


def test_a_locked_out_login_is_refused_before_the_password_is_hashed(editor, counting_hasher):
    client = Client()
    for _ in range(5):
        _admin_login(client, "editor", "wrong-guess")
    checked = CountingHasher.checks

    for _ in range(20):
        _admin_login(client, "editor", "wrong-guess")

    assert CountingHasher.checks == checked


def test_the_token_endpoint_answers_429_from_the_fifth_wrong_password(editor):
    client = APIClient()
    statuses = [
        client.post(TOKEN, {"username": "editor", "password": "wrong"}).status_code
        for _ in range(6)
    ]
    # The fifth failure reaches the limit, and is answered as a lockout.
    assert statuses == [400] * 4 + [429] * 2
    response = client.post(TOKEN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] in {"locked_out", "throttled"}


def test_token_requests_from_one_address_are_throttled_before_any_password_check(
    editor, counting_hasher, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]},
    }
    settings.AXES_FAILURE_LIMIT = 1000  # the throttle alone
    client = APIClient()
    statuses = [
        client.post(TOKEN, {"username": f"user{n}", "password": "x"}).status_code for n in range(30)
    ]
    assert statuses.count(429) == 20
    assert CountingHasher.checks <= 10


def test_a_forged_forwarded_for_header_does_not_reset_the_lockout(editor):
    client = Client()
    for n in range(5):
        _admin_login(client, f"nobody{n}", "x", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    response = _admin_login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429


def _throttle_hits_in_a_new_process(hits: int) -> list[bool]:
    """``hits`` token-endpoint throttle checks from a separate process (a
    second gunicorn worker), against the Redis test database."""
    code = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from rest_framework.request import Request\n"
        "from articles.api.throttling import LoginRateThrottle\n"
        "request = Request(RequestFactory().post('/api/v1/auth/token/'))\n"
        f"print([LoginRateThrottle().allow_request(request, None) for _ in range({hits})])\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "REDIS_URL": REDIS_TEST_URL,
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return eval(out.stdout.strip())  # a printed list of booleans


REDIS_TEST_URL = "redis://127.0.0.1:6379/3"


def test_workers_share_one_login_throttle_through_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL).flushdb()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")

    first, second = _throttle_hits_in_a_new_process(6), _throttle_hits_in_a_new_process(6)

    # 10 a minute for the address, whichever worker answers.
    assert first == [True] * 6
    assert second == [True] * 4 + [False] * 2
    redis.Redis.from_url(REDIS_TEST_URL).flushdb()


def test_without_redis_production_workers_still_share_one_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "locmem" not in out.stdout.lower()
