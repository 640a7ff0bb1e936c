"""The claims queue as a queue, and the claim page as the place to work one:
open claims first by check-worthiness, columns that fit a laptop, markers
(sent back, earlier verdict on a similar claim, on a published article), the
queue's filter kept through every workflow step with a "next claim" link,
the claim in its paragraph, the speaker's other checked claims, the send-back
comment on top, and a refused step's typed input kept.

A mixin for ``ClaimAdmin`` so that module keeps the workflow and this one
the desk's daily use; every read comes from ``articles.desk``.
"""

from __future__ import annotations

import re
from copy import copy

from django import forms
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .. import desk
from ..models import Article, Claim, ClaimEvent
from ..text import cut_at_word
from .shared import typed_input

TEXT_CHARS = 110
ARTICLE_CHARS = 40
NEXT_CLAIM_WINDOW = 2000


class QueueChangeList(ChangeList):
    """Marks the page's claims that have an earlier verdict on a similar claim,
    in one query for the whole page (not one per row), and those a refused
    bulk action left to do, to be shown ticked."""

    def get_results(self, request):
        super().get_results(request)
        if getattr(request, "desk_next_claim", False):
            return  # only the queue's order is wanted, not its markers
        claims = list(self.result_list)
        similar = desk.claims_with_similar_verdicts(claims)
        kept = getattr(request, "desk_selection", None) or {}
        ticked = set(kept.get("ids", ()))
        for claim in claims:
            claim.desk_similar = claim.pk in similar
            claim.desk_ticked = claim.pk in ticked  # left over from a refused bulk action


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of an article body (blank-line separated)."""
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", body):
        if body[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if body[start:].strip():
        spans.append((start, len(body)))
    return spans or [(0, len(body))]


CONTEXT_CHARS = 500  # of the claim's own paragraph, either side of the claim
NEIGHBOUR_CHARS = 300


def _tail(text: str, limit: int) -> str:
    """The end of ``text``, from a sentence start when it has to be cut."""
    if len(text) <= limit:
        return text
    window = text[-limit:]
    start = max(window.find(". "), window.find(".\n"))
    return "\u2026 " + (window[start + 2 :] if start >= 0 else window.split(" ", 1)[-1])


def _head(text: str, limit: int) -> str:
    """The start of ``text``, to a sentence end when it has to be cut."""
    if len(text) <= limit:
        return text
    window = text[:limit]
    end = window.rfind(". ")
    return (window[: end + 1] if end >= 0 else window.rsplit(" ", 1)[0]) + " \u2026"


def claim_in_context(claim: Claim, body: str, neighbours: int = 1) -> list[dict]:
    """The claim's paragraph, with the claim marked, and ``neighbours``
    paragraphs either side: [{before, claim, after, here}]. A long paragraph
    is cut at sentences around the claim, so the claim stays in view."""
    spans = _paragraphs(body)
    here = next((i for i, (s, e) in enumerate(spans) if s <= claim.start < e), len(spans) - 1)
    shown = []
    for i in range(max(0, here - neighbours), min(len(spans), here + neighbours + 1)):
        s, e = spans[i]
        if i == here:
            end = min(claim.end, e)
            shown.append(
                {
                    "here": True,
                    "before": _tail(body[s : claim.start], CONTEXT_CHARS),
                    "claim": body[claim.start : end],
                    "after": _head(body[end:e], CONTEXT_CHARS),
                }
            )
        else:
            text = body[s:e]
            text = _tail(text, NEIGHBOUR_CHARS) if i < here else _head(text, NEIGHBOUR_CHARS)
            shown.append({"here": False, "before": text, "claim": "", "after": ""})
    return shown


class ClaimQueueMixin:
    changelist_class = QueueChangeList

    class Media:
        css = {"all": ["css/desk-admin.css"]}

    @property
    def media(self):
        # The speaker and article filters are the admin's own autocomplete box.
        box = AutocompleteSelect(self.model._meta.get_field("speaker"), self.admin_site)
        ours = forms.Media(js=["admin/js/jquery.init.js", "js/desk-filters.js"])  # after jQuery
        return super().media + box.media + ours

    def get_changelist(self, request, **kwargs):
        return self.changelist_class

    def get_queryset(self, request):
        # ModelAdmin.get_queryset, with the annotations the order needs first.
        claims = desk.claims_for_desk(self.model._default_manager.get_queryset())
        return claims.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        # The queue's order on the queue; elsewhere (the choices of a related
        # field on another admin page) the querysets are not annotated.
        match = getattr(request, "resolver_match", None)
        on_queue = match is not None and match.url_name == "articles_claim_changelist"
        if on_queue or getattr(request, "desk_next_claim", False):
            return desk.QUEUE_ORDER
        return super().get_ordering(request)

    # -- columns

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim):
        full = str(claim.quote or claim.text)
        markers = []
        if claim.status == Claim.Status.IN_REVIEW and (
            getattr(claim, "last_action", None) == ClaimEvent.Action.SENT_BACK
        ):
            markers.append(("sent-back", "Sent back by an editor", "sent back"))
        if getattr(claim, "desk_similar", False):
            markers.append(("similar", "An earlier verdict exists on a similar claim", "seen"))
        if claim.article.status == Article.Status.PUBLISHED:
            markers.append(("published", "On a published article", "published"))
        return format_html(
            '<span title="{}">{}</span>{}',
            " ".join(full.split()),
            cut_at_word(full, TEXT_CHARS),
            format_html_join("", ' <span class="queue-marker {}" title="{}">{}</span>', markers),
        )

    @admin.display(description="article", ordering="article__title")
    def article_title(self, claim):
        return format_html(
            '<span title="{}">{}</span>',
            claim.article.title,
            cut_at_word(claim.article.title, ARTICLE_CHARS),
        )

    @admin.display(description="status", ordering="status")
    def status_rating(self, claim):
        if claim.rating and claim.status in (Claim.Status.PROPOSED, Claim.Status.APPROVED):
            return f"{claim.get_status_display()}: {claim.get_rating_display()}"
        return claim.get_status_display()

    @admin.display(description="worth", ordering="checkworthiness")
    def worth(self, claim):
        return f"{claim.checkworthiness:.2f}"

    # -- the claim page

    def _queue_params(self, request) -> QueryDict:
        return QueryDict(request.GET.get("_changelist_filters", ""), mutable=True)

    def next_claim_url(self, request, claim) -> str | None:
        """The claim after this one in the queue as filtered (the first one if
        this claim has left the filter, e.g. taken out of "unassigned")."""
        queue = copy(request)
        queue.GET = self._queue_params(request)
        queue.desk_next_claim = True
        try:
            changelist = self.get_changelist_instance(queue)
        except Exception:  # a stale or hand-made filter: no next claim, not an error
            return None
        ids = list(changelist.queryset.values_list("pk", flat=True)[:NEXT_CLAIM_WINDOW])
        if claim.pk in ids:
            position = ids.index(claim.pk) + 1
            following = ids[position] if position < len(ids) else None
        else:
            following = ids[0] if ids else None
        if following is None:
            return None
        url = reverse("admin:articles_claim_change", args=[following])
        return add_preserved_filters(self._preserved(request), url)

    def _preserved(self, request) -> dict:
        return {"preserved_filters": self.get_preserved_filters(request), "opts": self.model._meta}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        workflow = extra_context.get("workflow")
        claim = (
            Claim.objects.select_related("article", "speaker").filter(pk=object_id).first()
            if str(object_id).isdigit()
            else None
        )
        if workflow is not None and claim is not None:
            preserved = self._preserved(request)
            workflow["urls"] = {
                step: add_preserved_filters(preserved, url)
                for step, url in workflow["urls"].items()
            }
            workflow["form"] = self._typed_form(request, claim, workflow)
            extra_context["desk"] = {
                "context": claim_in_context(claim, claim.article.body),
                "sent_back": self._sent_back_event(claim),
                "speaker_claims": list(
                    Claim.objects.filter(
                        speaker_id=claim.speaker_id, status__in=Claim.RESOLVED_STATUSES
                    )
                    .exclude(pk=claim.pk)
                    .select_related("article")
                    .defer("article__body")
                    .order_by("-reviewed_at", "-id")[:5]
                )
                if claim.speaker_id
                else [],
                "next_url": self.next_claim_url(request, claim),
                "queue_url": add_preserved_filters(
                    preserved, reverse("admin:articles_claim_changelist")
                ),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _sent_back_event(self, claim):
        if claim.status != Claim.Status.IN_REVIEW:
            return None
        last = claim.events.select_related("user").order_by("-created_at", "-id").first()
        return last if last and last.action == ClaimEvent.Action.SENT_BACK else None

    def _typed_form(self, request, claim, workflow) -> dict:
        """What the workflow forms show: what the person typed if their last
        try was refused (kept in the session by the workflow step), else the
        claim's draft verdict (the pending revision's, once reopened)."""
        typed = typed_input(request, "claim", claim.pk)
        form = {
            "step": typed.step,
            "rating": typed.value("propose", "rating", workflow["draft_rating"]),
            "summary": typed.value("propose", "summary", workflow["draft_summary"]),
            "assignee": typed.value("assign", "assignee"),
            "comment": typed.value("send_back", "comment"),
            "dismiss_reason": typed.value("dismiss", "reason"),
            "reopen_reason": typed.value("reopen", "reason"),
        }
        if typed.step == "propose":
            rows = [
                {"url": u, "title": t}
                for u, t in zip(
                    typed.fields.get("source_url", []),
                    typed.fields.get("source_title", []),
                    strict=False,
                )
            ]
            workflow["source_rows"] = rows + [{"url": "", "title": ""}] * max(0, 3 - len(rows))
        workflow["unsaved"] = typed.unsaved(workflow["allowed"], TYPED_LABELS)
        return form


TYPED_LABELS = {
    "summary": "Summary for readers",
    "source_url": "Source URL",
    "source_title": "Source title",
    "comment": "What needs more work",
    "reason": "Reason",
}
