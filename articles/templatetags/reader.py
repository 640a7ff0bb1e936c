"""Template helpers for the reader's pages."""

import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Claim

register = template.Library()

# What json_script escapes, so that no string in the data can end the block.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` block.

    A data block, never executed, so the page's script-src policy allows it.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.filter
def web_url(url):
    """The URL if it is an http(s) address, else an empty string: a source
    typed by an editor must not become a ``javascript:`` link."""
    url = str(url or "").strip()
    return url if urlsplit(url).scheme in {"http", "https"} else ""


@register.filter
def host(url):
    """The site a source lives on ("www.nato.int"), shown next to its title."""
    return urlsplit(str(url or "")).hostname or ""


@register.inclusion_tag("includes/rating_badge.html")
def rating_badge(claim, size=""):
    """A claim's rating in words with a shape beside it, never colour alone."""
    return {"rating": claim.rating, "label": claim.get_rating_display(), "size": size}


@register.simple_tag
def site_url():
    """The site's public address (``NEWSROOM_SITE_URL``), for canonical links."""
    return settings.NEWSROOM_SITE_URL


# What each rating means, for readers; in the scale's order.
RATING_MEANINGS = {
    Claim.Rating.TRUE: "Accurate, with nothing significant left out.",
    Claim.Rating.MOSTLY_TRUE: "Accurate, but needs a clarification or more context.",
    Claim.Rating.MIXED: "Partly accurate and partly not.",
    Claim.Rating.MOSTLY_FALSE: "Holds an element of truth but leaves a wrong impression.",
    Claim.Rating.FALSE: "Not accurate.",
    Claim.Rating.UNVERIFIABLE: "The evidence available does not allow a verdict either way.",
}


@register.inclusion_tag("includes/rating_scale.html")
def rating_scale():
    """The rating scale with what each rating means."""
    return {
        "scale": [
            {"rating": value, "label": label, "meaning": RATING_MEANINGS[value]}
            for value, label in Claim.Rating.choices
        ]
    }
