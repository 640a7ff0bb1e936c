"""Records editors read but never edit: notes, corrections (ingest jobs: ``ingest.py``)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from ..models import (
    Correction,
    EditorNote,
)
from ..services import workflow as wf
from .shared import (
    ARTICLE_TEXT,
    ReadOnlyAdminMixin,
    ServiceErrorsMixin,
)

# ---------------------------------------------------------------- notes, corrections


@admin.register(EditorNote)
class EditorNoteAdmin(ServiceErrorsMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every note on the desk; written on their article's or claim's page."""

    list_display = ["short_body", "on", "author", "created_at", "resolved"]
    list_filter = ["resolved", "created_at", ("author", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["author", "article", "claim"]
    search_fields = ["body", "article__title", "claim__text"]
    actions = ["resolve_notes"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*ARTICLE_TEXT, "claim__search_document")

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

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*ARTICLE_TEXT)

