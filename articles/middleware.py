"""A Content-Security-Policy for the reader's pages.

Django 5.2 has none built in. Reader pages load only our own stylesheet and
images and run no script (JSON-LD blocks are data, never executed), so the
policy allows our own origin and nothing else. The admin and the API's docs
page bring their own inline code and are left to their defaults, as are
Django's own error pages while debugging (they style themselves inline).
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse

READER_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
EXEMPT_PREFIXES = ("/admin/", "/api/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(EXEMPT_PREFIXES):
            return response
        if settings.DEBUG and response.status_code >= 400:
            return response
        response.headers.setdefault("Content-Security-Policy", READER_POLICY)
        return response


class RequestBodyLimitMiddleware:
    """A request body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is refused with 413
    before anything reads it (JSON under /api/).

    Django checks the size only for forms it parses; the API's parsers read
    the stream themselves, so without this a client could make a worker read
    and parse any amount.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            message = f"The request body is {length:,} bytes; the limit is {limit:,}."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "code": "too_large"}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
