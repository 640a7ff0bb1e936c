"""IPTC ninjs (News in JSON), the wire's format, to a story the importer reads.

Both series are read: 1.x with ``headline`` and ``body_text`` or
``body_html``; 2.x with ``headline`` (or ``headlines``) and ``bodies``
(``[{"role", "contenttype", "value"}]``). ``uri`` identifies the story: the
same uri sent again is the same article (updated if its text changed). A
document that cannot become an article raises ``DocumentInvalid`` naming the
field and what is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.dateparse import parse_datetime

from .html import story_text, text_from_html_fragment

_TEXT_TYPES = ("text/plain", "")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class DocumentInvalid(Exception):
    """A document sent for ingest (ninjs, ``{"url"}``, ``{"text"}``) that
    cannot be imported, naming the field and what is wrong with it."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True)
class WireStory:
    uri: str
    text: str
    byline: str = ""
    publisher: str = ""
    published: datetime | None = None
    source_url: str = ""


def is_ninjs(document) -> bool:
    """Whether a JSON body looks like a ninjs document (rather than ``{"url"}``/``{"text"}``)."""
    return isinstance(document, dict) and bool(
        {"uri", "headline", "headlines", "bodies", "body_text", "body_html"} & document.keys()
    )


def story_from_ninjs(document) -> WireStory:
    """The story in a ninjs 1.x or 2.x document, or ``DocumentInvalid``."""
    if not isinstance(document, dict):
        raise DocumentInvalid("(document)", "must be a JSON object")
    uri = _string(document, "uri", required=True)
    kind = document.get("type", "text")
    if kind != "text":
        raise DocumentInvalid("type", f"only text items can be imported, not {kind!r}")
    headline = _headline(document)
    body = _body(document)
    if not body.strip():
        raise DocumentInvalid(_body_field(document), "the body has no text")
    return WireStory(
        uri=uri,
        text=story_text(headline, body),
        byline=(_string(document, "by") or _string(document, "byline"))[:300],
        publisher=_publisher(document)[:200],
        published=_datetime(document, "firstcreated") or _datetime(document, "versioncreated"),
        source_url=_web_url(uri),
    )


def _string(document: dict, name: str, *, required: bool = False) -> str:
    value = document.get(name)
    if value is None:
        if required:
            raise DocumentInvalid(name, "is required")
        return ""
    if not isinstance(value, str):
        raise DocumentInvalid(name, f"must be a string, not {type(value).__name__}")
    if required and not value.strip():
        raise DocumentInvalid(name, "must not be empty")
    return value.strip()


def _headline(document: dict) -> str:
    if "headline" in document:
        headline = _string(document, "headline", required=True)
    elif "headlines" in document:
        headlines = document["headlines"]
        if not isinstance(headlines, list) or not headlines:
            raise DocumentInvalid("headlines", "must be a non-empty list")
        first = headlines[0]
        if not isinstance(first, dict) or not isinstance(first.get("value"), str):
            raise DocumentInvalid("headlines[0].value", "must be a string")
        headline = first["value"].strip()
    else:
        raise DocumentInvalid("headline", "is required")
    if not headline:
        raise DocumentInvalid("headline", "must not be empty")
    return headline


def _body_field(document: dict) -> str:
    for name in ("bodies", "body_text", "body_html"):
        if name in document:
            return name
    return "bodies"


def _body(document: dict) -> str:
    if "bodies" in document:
        return _bodies(document["bodies"])
    if "body_text" in document:
        return _string(document, "body_text", required=True)
    if "body_html" in document:
        return text_from_html_fragment(_string(document, "body_html", required=True))
    raise DocumentInvalid("bodies", "is required (or body_text / body_html in ninjs 1.x)")


def _bodies(bodies) -> str:
    if not isinstance(bodies, list) or not bodies:
        raise DocumentInvalid("bodies", "must be a non-empty list")
    text = html = None
    for index, body in enumerate(bodies):
        if not isinstance(body, dict):
            raise DocumentInvalid(f"bodies[{index}]", "must be an object")
        value = body.get("value")
        if not isinstance(value, str):
            raise DocumentInvalid(f"bodies[{index}].value", "must be a string")
        contenttype = body.get("contenttype", "")
        if not isinstance(contenttype, str):
            raise DocumentInvalid(f"bodies[{index}].contenttype", "must be a string")
        contenttype = contenttype.split(";")[0].strip().lower()
        if contenttype in _TEXT_TYPES and text is None:
            text = value
        elif contenttype in _HTML_TYPES and html is None:
            html = value
    if text is not None:
        return text
    if html is not None:
        return text_from_html_fragment(html)
    raise DocumentInvalid("bodies", "no body with contenttype text/plain or text/html")


def _publisher(document: dict) -> str:
    for name in ("provider", "copyrightholder"):
        value = document.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _datetime(document: dict, name: str) -> datetime | None:
    value = document.get(name)
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise DocumentInvalid(name, f"must be an ISO 8601 date and time, not {value!r}")
    if parsed.tzinfo is None:
        from django.utils import timezone

        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def _web_url(uri: str) -> str:
    return uri if uri.startswith(("http://", "https://")) else ""
