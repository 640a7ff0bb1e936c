"""A web page to the text the importer reads, and where the story came from.

trafilatura finds the article in the page (body without navigation, ads or
comments) and its metadata: headline, byline, date, site name and canonical
URL. It is imported on first use: it pulls in lxml and a dozen modules that
the command line's plain-text import never needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit, urlunsplit

# Fewer characters than this is not an article (a headline alone is not one).
MIN_BODY_CHARS = 80


class NotAnArticle(Exception):
    """A page in which no article text was found."""


@dataclass(frozen=True)
class WebStory:
    """What the page says about its story; ``text`` is headline, blank line, body."""

    text: str
    title: str
    canonical_url: str
    byline: str = ""
    publisher: str = ""
    published: datetime | None = None


def canonical(url: str) -> str:
    """A URL as a story's identity: no fragment, lower-case scheme and host,
    no default port, a path ('/' at least)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


def story_text(title: str, body: str) -> str:
    """The importer's layout: headline, blank line, paragraphs separated by blank lines."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n+", body) if p.strip()]
    return f"{' '.join(title.split())}\n\n" + "\n\n".join(paragraphs) + "\n"


def story_from_html(html: str | bytes, *, url: str) -> WebStory:
    """The story in a page fetched from ``url``; ``NotAnArticle`` if there is none."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    body = (document.text or "").strip() if document is not None else ""
    if len(body) < MIN_BODY_CHARS:
        # A menu or a cookie notice is what is left of a page with no story.
        raise NotAnArticle("no article text found in the page")
    title = " ".join((document.title or "").split())
    if not title:
        first, _, rest = body.partition("\n")
        title, body = first.strip(), rest.strip() or first
    # A page repeating its headline as the first paragraph.
    first, _, rest = body.partition("\n")
    if first.strip() == title and rest.strip():
        body = rest
    return WebStory(
        text=story_text(title, body),
        title=title,
        canonical_url=canonical(found) if (found := _absolute(document.url) or url) else "",
        byline=(document.author or "")[:300],
        publisher=(document.sitename or "")[:200],
        published=_aware(document.date),
    )


def text_from_html_fragment(fragment: str) -> str:
    """The text of an HTML fragment (a wire body), one paragraph per block."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for element in root.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre"):
        text = element.text_content().strip()
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [root.text_content().strip()]
    return "\n".join(b for b in blocks if b)


def _absolute(found: str | None) -> str:
    if not found:
        return ""
    parts = urlsplit(found)
    if parts.scheme in ("http", "https") and parts.netloc:
        return found
    return ""


def _aware(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime.combine(parsed, time(12), tzinfo=UTC)
