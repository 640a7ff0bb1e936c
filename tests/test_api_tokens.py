"""API tokens have a life: each login a new one, expiring, revocable, and
gone with a password change or a deactivated account."""

from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
DESK_ONLY = "/api/v1/articles/?status=draft"


def _login(username="editor", password=PASSWORD) -> str:
    response = APIClient().post(TOKEN, {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _works(token: str) -> bool:
    """The token authenticates (a refused one is 401)."""
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get(DESK_ONLY).status_code == 200


def test_each_login_gives_a_new_token_with_an_expiry(editor):
    response = APIClient().post(TOKEN, {"username": "editor", "password": PASSWORD})
    first, second = response.json()["token"], _login()

    assert first != second
    assert _works(first) and _works(second)
    expiry = response.json()["expiry"]
    assert expiry is not None


def test_tokens_are_stored_hashed(editor):
    token = _login()
    stored = AuthToken.objects.get(user=editor)
    assert token not in (stored.digest, stored.token_key)


def test_an_expired_token_is_refused(editor):
    token = _login()
    AuthToken.objects.filter(user=editor).update(expiry=timezone.now() - timedelta(seconds=1))

    assert APIClient(HTTP_AUTHORIZATION=f"Token {token}").get(DESK_ONLY).status_code == 401


def test_delete_on_the_token_endpoint_revokes_that_token_only(editor):
    revoked, kept = _login(), _login()

    response = APIClient(HTTP_AUTHORIZATION=f"Token {revoked}").delete(TOKEN)

    assert response.status_code == 204
    assert APIClient(HTTP_AUTHORIZATION=f"Token {revoked}").get(DESK_ONLY).status_code == 401
    assert _works(kept)


def test_delete_without_a_token_is_401():
    assert APIClient().delete(TOKEN).status_code == 401


def test_a_password_change_revokes_every_token(editor):
    token = _login()
    editor.set_password("a-new-long-passphrase")
    editor.save()

    assert APIClient(HTTP_AUTHORIZATION=f"Token {token}").get(DESK_ONLY).status_code == 401
    assert _works(_login(password="a-new-long-passphrase"))


def test_deactivating_an_account_revokes_its_tokens(editor):
    token = _login()
    editor.is_active = False
    editor.save()
    editor.is_active = True
    editor.save()  # reactivated: the old token stays dead

    assert APIClient(HTTP_AUTHORIZATION=f"Token {token}").get(DESK_ONLY).status_code == 401


def test_other_saves_of_the_user_keep_the_token(editor):
    token = _login()
    editor.first_name = "Eda"
    editor.save()
    assert _works(token)
