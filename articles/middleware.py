"""A Content-Security-Policy on every page, and a bound on request bodies.

Django 5.2 has no CSP built in. Reader pages load only our own stylesheet and
images and run no script (JSON-LD blocks are data, never executed), so the
policy allows our own origin and nothing else. The admin and the API's docs
run only scripts from our own static files (the docs' start-up script is
served as a file too, see ``articles.api.urls``) but style elements inline,
so their policy also allows inline styles, never inline scripts. Django's own
error pages while debugging style themselves inline and are left alone.
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
DESK_POLICY = READER_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
DESK_PREFIXES = ("/admin/", "/api/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code >= 400:
            return response
        policy = DESK_POLICY if request.path.startswith(DESK_PREFIXES) else READER_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
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
