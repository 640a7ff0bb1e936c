"""Who a request comes from, and what a password change ends.

``client_ip`` is the one answer to "which address is this?" for the API
throttle and the login lockout: ``X-Forwarded-For`` is read only when
``NEWSROOM_TRUSTED_PROXIES`` says how many proxies stand in front, and then
only the address the nearest of them saw; anyone else's header is ignored.

API tokens end with the password: changing it, or deactivating the account,
deletes every token the user holds.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or with N trusted proxies the N-th
    address from the right of X-Forwarded-For (the one our first proxy saw)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NEWSROOM_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
    if not addresses:
        return remote
    return addresses[-min(proxies, len(addresses))]


def tokens_revoke_on_credential_change(sender, instance, raw=False, **kwargs):
    """pre_save of the user model: a new password or a deactivated account
    revokes the user's API tokens (a stolen token dies with the password)."""
    if raw or instance.pk is None:
        return
    stored = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if stored is None:
        return
    if stored["password"] != instance.password or (stored["is_active"] and not instance.is_active):
        from knox.models import get_token_model

        get_token_model().objects.filter(user_id=instance.pk).delete()


def is_demo_account(user) -> bool:
    """One of ``create_demo_accounts``'s accounts (its name and its address)."""
    from articles.management.commands.create_demo_accounts import (
        DEMO_ACCOUNTS,
        DEMO_EMAIL_DOMAIN,
    )

    return user.username in DEMO_ACCOUNTS and user.email == f"{user.username}@{DEMO_EMAIL_DOMAIN}"


class DeskModelBackend(ModelBackend):
    """Django's model backend, except that the demo accounts (a password
    printed to a terminal) can sign in only while debugging: a database
    copied from a laptop to production does not open the desk to them."""

    def user_can_authenticate(self, user):
        if not settings.DEBUG and is_demo_account(user):
            return False
        return super().user_can_authenticate(user)
