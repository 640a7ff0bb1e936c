"""Bulk triage on the claims queue: dismiss with one reason.

(Bulk take and bulk assign are the queue's "Assign to me" and "Mark in
review" actions in ``claims.py``, which call ``claim_assign`` on each claim.)
Thin over ``articles.services.bulk``, which calls the one-claim workflow
service on each claim; the page says how many were done and why any were
refused.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.safestring import mark_safe
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
            keep_selection(request, "bulk_dismiss", [c.pk for c in queryset], reason)
            return
        report(request, result, "{n} claim(s) dismissed.")
        if result.refused:
            keep_selection(request, "bulk_dismiss", [c.pk for c, _ in result.refused], reason)

    # -- a refused action comes back with its claims ticked and its reason typed

    def changelist_view(self, request, extra_context=None):
        request.desk_selection = kept_selection(request)
        response = super().changelist_view(request, extra_context)
        form = getattr(response, "context_data", {}).get("action_form")
        if form is not None and request.desk_selection:
            form.fields["action"].initial = request.desk_selection["action"]
            form.fields["reason"].initial = request.desk_selection["reason"]
        return response

    def action_checkbox(self, obj):
        box = super().action_checkbox(obj)  # Django's own box, safe HTML
        if getattr(obj, "desk_ticked", False):
            return mark_safe(box.replace("<input ", "<input checked ", 1))
        return box


SELECTION_KEY = "desk-typed-queue-selection"


def keep_selection(request, action: str, ids: list[int], reason: str) -> None:
    """After a refusal, the claims left to do stay ticked for the next try."""
    request.session[SELECTION_KEY] = {"action": action, "ids": ids, "reason": reason}


def kept_selection(request) -> dict | None:
    return request.session.pop(SELECTION_KEY, None) if request.method == "GET" else None
