"""A news site on 127.0.0.1 for the ingest tests: pages and feeds made from
``../shared/modern/`` texts, and the misbehaving answers a real site can give
(slow, oversized, wrong type, redirects, broken feeds). Never the internet."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Answer:
    """What the server answers on a path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    # Seconds to wait between chunks of ``drip`` bytes (a slow server).
    drip_delay: float = 0.0
    drip: int = 0
    # Seconds to wait before answering at all (the first ``slow_hits`` requests only, if set).
    delay: float = 0.0
    slow_hits: int = 0
    # The first ``failing_hits`` requests are answered 503.
    failing_hits: int = 0
    etag: str = ""
    # No Content-Length: the body ends when the connection closes.
    no_length: bool = False


def story_page(text: str, *, url: str, canonical: str = "", byline: str = "Jane Reporter") -> bytes:
    """An article page as a news site serves it: navigation, the article with
    its metadata, related links and a footer around it."""
    title, _, body = text.strip().partition("\n")
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>\n" for p in body.split("\n") if p.strip())
    canonical = canonical or url
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Test Gazette</title>
<link rel="canonical" href="{escape(canonical)}">
<meta property="og:site_name" content="Test Gazette">
<meta property="og:title" content="{escape(title)}">
<meta name="author" content="{escape(byline)}">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<p class="byline">By {escape(byline)}</p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Something else entirely</a></li></ul></aside>
</main>
<footer><p>Copyright Test Gazette. All rights reserved.</p></footer>
</body></html>""".encode()


def rss(items: list[tuple[str, str, str]], *, title: str = "Test Gazette") -> bytes:
    """An RSS 2.0 feed of (guid, link, title)."""
    now = format_datetime(datetime(2024, 3, 5, 9, 30, tzinfo=UTC))
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f'<guid isPermaLink="false">{escape(guid)}</guid><pubDate>{now}</pubDate></item>'
        for guid, link, t in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
        f"<description>Test</description>{entries}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str, str]], *, title: str = "Test Gazette Atom") -> bytes:
    entries = "".join(
        f'<entry><id>{escape(guid)}</id><title>{escape(t)}</title><link href="{escape(link)}"/>'
        f"<updated>2024-03-05T09:30:00Z</updated></entry>"
        for guid, link, t in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2024-03-05T09:30:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


class NewsServer:
    """A threaded HTTP server; ``routes`` maps a path to an ``Answer``."""

    def __init__(self, modern: Path):
        self.modern = modern
        self.routes: dict[str, Answer] = {}
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server._answer(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client killed mid-request (the worker test) is expected

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def text(self, name: str) -> str:
        return (self.modern / f"{name}.txt").read_text(encoding="utf-8")

    def story(self, name: str, *, path: str = "", canonical_path: str = "", **kw) -> str:
        """Serve ``name``'s text as an article page; its URL."""
        path = path or f"/news/{name}.html"
        canonical = self.url(canonical_path or path)
        self.routes[path] = Answer(story_page(self.text(name), url=self.url(path),
                                              canonical=canonical, **kw))
        return self.url(path)

    def _answer(self, handler: BaseHTTPRequestHandler):
        path = handler.path
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            hit = self.hits[path]
        answer = self.routes.get(path)
        if answer is None:
            answer = Answer(b"not found", "text/plain", status=404)
        if answer.delay and (not answer.slow_hits or hit <= answer.slow_hits):
            time.sleep(answer.delay)
        if hit <= answer.failing_hits:
            answer = Answer(b"try again", "text/plain", status=503)
        if answer.etag and handler.headers.get("If-None-Match") == answer.etag:
            handler.send_response(304)
            handler.send_header("ETag", answer.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        try:
            handler.send_response(answer.status)
            handler.send_header("Content-Type", answer.content_type)
            if answer.etag:
                handler.send_header("ETag", answer.etag)
            for name, value in answer.headers.items():
                handler.send_header(name, value)
            if answer.no_length:
                handler.send_header("Connection", "close")
                handler.close_connection = True
            elif "Content-Length" not in answer.headers:
                handler.send_header("Content-Length", str(len(answer.body)))
            handler.end_headers()
            if answer.drip:
                for start in range(0, len(answer.body), answer.drip):
                    handler.wfile.write(answer.body[start : start + answer.drip])
                    handler.wfile.flush()
                    time.sleep(answer.drip_delay)
            else:
                handler.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass
