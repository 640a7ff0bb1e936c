"""One shape for every error the API returns: ``{"detail", "code"}``, plus
``errors`` for invalid input and ``blocking_claims`` when publishing is refused.

The workflow services raise their own exceptions; this is where they become
HTTP answers, so the admin and the API refuse the same things for the same
reasons.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from ..services import workflow


class Refused(exceptions.APIException):
    """A workflow step the services refused, with their reason."""

    def __init__(self, detail: str, *, code: str, status_code: int, **extra):
        super().__init__(detail, code)
        self.status_code = status_code
        self.extra = extra


def refusal(exc: Exception) -> exceptions.APIException | None:
    """The HTTP form of a workflow service's refusal, or None if it is not one."""
    if isinstance(exc, DjangoValidationError):
        return Refused(
            " ".join(exc.messages), code="invalid", status_code=status.HTTP_400_BAD_REQUEST
        )
    if not isinstance(exc, workflow.WorkflowError):
        return None
    message = exc.message
    if isinstance(exc, workflow.NotAllowed):
        return Refused(message, code="not_allowed", status_code=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, workflow.Conflict):
        return Refused(message, code="conflict", status_code=status.HTTP_409_CONFLICT)
    if isinstance(exc, workflow.PublishBlocked):
        return Refused(
            message,
            code="publish_blocked",
            status_code=status.HTTP_400_BAD_REQUEST,
            blocking_claims=[claim.pk for claim in exc.blocking_claims],
        )
    if isinstance(exc, workflow.InvalidTransition):
        return Refused(message, code="invalid_transition", status_code=status.HTTP_400_BAD_REQUEST)
    return Refused(message, code="refused", status_code=exc.status_code)


def exception_handler(exc, context):
    exc = refusal(exc) or exc
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _as_dict(exc)
        response.data = {"detail": _first_message(errors), "code": "invalid", "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data = {"detail": str(detail), "code": getattr(detail, "code", "error")}
    if isinstance(exc, Refused):
        response.data.update(exc.extra)
    return response


def _as_dict(exc: exceptions.ValidationError) -> dict:
    if isinstance(exc.detail, dict):
        return exc.detail
    return {"non_field_errors": exc.detail}


def _first_message(errors, path: str = "") -> str:
    """The first problem in ``errors`` as one line, with where it is
    ("sources.0.url: Enter a valid URL."), so ``detail`` always says why."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            where = path if key == "non_field_errors" else f"{path}.{key}".lstrip(".")
            if message := _first_message(value, where):
                return message
        return ""
    if isinstance(errors, list):
        for index, value in enumerate(errors):
            where = f"{path}.{index}" if isinstance(value, dict | list) else path
            if message := _first_message(value, where):
                return message
        return ""
    return f"{path}: {errors}" if path else str(errors)
