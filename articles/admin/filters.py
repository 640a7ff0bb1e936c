"""List filters the desk's lists share: the dashboard's lists as queue filters,
the publish gate on articles, and filters that search (autocomplete) instead
of listing hundreds of speakers or articles."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from .. import desk


class DeskListFilter(admin.SimpleListFilter):
    """The dashboard's claim lists (``articles.desk``), as the queue's filter."""

    title = "my desk"
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return list(desk.CLAIM_LISTS.items())

    def queryset(self, request, queryset):
        if self.value() in desk.CLAIM_LISTS:
            return queryset.filter(desk.claim_list_q(self.value(), request.user))
        return queryset


class GateFilter(admin.SimpleListFilter):
    """Unpublished articles the publish gate holds back or lets through."""

    title = "publish gate"
    parameter_name = "gate"

    def lookups(self, request, model_admin):
        return [
            ("blocked", "Blocked by the gate"),
            ("ready", "Ready to publish"),
        ]

    def queryset(self, request, queryset):
        if self.value() in desk.ARTICLE_LISTS:
            ids = desk.article_list(self.value()).values("pk")
            return queryset.filter(pk__in=ids)
        return queryset


class AutocompleteListFilter(admin.SimpleListFilter):
    """A filter that searches: the admin's own autocomplete box (select2 over
    ``AdminSite.autocomplete_view`` and the related admin's ``search_fields``)
    instead of a list of hundreds. ``?<parameter_name>=<id>`` filters; the
    choice is shown again when the filtered page loads, and kept through
    workflow steps with the queue's other filters (``_changelist_filters``).

    ``static/js/desk-filters.js`` reloads the list when a choice is made.
    """

    template = "admin/articles/autocomplete_filter.html"
    field_name = ""  # the claim's foreign key the filter searches through
    label_field = ""  # the one column the chosen record's label needs

    def __init__(self, request, params, model, model_admin):
        # The search box this filter replaced put ``<name>_q`` in bookmarks;
        # it only narrowed the sidebar, so it is dropped, never an error.
        params.pop(f"{self.parameter_name}_q", None)
        self.field = model._meta.get_field(self.field_name)
        self.admin_site = model_admin.admin_site
        super().__init__(request, params, model, model_admin)

    def has_output(self):
        return True

    def lookups(self, request, model_admin):
        return []  # the choices come from the autocomplete view as one types

    def _chosen(self) -> int | None:
        value = self.value()
        return int(value) if value and value.isdigit() else None

    def queryset(self, request, queryset):
        chosen = self._chosen()
        if chosen is not None:
            return queryset.filter(**{self.field.attname: chosen})
        return queryset

    def choices(self, changelist):
        related = self.field.related_model
        box = forms.ModelChoiceField(
            queryset=related._default_manager.only("pk", self.label_field),
            required=False,
            widget=AutocompleteSelect(
                self.field,
                self.admin_site,
                attrs={
                    "id": f"filter-{self.parameter_name}",
                    "class": "desk-autocomplete-filter",
                    "data-parameter": self.parameter_name,
                    "aria-label": f"Find a {self.title}",
                    "style": "width: 100%",
                },
            ),
        )
        yield {
            "widget": box.widget.render(self.parameter_name, self._chosen()),
            "selected": self._chosen() is not None,
            "all_url": changelist.get_query_string(remove=[self.parameter_name, "p"]),
        }


class SpeakerFilter(AutocompleteListFilter):
    title = "speaker"
    parameter_name = "speaker"
    field_name = "speaker"
    label_field = "name"


class ArticleFilter(AutocompleteListFilter):
    title = "article"
    parameter_name = "article"
    field_name = "article"
    label_field = "title"
