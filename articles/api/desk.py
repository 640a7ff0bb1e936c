"""``GET /api/v1/desk/``: the desk dashboard's counts, for tools that sit
beside the admin. The numbers come from ``articles.desk.desk_counts``, the
selector the dashboard reads, with a link to the admin list each one counts."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import desk
from . import schema
from .permissions import IsDeskStaff

_ADMIN_LINKS = {
    **{name: ("admin:articles_claim_changelist", {"desk": name}) for name in desk.CLAIM_LISTS},
    "unassigned_gate": (
        "admin:articles_claim_changelist",
        {"desk": "unassigned", "worthiness": "gate"},
    ),
    **{name: ("admin:articles_article_changelist", {"gate": name}) for name in desk.ARTICLE_LISTS},
    "recheck": ("admin:articles_article_changelist", {"recheck": "yes"}),
    "unread": ("admin:articles_notification_changelist", {"read__exact": "0"}),
}


class DeskLinksSerializer(serializers.Serializer):
    mine = serializers.CharField()
    review = serializers.CharField()
    sent_back = serializers.CharField()
    unassigned = serializers.CharField()
    unassigned_gate = serializers.CharField()
    blocked = serializers.CharField()
    ready = serializers.CharField()
    recheck = serializers.CharField()
    unread = serializers.CharField()


class DeskSerializer(serializers.Serializer):
    mine = serializers.IntegerField(help_text="Claims in review with you.")
    review = serializers.IntegerField(
        help_text="Proposed verdicts waiting for review, other than your own."
    )
    sent_back = serializers.IntegerField(help_text="Your claims an editor sent back.")
    unassigned = serializers.IntegerField(help_text="New claims nobody has taken.")
    unassigned_gate = serializers.IntegerField(
        help_text="Of those, the ones at or above the publish threshold."
    )
    blocked = serializers.IntegerField(
        help_text="Unpublished articles held back by unresolved check-worthy claims."
    )
    ready = serializers.IntegerField(help_text="Unpublished articles the gate lets through.")
    recheck = serializers.IntegerField(
        help_text="Published articles whose changed text brought claims to check."
    )
    unread = serializers.IntegerField(help_text="Your unread notifications.")
    links = DeskLinksSerializer(help_text="The admin list each count counts.")


@extend_schema(
    summary="Your desk's work, counted",
    description="The desk dashboard's counts for the caller (a member of the desk), "
    "each with the admin list it counts.",
    responses={
        200: DeskSerializer,
        401: schema.UNAUTHENTICATED,
        403: schema._error("Not a member of the desk."),
        429: schema.THROTTLED,
    },
)
class DeskView(APIView):
    permission_classes = [IsDeskStaff]

    def get(self, request):
        counts = desk.desk_counts(request.user).as_dict()
        links = {
            name: request.build_absolute_uri(reverse(url) + "?" + urlencode(query))
            for name, (url, query) in _ADMIN_LINKS.items()
        }
        return Response(DeskSerializer({**counts, "links": links}).data)
