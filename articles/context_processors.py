"""Template context shared by every page."""

from django.conf import settings


def newsroom(request):
    return {"NEWSROOM_NAME": settings.NEWSROOM_NAME}
