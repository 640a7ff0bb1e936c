"""List filters the desk's lists share: the dashboard's lists as queue filters,
the publish gate on articles, and filters that search instead of listing
hundreds of speakers or articles."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from .. import desk
from ..models import Actor, Article


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


class SearchingListFilter(admin.SimpleListFilter):
    """A filter with a search box: it lists the few records matching what was
    typed (or the busiest few), never the hundreds a plain related filter
    would. ``?<parameter_name>=<id>`` filters; ``?<parameter_name>_q=`` searches."""

    template = "admin/articles/searching_filter.html"
    shown = 8
    model = None
    search_field = "name"
    related_name = ""

    def __init__(self, request, params, model, model_admin):
        self.search_parameter = f"{self.parameter_name}_q"
        term = params.pop(self.search_parameter, [""])
        self.term = (term[-1] if isinstance(term, list) else term).strip()[:100]
        super().__init__(request, params, model, model_admin)

    def expected_parameters(self):
        return [self.parameter_name, self.search_parameter]

    def has_output(self):
        return True

    def lookups(self, request, model_admin):
        records = self.model.objects.all()
        if self.term:
            records = records.filter(**{f"{self.search_field}__icontains": self.term})
        # Grouped by id and label only: never the row's other columns (an article's body).
        records = (
            records.values("pk", self.search_field)
            .annotate(n=Count(self.related_name))
            .filter(n__gt=0)
            .order_by("-n", self.search_field)
            .values_list("pk", self.search_field, "n")[: self.shown]
        )
        found = [(str(pk), f"{label} ({n})") for pk, label, n in records]
        current = self.value()
        if current and current.isdigit() and current not in {pk for pk, _ in found}:
            record = self.model.objects.filter(pk=current).values_list(self.search_field).first()
            if record:
                found.insert(0, (current, record[0]))
        return found

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.parameter_name}_id": int(value)})
        return queryset

    def choices(self, changelist):
        yield {
            "search": True,
            "name": self.search_parameter,
            "term": self.term,
            "hidden": [
                (key, value)
                for key, value in changelist.params.items()
                if key not in (self.search_parameter, self.parameter_name)
            ],
        }
        for choice in super().choices(changelist):
            if choice.get("query_string"):
                yield choice


class SpeakerFilter(SearchingListFilter):
    title = "speaker"
    parameter_name = "speaker"
    model = Actor
    related_name = "claims"


class ArticleFilter(SearchingListFilter):
    title = "article"
    parameter_name = "article"
    model = Article
    search_field = "title"
    related_name = "claims"
