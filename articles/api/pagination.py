"""Page-number paging with a bounded, client-chosen page size."""

from functools import partial

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination


class CountedPaginator(Paginator):
    """A paginator that is told its count when the caller has it already."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # fills the cached property: no COUNT query


class StandardPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    # Set by a view that has counted the rows (with its conditional-GET state).
    known_count: int | None = None

    @property
    def django_paginator_class(self):
        return partial(CountedPaginator, count=self.known_count)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                # A larger size is served at the maximum, a smaller one at the default.
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = (
                    f"Results per page: {self.page_size} unless given, "
                    f"{self.max_page_size} at most."
                )
        return parameters
