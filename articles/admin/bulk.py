"""Bulk triage on the claims queue: dismiss with one reason.

(Bulk take and bulk assign are the queue's "Assign to me" and "Mark in
review" actions in ``claims.py``, which call ``claim_assign`` on each claim.)
Thin over ``articles.services.bulk``, which calls the one-claim workflow
service on each claim; the page says how many were done and why any were
refused.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.text import Truncator

from ..services import bulk
from ..services import workflow as wf


def report(request, result: bulk.BulkResult, done: str) -> None:
    """The count done and one line per refusal."""
    if result.done:
        messages.success(request, done.format(n=len(result.done)))
    for claim, reason in result.refused:
        messages.error(request, f"\u201c{Truncator(str(claim)).chars(50)}\u201d: {reason}")


class BulkTriageMixin:
    """Actions for ``ClaimAdmin``; the reason and the assignee come from its
    action form (``ClaimActionForm``)."""

    def has_approve_permission(self, request):
        return wf.user_can_approve(request.user)

    def _action_value(self, request, name):
        form = self.action_form(request.POST)
        form.fields["action"].choices = self.get_action_choices(request)
        return form.cleaned_data.get(name) if form.is_valid() else None

    @admin.action(
        description="Dismiss selected claims (with the reason given)", permissions=["approve"]
    )
    def bulk_dismiss(self, request, queryset):
        reason = self._action_value(request, "reason") or ""
        try:
            result = bulk.claims_dismiss(claims=queryset, by=request.user, reason=reason)
        except wf.WorkflowError as error:
            messages.error(request, f"No claim dismissed: {error.message}")
            return
        report(request, result, "{n} claim(s) dismissed.")
