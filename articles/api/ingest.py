"""``POST /api/v1/ingest/``: the wire's door, and ``GET`` on a job's progress.

Thin: the body goes to ``articles.ingest.jobs.ingest_document``, which checks
it and starts a job. With no broker the job is done when the answer is sent
(201 with the article; 200 if it was already there); with workers it answers
202 and the job's URL, to poll.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from ..ingest.jobs import ingest_document, user_can_ingest
from ..ingest.ninjs import DocumentInvalid
from ..models import ImportItem, ImportRun
from .permissions import IsDeskStaff

REFUSALS = {
    401: OpenApiResponse(description="No credentials."),
    403: OpenApiResponse(description="Not an editor."),
}
NOT_FOUND = OpenApiResponse(description="No such job.")


class IsEditor(IsDeskStaff):
    message = "Only editors may ingest news."

    def has_permission(self, request, view):
        return super().has_permission(request, view) and user_can_ingest(request.user)


class IngestItemSerializer(serializers.ModelSerializer):
    article = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ImportItem
        fields = ["source", "status", "reason", "article"]
        read_only_fields = fields


class IngestJobSerializer(serializers.ModelSerializer):
    total = serializers.IntegerField(source="files", read_only=True)
    done = serializers.IntegerField(read_only=True)
    running = serializers.BooleanField(source="is_running", read_only=True)
    items = IngestItemSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = ImportRun
        fields = [
            "id", "kind", "running", "total", "done", "created", "updated", "unchanged",
            "failed", "errors", "started_at", "finished_at", "items", "url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_url(self, run) -> str:
        return reverse("api:ingest-job", args=[run.pk], request=self.context.get("request"))


class IngestView(APIView):
    permission_classes = [IsEditor]

    @extend_schema(
        request={"application/json": {"type": "object"}},
        responses={
            201: IngestJobSerializer,
            200: IngestJobSerializer,
            202: IngestJobSerializer,
            400: OpenApiResponse(description="A bad document; `detail` names the field."),
            **REFUSALS,
        },
        description='Import a ninjs 1.x/2.x document, `{"url": ...}` or `{"text": ...}`.',
    )
    def post(self, request):
        try:
            run = ingest_document(document=request.data, by=request.user)
        except DocumentInvalid as exc:
            raise exceptions.ValidationError({exc.field: [exc.reason]}) from None
        data = IngestJobSerializer(run, context={"request": request}).data
        if run.is_running:
            return Response(data, status=status.HTTP_202_ACCEPTED)
        if run.failed:
            reasons = "; ".join(f"{i['source']}: {i['reason']}" for i in data["items"])
            return Response(
                {"detail": reasons, "code": "rejected", "job": data},
                status=status.HTTP_400_BAD_REQUEST,
            )
        created = status.HTTP_201_CREATED if run.created else status.HTTP_200_OK
        return Response(data, status=created)


class IngestJobView(APIView):
    permission_classes = [IsEditor]

    @extend_schema(responses={200: IngestJobSerializer, **REFUSALS, 404: NOT_FOUND})
    def get(self, request, pk: int):
        run = get_object_or_404(ImportRun.objects.prefetch_related("items__article"), pk=pk)
        return Response(IngestJobSerializer(run, context={"request": request}).data)


urlpatterns = [
    path("ingest/", IngestView.as_view(), name="ingest"),
    path("ingest/<int:pk>/", IngestJobView.as_view(), name="ingest-job"),
]
