"""The desk's admin, where editors work the queue.

Thin by design: every workflow step (take, propose, approve, send back,
dismiss, copy a verdict, publish, correct, retract, notes, merges) calls a
service in ``articles.services`` and shows its message; which buttons a page
offers comes from the same services, so no rule lives here. Imported and
derived fields are read-only; the audit trail cannot be edited or deleted.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from .models import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    Claim,
    ClaimEvent,
    Correction,
    EditorNote,
    ImportRun,
)
from .services import workflow as wf
from .services.actors import (
    ActorMergeError,
    actor_confirm,
    actor_merge,
    actor_rename,
    actors_touch,
)

# ---------------------------------------------------------------- shared pieces


def _refused(request, error) -> None:
    messages.error(request, getattr(error, "message", None) or str(error))


class ServiceErrorsMixin:
    """A refused service call ends as a message on the page, never a 500."""

    service_errors = (wf.WorkflowError,)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except self.service_errors as error:  # raised by a save; its transaction rolled back
            _refused(request, error)
            return HttpResponseRedirect(request.get_full_path())


class WorkflowStepsMixin:
    """One POST URL per workflow button, ``<id>/workflow/<step>/``, which calls
    the step's service (``workflow_steps()``: step name -> handler)."""

    def workflow_steps(self) -> dict:
        raise NotImplementedError

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/workflow/<str:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{opts.app_label}_{opts.model_name}_workflow",
            ),
            *super().get_urls(),
        ]

    def workflow_view(self, request, object_id, step):
        return _workflow_post(self, request, object_id, step, self.workflow_steps())


