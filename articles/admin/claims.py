"""Claims: the queue and every workflow step on one claim."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from ..extraction import checkworthiness
from ..models import (
    Claim,
    ClaimEvent,
)
from ..services import workflow as wf
from .bulk import BulkTriageMixin
from .filters import ArticleFilter, DeskListFilter, SpeakerFilter
from .queue import ClaimQueueMixin
from .record import VerdictVersionInline, sources_html
from .shared import (
    ARTICLE_TEXT,
    ClaimNoteInline,
    NotesMixin,
    ReadOnlyAdminMixin,
    ServiceErrorsMixin,
    WorkflowStepsMixin,
    step_urls,
)

# ---------------------------------------------------------------- claims


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        # Exists, not a join: joining every claim to find the few assignees
        # read 300,000 rows at scale (0.6 s a page).
        people = wf.users_who_can_take_claims().filter(
            Exists(Claim.objects.filter(assignee=OuterRef("pk")))
        )
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
    reason = forms.CharField(
        required=False, label="Reason", max_length=500, widget=forms.TextInput(attrs={"size": 18})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = wf.users_who_can_take_claims()


class ClaimAdminForm(forms.ModelForm):
    """Carries the version the editor saw, so a stale save is refused, not applied."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Reason for lowering",
        help_text="Needed to lower an open claim below the publish gate; a second editor "
        "must then confirm it before the article can be published.",
    )

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
        if self.instance.pk and "checkworthiness" in self.changed_data:
            # Refused here, with every field as typed, rather than after the save.
            changes = {"checkworthiness": cleaned.get("checkworthiness")}
            try:
                wf.claim_gate_change(
                    self.instance, changes, by=None, reason=cleaned.get("change_reason", "")
                )
            except wf.InvalidTransition as error:
                self.add_error("change_reason", error.message)
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
        data = event.data or {}
        shown = data.get("revision") or {
            "rating": data.get("rating"),
            "summary": data.get("verdict_summary", ""),
            "sources": data.get("sources") or [],
        }
        if not shown.get("rating"):
            return ""
        label = Claim.Rating(shown["rating"]).label
        return format_html(
            "<strong>{}</strong>{}: {}{}",
            label,
            " (revision)" if "revision" in data else "",
            Truncator(shown.get("summary", "")).chars(300),
            format_html_join(
                "", "<br>\u2022 {} ({})", ((s["title"], s["url"]) for s in shown["sources"])
            ),
        )


@admin.register(Claim)
class ClaimAdmin(
    WorkflowStepsMixin,
    ServiceErrorsMixin,
    NotesMixin,
    ClaimQueueMixin,
    BulkTriageMixin,
    admin.ModelAdmin,
):
    own_change_permission = "articles.change_claim"
    note_target = "claim"
    form = ClaimAdminForm
    action_form = ClaimActionForm
    list_display = ["short_text", "speaker", "worth", "status_rating", "assignee", "article_title"]
    list_display_links = ["short_text"]
    list_filter = [
        DeskListFilter,
        "status",
        AssigneeFilter,
        CheckworthinessFilter,
        "rating",
        "kind",
        SpeakerFilter,
        ArticleFilter,
    ]
    list_select_related = ["article", "speaker", "assignee"]
    search_fields = ["text", "quote", "speaker__name", "article__title"]
    ordering = ["-checkworthiness", "article", "start"]
    list_per_page = 50
    # One count per page, not two: counting every claim again for "(N total)"
    # cost as much as the page itself at 300,000 claims.
    show_full_result_count = False
    autocomplete_fields = ["speaker"]
    readonly_fields = [
        "checkworthiness_why",
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
    inlines = [ClaimNoteInline, VerdictVersionInline, ClaimEventInline]
    actions = ["assign_to_me", "mark_in_review", "bulk_dismiss"]
    change_form_template = "admin/articles/claim/change_form.html"

    def get_fieldsets(self, request, obj=None):
        extraction = [
            "article",
            "text",
            "quote",
            "kind",
            "speaker",
            "checkworthiness",
            "checkworthiness_why",
            "confirmed",
        ]
        if self.user_may_change_record(request):
            extraction += ["change_reason", "expected_version"]
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
        return [f for f in readonly if f not in ("expected_version", "change_reason")]

    def has_add_permission(self, request):
        return False  # claims come from the importer

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a claim would delete its audit trail

    def view_on_site(self, claim):
        if Claim.objects.public().filter(pk=claim.pk).exists():
            return claim.get_absolute_url()
        return None

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*ARTICLE_TEXT)  # long, unused here

    def has_take_permission(self, request):
        return wf.user_can_take_claims(request.user)

    @admin.display(description="why check-worthy")
    def checkworthiness_why(self, claim):
        """What in its words makes the claim worth checking, as the extractor scores it."""
        speaker = claim.speaker.name if claim.speaker_id else None
        value, reasons = checkworthiness.score(claim.quote or claim.text, claim.kind, speaker)
        if not reasons:
            return f"nothing in particular (base score for a {claim.get_kind_display().lower()})"
        return f"{', '.join(reasons)} (scores {value:.2f} as extracted)"

    @admin.display(description="sources")
    def sources_list(self, claim):
        return sources_html(claim.sources)

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
                reason=form.cleaned_data.get("change_reason", ""),
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
            pending = wf.pending_verdict(claim)
            draft = pending or claim  # a reopened verdict is revised on its pending version
            sources = list((pending.sources if pending else claim.sources) or [])
            extra_context["workflow"] = {
                "allowed": allowed,
                # Tell an editor why they cannot approve (the two-person rule).
                "approve_refusal": refusals["approve"]
                if (claim.status == Claim.Status.PROPOSED or (pending and pending.proposed_at))
                and wf.user_can_approve(request.user)
                else None,
                "version": claim.version,
                "ratings": Claim.Rating.choices,
                "source_rows": sources + [{"url": "", "title": ""}] * max(1, 3 - len(sources)),
                "assignable": wf.users_who_can_take_claims() if "assign" in allowed else [],
                "similar": similar,
                "pending": pending,
                "draft_rating": draft.rating,
                "draft_summary": pending.summary if pending else claim.verdict_summary,
                "urls": step_urls("admin:articles_claim_workflow", claim.pk, _CLAIM_STEPS),
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


def _reopen(request, claim):
    wf.claim_reopen(
        claim=claim,
        by=request.user,
        reason=request.POST.get("reason", ""),
        expected_version=_version(request),
    )
    return "Verdict reopened. Readers keep the approved verdict until the revision is approved."


def _confirm_lowering(request, claim):
    wf.claim_confirm_lowering(claim=claim, by=request.user, expected_version=_version(request))
    return "Lowering confirmed: the claim no longer blocks publication."


_CLAIM_STEPS = {
    "reopen": _reopen,
    "confirm_lowering": _confirm_lowering,
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

    def get_queryset(self, request):
        return super().get_queryset(request).defer("claim__search_document")
