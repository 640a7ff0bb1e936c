"""Forwarded headers are believed only from proxies the deployment declares
(NEWSROOM_TRUSTED_PROXIES)."""

import os
import subprocess
import sys

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from articles.security import client_ip

from .conftest import REPO

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_a_minute(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "login": None},
    }


def test_a_forged_forwarded_for_does_not_reset_the_api_throttle(two_a_minute):
    client = APIClient()
    statuses = [
        client.get("/api/v1/articles/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]


def test_behind_one_declared_proxy_each_client_address_has_its_own_limit(settings, two_a_minute):
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = APIClient()
    first = [client.get("/api/v1/articles/", HTTP_X_FORWARDED_FOR="203.0.113.1") for _ in range(3)]
    other = client.get("/api/v1/articles/", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert [r.status_code for r in first] == [200, 200, 429]
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own entry is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (3, "203.0.113.9", "203.0.113.9"),
    ],
)
def test_the_client_address_is_the_one_the_nearest_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.NEWSROOM_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def _production_setting(name: str, **env) -> str:
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        **env,
    }
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=environment, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_forwarded_proto_is_ignored_unless_a_proxy_is_declared():
    assert _production_setting("SECURE_PROXY_SSL_HEADER", NEWSROOM_TRUSTED_PROXIES="") == "None"
    assert "HTTP_X_FORWARDED_PROTO" in _production_setting(
        "SECURE_PROXY_SSL_HEADER", NEWSROOM_TRUSTED_PROXIES="1"
    )


def test_forwarded_proto_https_from_a_client_does_not_skip_the_https_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = None  # production with no proxy declared
    response = APIClient().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
