"""Bringing news in: the import page (URLs, uploads, pasted text), the jobs
with their progress and failures, and the feeds the desk follows.

Thin: the form's input becomes ``ItemSpec``s for ``ingest_job_start`` and
the feed's "poll now" hands the feed to a worker; every rule lives in
``articles.ingest``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from ..ingest.jobs import ItemSpec, ingest_job_start, user_can_ingest
from ..models import Feed, ImportItem, ImportRun
from ..services.imports import SourceRejected, source_decode
from .shared import ReadOnlyAdminMixin

UPLOAD_SUFFIXES = (".txt", ".html", ".htm")

# ---------------------------------------------------------------- the import page


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class IngestForm(forms.Form):
    urls = forms.CharField(
        label="URLs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "https://…  (one per line)"}),
        help_text="Article pages, one per line: fetched, and the story extracted from each.",
    )
    files = MultipleFileField(
        required=False,
        help_text="News texts (.txt: headline, blank line, body) or saved pages (.html).",
    )
    text = forms.CharField(
        label="Pasted text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One story: headline on the first line, a blank line, then the body.",
    )

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        bad = [u for u in urls if not u.startswith(("http://", "https://"))]
        if bad:
            raise forms.ValidationError(f"Not an http or https URL: {', '.join(bad)}")
        return urls

    def clean(self):
        data = super().clean()
        if not (data.get("urls") or data.get("files") or (data.get("text") or "").strip()):
            raise forms.ValidationError("Give at least one URL, file or text.")
        return data

    def jobs(self) -> list[tuple[str, list[ItemSpec]]]:
        """One job per door used: (kind, its items)."""
        data, jobs = self.cleaned_data, []
        if data["urls"]:
            jobs.append((ImportRun.Kind.URL, [ItemSpec(source=u) for u in data["urls"]]))
        if data["files"]:
            jobs.append((ImportRun.Kind.UPLOAD, [_upload_item(f) for f in data["files"]]))
        if data["text"].strip():
            spec = ItemSpec(
                source="pasted text", format=ImportItem.Format.TEXT, payload=data["text"]
            )
            jobs.append((ImportRun.Kind.PASTE, [spec]))
        return jobs


def _upload_item(upload) -> ItemSpec:
    """An uploaded file as an item; one that is not news text is marked bad here."""
    name = upload.name
    html = name.lower().endswith((".html", ".htm"))
    fmt = ImportItem.Format.HTML if html else ImportItem.Format.TEXT
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        return ItemSpec(source=name, format=fmt, error="only .txt and .html files are imported")
    try:
        if upload.size > _max_bytes():
            raise SourceRejected(name, f"too large: {upload.size:,} bytes")
        text = source_decode(upload.read(), path=name)
    except SourceRejected as exc:
        return ItemSpec(source=name, format=fmt, error=exc.reason)
    return ItemSpec(source=name, format=fmt, payload=text)


def _max_bytes() -> int:
    from django.conf import settings

    return settings.NEWSROOM_MAX_IMPORT_BYTES


# ---------------------------------------------------------------- jobs


class ImportItemInline(admin.TabularInline):
    model = ImportItem
    fields = ["position", "source", "status", "reason", "article_link", "attempts"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff  # whoever sees the job

    @admin.display(description="article")
    def article_link(self, item):
        if item.article is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[item.article.pk])
        return format_html('<a href="{}">{}</a>', url, Truncator(item.article.title).chars(60))


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every ingest job, running or done, with what it wrote and what failed."""

    list_display = [
        "started_at",
        "kind",
        "progress",
        "created",
        "updated",
        "unchanged",
        "failed",
        "feed",
        "created_by",
        "finished_at",
    ]
    list_filter = ["kind", ("feed", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["feed", "created_by"]
    date_hierarchy = "started_at"
    fields = [
        "kind",
        "progress",
        "started_at",
        "finished_at",
        "created",
        "updated",
        "unchanged",
        "failed",
        "failures",
        "feed",
        "created_by",
        "extractor_version",
    ]
    readonly_fields = fields
    inlines = [ImportItemInline]
    change_form_template = "admin/articles/importrun/change_form.html"
    change_list_template = "admin/articles/importrun/change_list.html"

    @admin.display(description="progress")
    def progress(self, run):
        state = "running" if run.is_running else "finished"
        return format_html(
            '<span class="ingest-progress" data-state="{}">{}</span>',
            state,
            f"{run.done} of {run.files} done, {run.failed} failed ({state})",
        )

    @admin.display(description="failures")
    def failures(self, run):
        rows = [(e.get("path", ""), e.get("reason", "")) for e in run.errors or []]
        rows += list(
            run.items.filter(status=ImportItem.Status.FAILED)
            .exclude(source__in=[path for path, _ in rows])
            .values_list("source", "reason")
        )
        if not rows:
            return "—"
        return format_html(
            '<ul class="ingest-failures">{}</ul>',
            format_html_join("", "<li><code>{}</code>: {}</li>", rows),
        )

    def get_urls(self):
        ingest = self.admin_site.admin_view(self.ingest_view)
        return [path("import/", ingest, name="articles_importrun_ingest"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_ingest": user_can_ingest(request.user)}
        return super().changelist_view(request, extra_context)

    def ingest_view(self, request):
        """The import page: URLs, uploads and pasted text, each a job."""
        if not user_can_ingest(request.user):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            runs = [
                ingest_job_start(kind=kind, items=items, by=request.user)
                for kind, items in form.jobs()
            ]
            for run in runs:
                messages.success(
                    request,
                    f"{run.get_kind_display()}: {run.files} item(s), {run.done} done, "
                    f"{run.failed} failed{' so far' if run.is_running else ''}.",
                )
            if len(runs) == 1:
                return redirect("admin:articles_importrun_change", runs[0].pk)
            return redirect("admin:articles_importrun_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import news",
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/importrun/ingest.html", context)


# ---------------------------------------------------------------- feeds


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """The feeds the workers poll; a failing one is flagged with its error."""

    list_display = [
        "__str__",
        "active",
        "health",
        "poll_interval",
        "last_polled_at",
        "next_poll_at",
        "polls",
        "entries_seen",
    ]
    list_filter = ["active"]
    search_fields = ["url", "title"]
    # What polling keeps up to date: shown, never edited.
    readonly_fields = [
        "health",
        "last_polled_at",
        "last_success_at",
        "next_poll_at",
        "failures",
        "last_error",
        "polls",
        "entries_seen",
        "etag",
        "last_modified",
    ]
    fields = ["url", "title", "active", "poll_interval", *readonly_fields]
    actions = ["poll_now"]

    # Editors manage feeds; everyone on the desk may look.
    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return user_can_ingest(request.user)

    def has_change_permission(self, request, obj=None):
        return user_can_ingest(request.user)

    def has_delete_permission(self, request, obj=None):
        return user_can_ingest(request.user)

    def has_poll_permission(self, request):
        return user_can_ingest(request.user)

    @admin.display(description="health")
    def health(self, feed):
        if not feed.is_failing:
            return "ok" if feed.last_success_at else "not polled yet"
        return format_html(
            '<strong class="feed-failing">failing ({} in a row): {}</strong>',
            feed.failures,
            Truncator(feed.last_error).chars(120),
        )

    @admin.action(description="Poll the selected feeds now", permissions=["poll"])
    def poll_now(self, request, queryset):
        from ..ingest.tasks import feed_poll

        feeds = list(queryset.filter(active=True))
        for feed in feeds:
            feed_poll.delay(feed.pk)
        messages.success(request, f"{len(feeds)} feed(s) handed to the workers.")
