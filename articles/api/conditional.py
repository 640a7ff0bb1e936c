"""Conditional GET: ``ETag`` and ``Last-Modified`` on every read, and ``304 Not
Modified`` when the client already holds the current representation.

The ETag is a hash of the representation itself (a list page or one object),
so it changes exactly when what the client would receive changes; the
Last-Modified time is the newest timestamp the representation depends on.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

# The headers a read's representation depends on: staff see more than others.
VARY = ("Authorization", "Cookie")


class Validators:
    """An ETag and a Last-Modified time for one representation."""

    def __init__(self, etag: str, last_modified: datetime | None):
        self.etag = etag
        self.last_modified = last_modified

    @classmethod
    def from_data(cls, data, *timestamps: datetime | None) -> Validators:
        """A strong ETag over the representation itself."""
        digest = hashlib.sha256(
            json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True).encode()
        ).hexdigest()[:32]
        return cls(f'"{digest}"', max((t for t in timestamps if t), default=None))

    @property
    def timestamp(self) -> int | None:
        return int(self.last_modified.timestamp()) if self.last_modified else None

    def not_modified(self, request):
        """``304`` (or ``412``) if the request's conditions say so, else None."""
        response = get_conditional_response(request, etag=self.etag, last_modified=self.timestamp)
        if response is not None:
            self.stamp(response)
        return response

    def stamp(self, response):
        response.headers["ETag"] = self.etag
        if self.last_modified:
            response.headers["Last-Modified"] = http_date(self.timestamp)
        patch_vary_headers(response, VARY)
        return response
