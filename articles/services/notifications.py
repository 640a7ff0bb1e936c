"""Telling the desk about its work: a fact-checker when a claim is assigned to
them or sent back to them, editors when a proposal waits for review.

Driven by the audit trail: every workflow step writes a ``ClaimEvent``, and
``notify_for_event`` (connected to its ``post_save`` in ``apps.py``) turns the
three events that hand work to someone into a ``Notification`` and an email,
so the admin, the API and bulk actions notify alike without each calling it.
Email goes out after the step's transaction commits (a refused step sends
nothing), through Django's email framework: the console backend by default,
SMTP when ``EMAIL_HOST`` is set.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from articles.models import Claim, ClaimEvent, Notification
from articles.text import cut_at_word

logger = logging.getLogger(__name__)


def _editors():
    approve = Permission.objects.filter(
        codename="approve_claim", content_type__app_label="articles"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=approve)
            | Q(user_permissions__in=approve)
        )
        .distinct()
        .order_by("username")
    )


def _short(claim: Claim) -> str:
    return f"\u201c{cut_at_word(claim.quote or claim.text, 80)}\u201d"


def _recipients(event: ClaimEvent, claim: Claim) -> list[tuple]:
    """(user, kind, message) for each person this event hands work to."""
    by = event.user
    who = (by.get_full_name() or by.get_username()) if by else "The desk"
    if event.action == ClaimEvent.Action.ASSIGNED:
        if claim.assignee_id and claim.assignee_id != getattr(by, "pk", None):
            return [
                (claim.assignee, Notification.Kind.ASSIGNED, f"{who} assigned you {_short(claim)}.")
            ]
    elif event.action == ClaimEvent.Action.SENT_BACK:
        if claim.assignee_id and claim.assignee_id != getattr(by, "pk", None):
            message = f"{who} sent back your verdict on {_short(claim)}: {event.comment}"
            return [(claim.assignee, Notification.Kind.SENT_BACK, message)]
    elif event.action == ClaimEvent.Action.PROPOSED:
        message = f"{who} proposed a verdict on {_short(claim)}; it waits for review."
        return [
            (editor, Notification.Kind.PROPOSED, message)
            for editor in _editors().exclude(pk=getattr(by, "pk", None))
        ]
    return []


def notify_for_event(sender, instance: ClaimEvent, created: bool, raw: bool = False, **kwargs):
    """``post_save`` receiver for ``ClaimEvent``."""
    if not created or raw:
        return
    claim = Claim.objects.select_related("assignee").filter(pk=instance.claim_id).first()
    if claim is None:
        return
    recipients = _recipients(instance, claim)
    if not recipients:
        return
    Notification.objects.bulk_create(
        Notification(user=user, kind=kind, claim=claim, message=message)
        for user, kind, message in recipients
    )
    url = settings.NEWSROOM_SITE_URL.rstrip("/") + reverse(
        "admin:articles_claim_change", args=[claim.pk]
    )
    mails = [(user.email, kind, message) for user, kind, message in recipients if user.email]
    transaction.on_commit(lambda: _send(mails, url))


def _send(mails, url) -> None:
    for address, kind, message in mails:
        try:
            send_mail(
                subject=f"[{settings.NEWSROOM_NAME} desk] {Notification.Kind(kind).label}",
                message=f"{message}\n\n{url}\n",
                from_email=None,
                recipient_list=[address],
            )
        except OSError:  # an unreachable mail server must not undo the desk's work
            logger.exception("Could not email %s", address)


def notifications_mark_read(*, user, ids=None) -> int:
    """Mark the user's notifications (all, or those ``ids``) as read."""
    unread = Notification.objects.filter(user=user, read=False)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read=True)