class ReadOnlyAdminMixin:
    """Records the desk looks at but never edits by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NotesMixin:
    """Lets everyone who may write notes save the page they are on (for its
    notes inline) while the record's own fields stay read-only unless they
    may change it; notes go through ``note_create``/``note_resolve``."""

    own_change_permission: str = ""

    def user_may_change_record(self, request) -> bool:
        return request.user.has_perm(self.own_change_permission)

    def has_change_permission(self, request, obj=None):
        return self.user_may_change_record(request) or wf.user_can_write_notes(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.user_may_change_record(request):
            return readonly
        editable = flatten_fieldsets(self.get_fieldsets(request, obj))
        return readonly + [f for f in editable if f not in readonly]

    def save_formset(self, request, form, formset, change):
        if formset.model is not EditorNote:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        target = {self.note_target: form.instance}
        for note_form in formset.forms:
            if not note_form.has_changed() or not note_form.cleaned_data:
                continue
            if note_form.instance.pk is None:
                note = wf.note_create(
                    by=request.user, body=note_form.cleaned_data["body"], **target
                )
                if note_form.cleaned_data.get("resolved"):
                    wf.note_resolve(note=note, by=request.user)
                formset.new_objects.append(note)
            elif "resolved" in note_form.changed_data and note_form.cleaned_data["resolved"]:
                wf.note_resolve(note=note_form.instance, by=request.user)
                formset.changed_objects.append((note_form.instance, ["resolved"]))

    def save_model(self, request, obj, form, change):
        if not self.user_may_change_record(request):
            return
        if not change:
            return super().save_model(request, obj, form, change)
        # Only what the form changed: a field moved by a workflow step
        # meanwhile (status, published_at) is never written back stale.
        columns = {f.name for f in obj._meta.concrete_fields}
        changed = [name for name in form.changed_data if name in columns]
        if changed:
            auto = [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]
            obj.save(update_fields=changed + auto)


# ---------------------------------------------------------------- notes inline


class EditorNoteInlineForm(forms.ModelForm):
    """A note's text is fixed once written; resolving is one-way."""

    class Meta:
        model = EditorNote
        fields = ["body", "resolved"]
        widgets = {"body": forms.Textarea(attrs={"rows": 2, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["body"].disabled = True
            self.fields["resolved"].disabled = self.instance.resolved


class EditorNoteInline(admin.TabularInline):
    model = EditorNote
    form = EditorNoteInlineForm
    fields = ["body", "author", "created_at", "resolved"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False
    verbose_name = "editor note"
    verbose_name_plural = "Editor notes (never shown to readers)"

    def has_add_permission(self, request, obj=None):
        return wf.user_can_write_notes(request.user)

    def has_change_permission(self, request, obj=None):
        return wf.user_can_write_notes(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class ArticleNoteInline(EditorNoteInline):
    fk_name = "article"


class ClaimNoteInline(EditorNoteInline):
    fk_name = "claim"


# ---------------------------------------------------------------- articles


class ClaimInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The article's claims at a glance; each opens on its own page to be worked."""

    model = Claim
    fields = ["claim_link", "kind", "speaker", "checkworthiness", "status", "rating", "assignee"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ["-checkworthiness", "start"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "assignee")

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
    list_filter = ["status", "dateline", "published_at"]
    search_fields = ["title", "slug", "source_key"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "slug",
        "body",
        "status",
        "published_at",
        "retracted_at",
        "retraction_reason",
        "source_path",
        "source_key",
        "content_hash",
        "extractor_version",
        "created_at",
        "updated_at",
        "claims_progress",
    ]
    fieldsets = [
        (None, {"fields": ["title", "dateline", "status", "published_at", "claims_progress"]}),
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
    inlines = [ClaimInline, ArticleNoteInline, CorrectionInline]
    actions = ["publish_articles"]
    change_form_template = "admin/articles/article/change_form.html"

    def has_add_permission(self, request):
        return False  # articles come from the importer

    def view_on_site(self, article):
        if Article.objects.published().filter(pk=article.pk).exists():
            return article.get_absolute_url()
        return None

    def has_publish_permission(self, request):
        return wf.user_can_publish(request.user)

    def get_queryset(self, request):
        blocking = (
            Claim.objects.blocking_publication()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .defer("body")
            .annotate(
                claims_total=Count("claims", distinct=True),
                claims_resolved=Count(
                    "claims",
                    filter=Q(claims__status__in=Claim.RESOLVED_STATUSES),
                    distinct=True,
                ),
                claims_blocking=Coalesce(Subquery(blocking, output_field=IntegerField()), 0),
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
            allowed = wf.article_allowed_actions(article=article, user=request.user)
            extra_context["workflow"] = {
                "allowed": allowed,
                "blocking": list(wf.article_blocking_claims(article).select_related("speaker"))
                if "publish" in allowed
                else [],
                "threshold": settings.NEWSROOM_PUBLISH_THRESHOLD,
                "urls": _step_urls("admin:articles_article_workflow", article.pk, _ARTICLE_STEPS),
            }
        return super().change_view(request, object_id, form_url, extra_context)


def _publish(request, article):
    wf.article_publish(article=article, by=request.user)
    return "Published. Readers can now see the article."


def _correct(request, article):
    wf.article_correct(article=article, by=request.user, body=request.POST.get("body", ""))
    return "Correction added; readers see it under the article."


def _retract(request, article):
    wf.article_retract(article=article, by=request.user, reason=request.POST.get("reason", ""))
    return "Article retracted."


_ARTICLE_STEPS = {"publish": _publish, "correct": _correct, "retract": _retract}


def _step_urls(name, pk, steps) -> dict[str, str]:
    return {step: reverse(name, args=[pk, step]) for step in steps}


def _workflow_post(model_admin, request, object_id, step, steps):
    """One workflow button: call its service, say what happened, go back to the page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    handler = steps.get(step)
    if handler is None:
        raise Http404("No such step.")
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404("No such record.")
    if not model_admin.has_view_permission(request, obj):
        raise PermissionDenied
    try:
        done = handler(request, obj)
    except (wf.WorkflowError, ActorMergeError) as error:
        _refused(request, error)
    else:
        messages.success(request, done)
    opts = model_admin.model._meta
    return HttpResponseRedirect(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    )


# ---------------------------------------------------------------- claims


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        people = wf.users_who_can_take_claims().filter(assigned_claims__isnull=False).distinct()
        return [("mine", "Mine"), ("none", "Unassigned")] + [
            (str(user.pk), user.get_username()) for user in people
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "mine":
            return queryset.filter(assignee=request.user)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


class CheckworthinessFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "worthiness"

    def lookups(self, request, model_admin):
        threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
        return [
            ("gate", f"{threshold:.2f} and above (gates publishing)"),
            ("high", "0.80 and above"),
            ("below", f"below {threshold:.2f}"),
        ]

    def queryset(self, request, queryset):
        threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
        return {
            "gate": lambda: queryset.filter(checkworthiness__gte=threshold),
            "high": lambda: queryset.filter(checkworthiness__gte=0.8),
            "below": lambda: queryset.filter(checkworthiness__lt=threshold),
        }.get(self.value(), lambda: queryset)()


class ClaimActionForm(helpers.ActionForm):
    """The changelist's action bar, with whom to assign to for "mark in review"."""

    assignee = forms.ModelChoiceField(
        queryset=None, required=False, label="Assignee", empty_label="(me)"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = wf.users_who_can_take_claims()


class ClaimAdminForm(forms.ModelForm):
    """Carries the version the editor saw, so a stale save is refused, not applied."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Claim
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        try:
            wf.claim_check_version(
                claim=self.instance, expected_version=cleaned.get("expected_version")
            )
        except wf.Conflict as error:
            raise ValidationError(error.message) from None
        return cleaned


def _status_label(value: str) -> str:
    return Claim.Status(value).label if value in Claim.Status.values else value


class ClaimEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The audit trail, newest first; nothing in it can be changed or removed."""

    model = ClaimEvent
    fields = ["created_at", "user", "action", "from_state", "to_state", "comment", "verdict"]
    readonly_fields = fields
    ordering = ["-created_at", "-id"]
    extra = 0
    can_delete = False
    verbose_name = "event"
    verbose_name_plural = "Audit trail (newest first)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    @admin.display(description="from")
    def from_state(self, event):
        return _status_label(event.from_status)

    @admin.display(description="to")
    def to_state(self, event):
        return _status_label(event.to_status)

    @admin.display(description="verdict then")
    def verdict(self, event):
        rating = (event.data or {}).get("rating")
        if not rating:
            return ""
        sources = len((event.data or {}).get("sources") or [])
        return f"{Claim.Rating(rating).label}, {sources} source(s)"


@admin.register(Claim)
class ClaimAdmin(WorkflowStepsMixin, ServiceErrorsMixin, NotesMixin, admin.ModelAdmin):
    own_change_permission = "articles.change_claim"
    note_target = "claim"
    form = ClaimAdminForm
    action_form = ClaimActionForm
    list_display = [
        "short_text",
        "article_title",
        "kind",
        "speaker",
        "checkworthiness",
        "status",
        "rating",
        "assignee",
    ]
    list_display_links = ["short_text"]
    list_filter = [
        "status",
        AssigneeFilter,
        "rating",
        "kind",
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("article", admin.RelatedOnlyFieldListFilter),
        CheckworthinessFilter,
    ]
    list_select_related = ["article", "speaker", "assignee"]
    search_fields = ["text", "quote", "speaker__name", "article__title"]
    ordering = ["-checkworthiness", "article", "start"]
    list_per_page = 50
    autocomplete_fields = ["speaker"]
    readonly_fields = [
        "article",
        "text",
        "quote",
        "start",
        "end",
        "fingerprint",
        "machine_extracted",
        "extractor_version",
        "status",
        "assignee",
        "rating",
        "verdict_summary",
        "sources_list",
        "dismissed_reason",
        "proposed_by",
        "proposed_at",
        "reviewer",
        "reviewed_at",
        "version",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimNoteInline, ClaimEventInline]
    actions = ["assign_to_me", "mark_in_review"]
    change_form_template = "admin/articles/claim/change_form.html"

    def get_fieldsets(self, request, obj=None):
        extraction = ["article", "text", "quote", "kind", "speaker", "checkworthiness", "confirmed"]
        if self.user_may_change_record(request):
            extraction.append("expected_version")
        return [
            ("Claim", {"fields": extraction}),
            (
                "Verdict",
                {
                    "fields": [
                        "status",
                        "assignee",
                        "rating",
                        "verdict_summary",
                        "sources_list",
                        "dismissed_reason",
                        "proposed_by",
                        "proposed_at",
                        "reviewer",
                        "reviewed_at",
                    ]
                },
            ),
            (
                "Advanced",
                {
                    "fields": [
                        "start",
                        "end",
                        "fingerprint",
                        "machine_extracted",
                        "extractor_version",
                        "version",
                        "created_at",
                        "updated_at",
                    ],
                    "classes": ["collapse"],
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return [f for f in readonly if f != "expected_version"]

    def has_add_permission(self, request):
        return False  # claims come from the importer

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a claim would delete its audit trail

    def view_on_site(self, claim):
        if Claim.objects.public().filter(pk=claim.pk).exists():
            return claim.get_absolute_url()
        return None

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body")  # long, unused here

    def has_take_permission(self, request):
        return wf.user_can_take_claims(request.user)

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim):
        return Truncator(str(claim)).chars(90)

    @admin.display(description="article", ordering="article__title")
    def article_title(self, claim):
        return Truncator(claim.article.title).chars(50)

    @admin.display(description="sources")
    def sources_list(self, claim):
        if not claim.sources:
            return "\u2014"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}" rel="noopener noreferrer">{}</a></li>',
                ((s.get("url", ""), s.get("title", "")) for s in claim.sources),
            ),
        )

    def save_model(self, request, obj, form, change):
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in wf.CLAIM_EDITABLE_FIELDS
        }
        if changes:
            wf.claim_update(
                claim=obj,
                by=request.user,
                changes=changes,
                expected_version=form.cleaned_data.get("expected_version"),
            )

    # -- queue actions

    def _assign_each(self, request, queryset, assignee_for):
        done = 0
        for claim in queryset:
            try:
                wf.claim_assign(claim=claim, by=request.user, assignee=assignee_for(claim))
            except wf.WorkflowError as error:
                messages.error(
                    request, f"\u201c{Truncator(str(claim)).chars(50)}\u201d: {error.message}"
                )
            else:
                done += 1
        return done

    @admin.action(description="Assign to me", permissions=["take"])
    def assign_to_me(self, request, queryset):
        done = self._assign_each(request, queryset, lambda claim: request.user)
        if done:
            messages.success(request, f"{done} claim(s) assigned to you.")

    @admin.action(
        description="Mark in review (with the assignee chosen, or me)", permissions=["take"]
    )
    def mark_in_review(self, request, queryset):
        form = self.action_form(request.POST)
        form.fields["action"].choices = self.get_action_choices(request)
        chosen = form.cleaned_data.get("assignee") if form.is_valid() else None
        done = self._assign_each(
            request, queryset, lambda claim: chosen or claim.assignee or request.user
        )
        if done:
            messages.success(request, f"{done} claim(s) marked in review.")

    # -- the claim page's workflow panel

    def workflow_steps(self):
        return _CLAIM_STEPS

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if claim is not None:
            refusals = wf.claim_action_refusals(claim=claim, user=request.user)
            allowed = {step for step, reason in refusals.items() if reason is None}
            similar = wf.claim_similar_verdicts(claim=claim)
            sources = list(claim.sources or [])
            extra_context["workflow"] = {
                "allowed": allowed,
                # Tell an editor why they cannot approve (the two-person rule).
                "approve_refusal": refusals["approve"]
                if claim.status == Claim.Status.PROPOSED and wf.user_can_approve(request.user)
                else None,
                "version": claim.version,
                "ratings": Claim.Rating.choices,
                "source_rows": sources + [{"url": "", "title": ""}] * max(1, 3 - len(sources)),
                "assignable": wf.users_who_can_take_claims() if "assign" in allowed else [],
                "similar": similar,
                "urls": _step_urls("admin:articles_claim_workflow", claim.pk, _CLAIM_STEPS),
            }
        return super().change_view(request, object_id, form_url, extra_context)


def _version(request):
    value = request.POST.get("expected_version", "")
    return int(value) if value.isdigit() else None


def _take(request, claim):
    wf.claim_assign(claim=claim, by=request.user, expected_version=_version(request))
    return "The claim is in review with you."


def _assign(request, claim):
    assignee_id = request.POST.get("assignee", "")
    assignee = (
        get_object_or_404(get_user_model(), pk=assignee_id) if assignee_id.isdigit() else None
    )
    if assignee is None:
        raise wf.InvalidTransition("Choose whom to assign the claim to.")
    wf.claim_assign(
        claim=claim, by=request.user, assignee=assignee, expected_version=_version(request)
    )
    return f"The claim is in review with {assignee.get_username()}."


def _propose(request, claim):
    urls = request.POST.getlist("source_url")
    titles = request.POST.getlist("source_title")
    wf.claim_propose_verdict(
        claim=claim,
        by=request.user,
        rating=request.POST.get("rating", ""),
        summary=request.POST.get("summary", ""),
        sources=[{"url": u, "title": t} for u, t in zip(urls, titles, strict=False)],
        expected_version=_version(request),
    )
    return "Verdict proposed; another person must approve it."


def _approve(request, claim):
    wf.claim_approve(claim=claim, by=request.user, expected_version=_version(request))
    return "Verdict approved."


def _send_back(request, claim):
    wf.claim_send_back(
        claim=claim,
        by=request.user,
        comment=request.POST.get("comment", ""),
        expected_version=_version(request),
    )
    return "Verdict sent back for more work."


def _dismiss(request, claim):
    wf.claim_dismiss(
        claim=claim,
        by=request.user,
        reason=request.POST.get("reason", ""),
        expected_version=_version(request),
    )
    return "Claim dismissed."


def _copy_verdict(request, claim):
    source_id = request.POST.get("source_claim", "")
    source = get_object_or_404(Claim, pk=source_id) if source_id.isdigit() else None
    if source is None:
        raise wf.InvalidTransition("Choose the earlier verdict to copy.")
    wf.claim_copy_verdict(
        claim=claim, source_claim=source, by=request.user, expected_version=_version(request)
    )
    return "Earlier verdict copied as a proposal; another person must approve it."


_CLAIM_STEPS = {
    "take": _take,
    "assign": _assign,
    "propose": _propose,
    "approve": _approve,
    "send_back": _send_back,
    "dismiss": _dismiss,
    "copy_verdict": _copy_verdict,
}


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "claim", "action", "from_status", "to_status", "user"]
    list_filter = ["action", "created_at"]
    list_select_related = ["claim", "user"]
    search_fields = ["comment", "claim__text", "user__username"]
    date_hierarchy = "created_at"


# ---------------------------------------------------------------- notes, corrections, imports


@admin.register(EditorNote)
class EditorNoteAdmin(ServiceErrorsMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every note on the desk; written on their article's or claim's page."""

    list_display = ["short_body", "on", "author", "created_at", "resolved"]
    list_filter = ["resolved", "created_at", ("author", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["author", "article", "claim"]
    search_fields = ["body", "article__title", "claim__text"]
    actions = ["resolve_notes"]

    def has_write_notes_permission(self, request):
        return wf.user_can_write_notes(request.user)

    @admin.display(description="note")
    def short_body(self, note):
        return Truncator(note.body).chars(80)

    @admin.display(description="on")
    def on(self, note):
        target = note.article or note.claim
        opts = target._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a>', url, Truncator(str(target)).chars(60))

    @admin.action(description="Mark selected notes resolved", permissions=["write_notes"])
    def resolve_notes(self, request, queryset):
        done = 0
        for note in queryset.filter(resolved=False):
            wf.note_resolve(note=note, by=request.user)
            done += 1
        messages.success(request, f"{done} note(s) resolved.")


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Corrections are added from the article's page, through the workflow."""

    list_display = ["article", "created_at", "author"]
    list_select_related = ["article", "author"]
    search_fields = ["body", "article__title"]
    date_hierarchy = "created_at"


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "started_at",
        "finished_at",
        "extractor_version",
        "files",
        "created",
        "updated",
        "unchanged",
        "error_count",
    ]
    date_hierarchy = "started_at"

    @admin.display(description="errors")
    def error_count(self, run):
        return len(run.errors or [])


# ---------------------------------------------------------------- actors


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["name", "confirmed"]
    extra = 1


class ActorMentionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ActorMention
    fields = ["article", "count", "offsets"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").defer("article__body")


@admin.register(Actor)
class ActorAdmin(ServiceErrorsMixin, admin.ModelAdmin):
    service_errors = (wf.WorkflowError, ActorMergeError)
    list_display = ["name", "kind", "role", "confirmed", "mention_count", "claim_count"]
    list_filter = ["kind", "confirmed", "machine_extracted"]
    search_fields = ["name", "aliases__name", "role"]
    readonly_fields = [
        "slug",
        "surname_key",
        "machine_extracted",
        "extractor_version",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "kind", "role", "confirmed"]}),
        (
            "Advanced",
            {
                "fields": [
                    "slug",
                    "surname_key",
                    "machine_extracted",
                    "extractor_version",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [ActorAliasInline, ActorMentionInline]
    actions = ["merge_actors", "confirm_actors"]

    def has_add_permission(self, request):
        return False  # actors come from the importer

    def has_merge_permission(self, request):
        return request.user.has_perm("articles.merge_actor")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                mentions_n=Count("mentions", distinct=True),
                claims_n=Count("claims", distinct=True),
            )
        )

    @admin.display(description="articles", ordering="mentions_n")
    def mention_count(self, actor):
        return actor.mentions_n

    @admin.display(description="claims", ordering="claims_n")
    def claim_count(self, actor):
        return actor.claims_n

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            # The rename keeps the old name as an alias (and saves the other edits).
            new_name, obj.name = obj.name, form.initial["name"]
            actor_rename(actor=obj, name=new_name, by=request.user)
        else:
            obj.save()
            if change and "kind" in form.changed_data:
                actors_touch([obj.pk])  # the kind shows on its articles and claims
        if "confirmed" in form.changed_data and obj.confirmed:
            actor_confirm(actor=obj, by=request.user)

    @admin.action(
        description="Confirm selected actors (name, kind and aliases checked)",
        permissions=["change"],
    )
    def confirm_actors(self, request, queryset):
        actors = list(queryset)
        for actor in actors:
            actor_confirm(actor=actor, by=request.user)
        messages.success(request, f"{len(actors)} actor(s) confirmed.")

    @admin.action(description="Merge selected actors into one", permissions=["merge"])
    def merge_actors(self, request, queryset):
        actors = list(queryset.order_by("name"))
        if len(actors) < 2:
            messages.error(request, "Select at least two actors to merge.")
            return None
        if "survivor" in request.POST:
            survivor = next((a for a in actors if str(a.pk) == request.POST["survivor"]), None)
            if survivor is None:
                messages.error(request, "Choose which actor to keep.")
                return None
            merged = 0
            for actor in actors:
                if actor.pk == survivor.pk:
                    continue
                try:
                    actor_merge(survivor=survivor, merged=actor, by=request.user)
                except ActorMergeError as error:
                    _refused(request, error)
                else:
                    merged += 1
            if merged:
                messages.success(request, f"Merged {merged} actor(s) into {survivor}.")
            return None
        return TemplateResponse(
            request,
            "admin/articles/actor/merge_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge actors",
                "opts": self.model._meta,
                "actors": actors,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "confirmed"]
    list_filter = ["confirmed"]
    list_select_related = ["actor"]
    search_fields = ["name", "actor__name"]
    readonly_fields = ["key"]
    autocomplete_fields = ["actor"]


@admin.register(ActorMention)
class ActorMentionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Where actors are named: derived from the text, so never edited by hand."""

    list_display = ["actor", "article", "count"]
    list_select_related = ["actor", "article"]
    search_fields = ["actor__name", "article__title"]
