"""``GET /api/v1/``: where everything is, for a consumer starting from the root."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

# Each link of the root, and the route it points at.
LINKS = {
    "articles": "api:article-list",
    "claims": "api:claim-list",
    "actors": "api:actor-list",
    "token": "api:token",
    "schema": "api:schema",
    "docs": "api:docs",
}


class RootSerializer(serializers.Serializer):
    articles = serializers.URLField(help_text="Published articles (and drafts, for the desk).")
    claims = serializers.URLField(help_text="Claims with their verdicts.")
    actors = serializers.URLField(help_text="People, organisations and countries named.")
    token = serializers.URLField(help_text="Exchange a login for an API token.")
    schema = serializers.URLField(help_text="This API's OpenAPI 3 schema.")
    docs = serializers.URLField(help_text="The schema as browsable documentation.")


class RootView(APIView):
    """The API's entry point: a link to each resource, the schema and its docs."""

    permission_classes = [AllowAny]

    @extend_schema(summary="Where everything is", responses=RootSerializer)
    def get(self, request):
        return Response(
            {name: request.build_absolute_uri(reverse(route)) for name, route in LINKS.items()}
        )
