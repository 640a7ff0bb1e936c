"""Pieces every desk area shares: service errors as messages, workflow buttons,
read-only inlines and editor notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse

from ..models import (
    EditorNote,
)
from ..services import workflow as wf
from ..services.actors import (
    ActorMergeError,
)

# ---------------------------------------------------------------- shared pieces


def refused(request, error) -> None:
    messages.error(request, getattr(error, "message", None) or str(error))


class ServiceErrorsMixin:
    """A refused service call ends as a message on the page, never a 500."""

    service_errors = (wf.WorkflowError,)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except self.service_errors as error:  # raised by a save; its transaction rolled back
            refused(request, error)
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

    def clean_body(self):
        body = self.cleaned_data["body"]
        if self.instance.pk is None:
            try:
                wf.note_check_body(body)  # refused here, with the page as typed
            except wf.WorkflowError as error:
                raise forms.ValidationError(error.message) from None
        return body


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


# ---------------------------------------------------------------- kept input

TYPED_KEY = "desk-typed-{model}-{pk}"
NOT_KEPT = ("csrfmiddlewaretoken", "expected_version")


@dataclass
class TypedInput:
    """What was typed into a workflow step the service refused, kept in the
    session across the redirect so the page can show it again."""

    step: str = ""
    fields: dict[str, list[str]] = field(default_factory=dict)

    def value(self, step: str, name: str, default=""):
        """The last value typed into ``name`` if ``step`` was the refused one."""
        values = self.fields.get(name) if step == self.step else None
        return values[-1] if values else default

    def unsaved(self, offered, labels: dict[str, str]) -> list[tuple[str, str]]:
        """(label, text) of what was typed, when the refused step is no longer
        offered on the page (the record moved on meanwhile): the only place
        that text is still shown, for the person to copy."""
        if not self.step or self.step in offered:
            return []
        return [
            (labels[name], text)
            for name, values in self.fields.items()
            if name in labels
            for text in values
            if text.strip()
        ]


def keep_typed_input(request, model_name: str, pk, step: str) -> None:
    """Called when a workflow step is refused: keep what was typed for the page."""
    request.session[TYPED_KEY.format(model=model_name, pk=pk)] = {
        "step": step,
        "fields": {key: request.POST.getlist(key) for key in request.POST if key not in NOT_KEPT},
    }


def typed_input(request, model_name: str, pk) -> TypedInput:
    """What ``keep_typed_input`` kept for this record (once: the next load is clean)."""
    kept = request.session.pop(TYPED_KEY.format(model=model_name, pk=pk), None) or {}
    return TypedInput(step=kept.get("step", ""), fields=kept.get("fields", {}))


def step_urls(name, pk, steps) -> dict[str, str]:
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
    opts = model_admin.model._meta
    try:
        done = handler(request, obj)
    except (wf.WorkflowError, ActorMergeError) as error:
        refused(request, error)
        keep_typed_input(request, opts.model_name, obj.pk, step)
    else:
        messages.success(request, done)
    # Back to the page with the queue's filter kept, for "next claim".
    preserved = {"preserved_filters": model_admin.get_preserved_filters(request), "opts": opts}
    return HttpResponseRedirect(
        add_preserved_filters(
            preserved, reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
    )


# ---------------------------------------------------------------- list costs

# What a list never shows of the article a row points at: its whole text and
# its search document (a list joining 100 rows to a 5 MB article read 500 MB).
ARTICLE_TEXT = ("article__body", "article__search_document")


def related_count(rows, *, to: str):
    """How many of ``rows`` point at each listed object (through the foreign
    key ``to``), as a correlated subquery: a join and GROUP BY instead makes
    every other per-row subquery run once per joined row, and two counted
    relations multiply (quadratic in an article's claims)."""
    counted = rows.filter(**{to: OuterRef("pk")}).order_by().values(to)
    counted = counted.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class ArticleListFilter(admin.RelatedOnlyFieldListFilter):
    """Filter by article, listing titles only (not each article's text)."""

    def field_choices(self, field, request, model_admin):
        listed = model_admin.get_queryset(request).values_list(f"{field.name}__pk", flat=True)
        articles = field.related_model.objects.filter(pk__in=listed).only("pk", "title")
        return [(article.pk, str(article)) for article in articles.order_by("title")]
