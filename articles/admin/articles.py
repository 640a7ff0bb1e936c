"""Articles: the publish gate, corrections and retractions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from ..ingest.jobs import user_can_ingest
from ..models import (
    Article,
    Claim,
    Correction,
)
from ..services import workflow as wf
from .filters import GateFilter
from .record import ArticleEventInline, RevisionInline
from .shared import (
    ArticleNoteInline,
    NotesMixin,
    ReadOnlyAdminMixin,
    ServiceErrorsMixin,
    WorkflowStepsMixin,
    related_count,
    step_urls,
    typed_input,
)

# ---------------------------------------------------------------- articles


class ClaimInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The article's claims at a glance; each opens on its own page to be worked."""

    model = Claim
    fields = [
        "claim_link",
        "kind",
        "speaker",
        "checkworthiness",
        "status",
        "rating",
        "assignee",
        "in_text",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ["-checkworthiness", "start"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "assignee")

    @admin.display(description="in the text")
    def in_text(self, claim):
        if claim.superseded_at is None:
            return "current"
        return f"superseded {claim.superseded_at:%Y-%m-%d}"

    @admin.display(description="claim")
    def claim_link(self, claim):
        url = reverse("admin:articles_claim_change", args=[claim.pk])
        return format_html('<a href="{}">{}</a>', url, Truncator(str(claim)).chars(90))


class CorrectionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Correction
    fields = ["created_at", "body", "author"]
    readonly_fields = fields
    extra = 0
    can_delete = False


# Where the story came from (ingest), read-only like everything imported.
SOURCE_FIELDS = ["source_url", "publisher", "byline", "source_published_at"]


class NeedsRecheckFilter(admin.SimpleListFilter):
    """Published articles whose text changed under readers and now carry claims
    at or above the gate: the desk's first call after an import."""

    title = "needs a recheck"
    parameter_name = "recheck"

    def lookups(self, request, model_admin):
        return [("yes", "Published, with new claims to check")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=Article.objects.needing_recheck().values("pk"))
        return queryset


@admin.register(Article)
class ArticleAdmin(WorkflowStepsMixin, ServiceErrorsMixin, NotesMixin, admin.ModelAdmin):
    own_change_permission = "articles.change_article"
    note_target = "article"
    list_display = [
        "title",
        "status",
        "dateline",
        "claims_progress",
        "claims_blocking",
        "published_at",
        "updated_at",
    ]
    list_filter = [NeedsRecheckFilter, "status", GateFilter, "dateline", "published_at"]
    search_fields = ["title", "slug", "source_key"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "slug",
        "body",
        "status",
        "published_at",
        "retracted_at",
        "retraction_reason",
        "text_updated_at",
        "source_path",
        "source_key",
        "content_hash",
        "extractor_version",
        "created_at",
        "updated_at",
        "claims_progress",
        *SOURCE_FIELDS,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "dateline",
                    "status",
                    "published_at",
                    "text_updated_at",
                    "claims_progress",
                ]
            },
        ),
        ("Source", {"fields": SOURCE_FIELDS}),
        ("Text as imported", {"fields": ["body"]}),
        ("Retraction", {"fields": ["retracted_at", "retraction_reason"], "classes": ["collapse"]}),
        (
            "Advanced",
            {
                "fields": [
                    "slug",
                    "source_path",
                    "source_key",
                    "content_hash",
                    "extractor_version",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [ClaimInline, ArticleNoteInline, CorrectionInline, RevisionInline, ArticleEventInline]
    actions = ["publish_articles"]
    change_form_template = "admin/articles/article/change_form.html"

    def has_add_permission(self, request):
        return user_can_ingest(request.user)  # articles come from the importer, so:

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return redirect("admin:articles_importrun_ingest")  # "Add" is the import page

    def view_on_site(self, article):
        return article.get_absolute_url()  # a draft opens as a preview, for the desk only

    def has_publish_permission(self, request):
        return wf.user_can_publish(request.user)

    def get_queryset(self, request):
        # Each count is its own subquery on the claims index: joining the
        # claims and grouping made every per-row subquery run once per claim,
        # quadratic in an article's claims (12 s for one 2,467-claim article).
        return (
            super()
            .get_queryset(request)
            .defer("body")
            .annotate(
                claims_total=related_count(Claim.objects.all(), to="article"),
                claims_resolved=related_count(
                    Claim.objects.filter(status__in=Claim.RESOLVED_STATUSES), to="article"
                ),
                claims_blocking=related_count(Claim.objects.blocking_publication(), to="article"),
            )
        )

    @admin.display(description="claims resolved", ordering="claims_resolved")
    def claims_progress(self, article):
        total = getattr(article, "claims_total", None)
        if total is None:
            return "\u2014"
        return f"{article.claims_resolved} / {total}"

    @admin.display(description="blocking publication", ordering="claims_blocking")
    def claims_blocking(self, article):
        return article.claims_blocking

    # -- workflow

    @admin.action(description="Publish selected articles", permissions=["publish"])
    def publish_articles(self, request, queryset):
        published = 0
        for article in queryset:
            try:
                wf.article_publish(article=article, by=request.user)
            except wf.WorkflowError as error:
                messages.error(request, f"{article}: {error.message}")
            else:
                published += 1
        if published:
            messages.success(request, f"Published {published} article(s).")

    def workflow_steps(self):
        return _ARTICLE_STEPS

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if article is not None:
            _warn_if_changed_under_readers(request, article)
            allowed = wf.article_allowed_actions(article=article, user=request.user)
            typed = typed_input(request, "article", article.pk)
            extra_context["workflow"] = {
                "allowed": allowed,
                # A refused correction or retraction comes back as typed.
                "form": {
                    "correction": typed.value("correct", "body"),
                    "retraction": typed.value("retract", "reason"),
                },
                "unsaved": typed.unsaved(allowed, TYPED_LABELS),
                "blocking": list(wf.article_blocking_claims(article).select_related("speaker"))
                if "publish" in allowed
                else [],
                "threshold": settings.NEWSROOM_PUBLISH_THRESHOLD,
                "urls": step_urls("admin:articles_article_workflow", article.pk, _ARTICLE_STEPS),
            }
        return super().change_view(request, object_id, form_url, extra_context)


def _warn_if_changed_under_readers(request, article) -> None:
    if request.method != "GET" or not article.is_published:
        return
    blocking = wf.article_blocking_claims(article).count()
    if blocking:
        when = f" on {article.text_updated_at:%Y-%m-%d %H:%M}" if article.text_updated_at else ""
        messages.warning(
            request,
            f"This article is published, and its text changed{when}: {blocking} claim(s) at "
            "or above the publish gate are not checked yet. Readers see it marked as updated.",
        )


def _publish(request, article):
    wf.article_publish(article=article, by=request.user)
    return "Published. Readers can now see the article."


def _correct(request, article):
    wf.article_correct(article=article, by=request.user, body=request.POST.get("body", ""))
    return "Correction added; readers see it under the article."


def _retract(request, article):
    wf.article_retract(article=article, by=request.user, reason=request.POST.get("reason", ""))
    return "Article retracted."


TYPED_LABELS = {"body": "Correction", "reason": "Reason for retraction"}

_ARTICLE_STEPS = {"publish": _publish, "correct": _correct, "retract": _retract}
