"""The project's routes plus the bench's baseline views, for in-process timings.

Bench subprocesses switch ``ROOT_URLCONF`` to this module; the project itself
never routes to ``bench``.
"""

from django.urls import path

from newsroom.urls import handler404, handler500
from newsroom.urls import urlpatterns as project_urlpatterns

from . import baselines

urlpatterns = [
    path("__bench__/articles/", baselines.article_list),
    path("__bench__/articles/<slug:slug>/", baselines.article_detail),
    path("__bench__/noop/", baselines.noop),
    *project_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
