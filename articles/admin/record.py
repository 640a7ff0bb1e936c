"""The record: article revisions, verdict versions and the editorial log,
each readable and comparable, none editable."""

from __future__ import annotations

import difflib

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from ..models import ArticleRevision, Claim, EditorialEvent, VerdictVersion
from ..services import workflow as wf
from .shared import ReadOnlyAdminMixin


def word_diff(before: str, after: str) -> str:
    """``after`` with the words taken out of ``before`` struck and the new ones marked."""
    old, new = before.split(), after.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", " ".join(new[j1:j2])))
        if op == "equal":
            parts.append(format_html("{}", " ".join(old[i1:i2])))
    return mark_safe(" ".join(parts))  # each part escaped by format_html


def sources_html(sources) -> str:
    """A verdict's sources as a list of links."""
    if not sources:
        return "\u2014"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}" rel="noopener noreferrer">{}</a></li>',
            ((s.get("url", ""), s.get("title", "")) for s in sources),
        ),
    )


class VerdictVersionInline(ReadOnlyAdminMixin, admin.StackedInline):
    """Every version of the verdict, newest first, each compared with the one before."""

    model = VerdictVersion
    fk_name = "claim"
    fields = [
        "state",
        "rating",
        "summary_changes",
        "sources_shown",
        "reason",
        "change_note",
        "people",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "verdict version"
    verbose_name_plural = "Verdict versions (newest first)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("proposed_by", "approved_by", "reopened_by")
            .order_by("-number")
        )

    def _previous(self, version):
        return (
            VerdictVersion.objects.filter(claim_id=version.claim_id, number__lt=version.number)
            .order_by("-number")
            .first()
        )

    @admin.display(description="version")
    def state(self, version):
        if version.approved_at:
            return f"{version.number}: approved {version.approved_at:%Y-%m-%d %H:%M}"
        if version.proposed_at:
            return f"{version.number}: revision proposed, waiting for a second editor"
        return f"{version.number}: revision in progress"

    @admin.display(description="summary (changes from the version before)")
    def summary_changes(self, version):
        previous = self._previous(version)
        if previous is None:
            return version.summary
        changes = wf.verdict_changes(
            {"rating": previous.rating, "summary": previous.summary, "sources": previous.sources},
            {"rating": version.rating, "summary": version.summary, "sources": version.sources},
        )
        return format_html(
            '<p class="verdict-diff">{}</p><p class="help">{}</p>',
            word_diff(previous.summary, version.summary),
            "; ".join(changes) or "no change",
        )

    @admin.display(description="sources")
    def sources_shown(self, version):
        return sources_html(version.sources)

    @admin.display(description="who")
    def people(self, version):
        parts = []
        if version.reopened_by:
            parts.append(f"reopened by {version.reopened_by.get_username()}")
        if version.proposed_by:
            parts.append(f"proposed by {version.proposed_by.get_username()}")
        if version.approved_by:
            parts.append(f"approved by {version.approved_by.get_username()}")
        return ", ".join(parts) or "\u2014"


class RevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Every imported text of the article, newest first, each with a link to
    its differences from the one before."""

    model = ArticleRevision
    fields = ["number", "created_at", "title", "source_path", "compare"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Text revisions (newest first)"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body").order_by("-number")

    @admin.display(description="changes")
    def compare(self, revision):
        if revision.number == 1:
            return "first import"
        url = reverse("admin:articles_articlerevision_compare", args=[revision.pk])
        return format_html('<a href="{}">Compare with revision {}</a>', url, revision.number - 1)


class EditorialEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = EditorialEvent
    fields = ["created_at", "action", "user", "description"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Editorial record (newest first)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").order_by("-created_at")


class ArticleEventInline(EditorialEventInline):
    fk_name = "article"


class ActorEventInline(EditorialEventInline):
    fk_name = "actor"


@admin.register(EditorialEvent)
class EditorialEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The desk's log: publications, corrections, retractions, text updates and
    actor merges, renames and confirmations, with who and when."""

    list_display = ["created_at", "action", "user", "subject", "short_description"]
    list_filter = ["action", "created_at"]
    list_select_related = ["user", "article", "actor"]
    search_fields = ["description", "user__username", "article__title", "actor__name"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body", "article__search_document")

    @admin.display(description="on")
    def subject(self, event):
        return event.article or event.actor or "\u2014"

    @admin.display(description="what")
    def short_description(self, event):
        return Truncator(event.description).chars(120)


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["article", "number", "created_at", "source_path"]
    list_select_related = ["article"]
    search_fields = ["article__title", "source_path"]
    fields = ["article", "number", "title", "created_at", "source_path", "content_hash", "body"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body", "article__search_document")

    def get_model_perms(self, request):
        return {}  # reached from the article's page, not the index

    def get_urls(self):
        return [
            path(
                "<int:pk>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_articlerevision_compare",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, pk):
        """A revision's text against the one before, line by line."""
        revision = get_object_or_404(ArticleRevision.objects.select_related("article"), pk=pk)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        previous = get_object_or_404(
            ArticleRevision, article_id=revision.article_id, number=revision.number - 1
        )
        before, after = previous.body.splitlines(), revision.body.splitlines()
        rows = [
            {"kind": {"-": "removed", "+": "added"}.get(line[:1], "same"), "text": line[2:]}
            for line in difflib.ndiff(before, after)
            if not line.startswith("?")
        ]
        superseded = Claim.objects.filter(
            article_id=revision.article_id, revision=previous, superseded_at__isnull=False
        ).defer("article__body")
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revision {revision.number} of \u201c{revision.article}\u201d",
            "revision": revision,
            "previous": previous,
            "rows": rows,
            "superseded": superseded,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/articlerevision/compare.html", context)
