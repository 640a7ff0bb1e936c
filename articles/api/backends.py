"""The API's filter backend."""

from django_filters.rest_framework import DjangoFilterBackend

# Query parameters that page or format a list but never filter it.
NOT_FILTERS = frozenset({"page", "page_size", "format"})


class FilterBackend(DjangoFilterBackend):
    """django-filter, skipped when the query string holds no filter at all.

    A filter set with no data filters nothing (every filter is optional and
    none has a default), but building and validating its form costs more than
    the rest of an unfiltered list page's Python; unfiltered lists are the
    most requested ones."""

    def filter_queryset(self, request, queryset, view):
        if request.query_params.keys() <= NOT_FILTERS:
            return queryset
        return super().filter_queryset(request, queryset, view)
