"""`make run`'s demo accounts: one per role, DEBUG only, safe to run twice."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

LOGIN = RequestFactory().post("/admin/login/")  # django-axes needs the request


def run(**options):
    out = StringIO()
    call_command("create_demo_accounts", stdout=out, **options)
    return out.getvalue()


def test_creates_one_staff_account_per_role_and_prints_the_password(settings):
    settings.DEBUG = True
    output = run()
    assert "correct-horse-battery" in output
    for username, role in [
        ("reporter", "Reporter"),
        ("factchecker", "Fact-checker"),
        ("editor", "Editor"),
    ]:
        assert username in output
        user = authenticate(LOGIN, username=username, password="correct-horse-battery")
        assert user is not None and user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [role]
    assert get_user_model().objects.get(username="editor").has_perm("articles.approve_claim")


def test_running_twice_changes_nothing(settings):
    settings.DEBUG = True
    run()
    run()
    assert (
        get_user_model().objects.filter(username__in=["reporter", "factchecker", "editor"]).count()
        == 3
    )


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG off"):
        run()
    assert not get_user_model().objects.filter(username="editor").exists()


def test_make_run_carries_on_without_demo_accounts_when_debug_is_off(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("create_demo_accounts", "--if-debug", stdout=out)
    assert "not created: DJANGO_DEBUG is off" in out.getvalue()
    assert not get_user_model().objects.filter(username="editor").exists()


@pytest.mark.parametrize("password", ["1234", "password", "editor"])
def test_a_weak_password_is_refused(settings, password):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="password is refused"):
        run(password=password)
    assert not get_user_model().objects.filter(username="editor").exists()


def test_demo_accounts_cannot_sign_in_once_debug_is_off(settings):
    from django.test import Client

    settings.DEBUG = True
    run()
    settings.DEBUG = False
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "correct-horse-battery"}
    )
    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


def test_two_fact_checkers_and_two_editors_so_the_two_person_rule_can_be_tried(settings):
    from articles.models import Claim
    from articles.services import workflow as wf

    from .factories import ClaimFactory

    settings.DEBUG = True
    run()
    users = {u.username: u for u in get_user_model().objects.all()}
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=users["editor"])
    wf.claim_propose_verdict(
        claim=claim,
        by=users["editor"],
        rating="unverifiable",
        summary="No record either way.",
        sources=[],
    )
    wf.claim_approve(claim=claim, by=users["editor2"])
    assert Claim.objects.get(pk=claim.pk).reviewer == users["editor2"]
    assert users["factchecker2"].has_perm("articles.take_claim")
