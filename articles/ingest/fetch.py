"""Fetching a URL so that nobody can abuse the desk's workers with it.

Every hop (the URL and each redirect) is checked: the scheme is http or
https, the host is resolved and *every* address it resolves to must be a
public one (no loopback, private, link-local, shared, multicast or reserved
ranges: SSRF), and the connection goes to the address that was checked, so
the name cannot resolve elsewhere in between. Redirects are followed by hand
and limited; the whole fetch has a deadline and each read a timeout; the
body is capped (announced and actual size) and its content type must be one
the caller accepts. ``NEWSROOM_INGEST_ALLOW_PRIVATE`` lifts the address check
(the tests serve pages from 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

USER_AGENT = "VerificationDesk-Ingest/1.0 (+https://github.com/)"
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
)
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; ``retryable`` if trying again later may work."""

    retryable = True

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class FetchRefused(FetchError):
    """A URL the desk will not fetch (address, scheme, type, size): never retried."""

    retryable = False


@dataclass
class Fetched:
    """The answer to a fetch: the final URL (after redirects) and the body."""

    url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def address_is_public(address: str) -> bool:
    """Whether an IP address is one the desk may connect to from outside."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not ip.is_multicast


def resolve_checked(url: str, host: str, port: int) -> str:
    """The address to connect to for ``host``; ``FetchRefused`` if any of the
    addresses it resolves to is not public (unless private ones are allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"the host {host!r} could not be resolved ({exc})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(url, f"the host {host!r} has no address")
    if not settings.NEWSROOM_INGEST_ALLOW_PRIVATE:
        refused = [a for a in addresses if not address_is_public(a)]
        if refused:
            raise FetchRefused(
                url,
                f"refused: {host} resolves to a loopback, private or link-local address "
                f"({', '.join(refused)})",
            )
    # IPv4 first: a host without an IPv6 route still reaches dual-stack sites.
    return min(addresses, key=lambda a: ":" in a)


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    etag: str = "",
    last_modified: str = "",
) -> Fetched:
    """GET ``url`` within the limits above; a conditional GET with ``etag`` /
    ``last_modified`` (a 304 answer has no body). Raises ``FetchRefused`` or
    ``FetchError`` with the reason."""
    deadline = time.monotonic() + settings.NEWSROOM_INGEST_TIMEOUT
    redirects: list[str] = []
    current = url
    for _ in range(settings.NEWSROOM_INGEST_MAX_REDIRECTS + 1):
        response = _request(
            current, accept=accept, etag=etag, last_modified=last_modified, deadline=deadline
        )
        try:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(current, f"HTTP {response.status} without a Location")
                redirects.append(current)
                current = urljoin(current, location)
                continue
            return _read(current, response, accept=accept, deadline=deadline, redirects=redirects)
        finally:
            response.release_conn()
    raise FetchRefused(
        url, f"refused: more than {settings.NEWSROOM_INGEST_MAX_REDIRECTS} redirects"
    )


def _request(url, *, accept, etag, last_modified, deadline) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(url, f"refused: only http and https URLs, not {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise FetchRefused(url, "refused: the URL has no host")
    if parts.username or parts.password:
        raise FetchRefused(url, "refused: URLs with credentials are not fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(url, "refused: the port is not a number") from None
    address = resolve_checked(url, host, port)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(url, "timed out")
    timeout = urllib3.Timeout(connect=min(remaining, 10.0), read=remaining)
    if parts.scheme == "https":
        # Connect to the checked address, verify the certificate for the name.
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
    headers = {
        "Host": parts.netloc.rsplit("@", 1)[-1],
        "User-Agent": USER_AGENT,
        "Accept": ", ".join(accept) + ", */*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    try:
        return pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.TimeoutError:
        raise FetchError(url, "timed out") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(url, f"could not connect: {_short(exc)}") from None


def _read(url, response, *, accept, deadline, redirects) -> Fetched:
    fetched = Fetched(
        url=url,
        status=response.status,
        etag=response.headers.get("ETag", ""),
        last_modified=response.headers.get("Last-Modified", ""),
        redirects=redirects,
    )
    if response.status == 304:
        return fetched
    if response.status >= 400:
        # Client errors will not change by asking again; server errors and 429 may.
        error = FetchError if response.status >= 500 or response.status == 429 else FetchRefused
        raise error(url, f"HTTP {response.status} {response.reason or ''}".strip())
    if response.status != 200:
        raise FetchRefused(url, f"HTTP {response.status}: not a page")
    raw_type = response.headers.get("Content-Type", "")
    content_type, _, params = raw_type.partition(";")
    fetched.content_type = content_type.strip().lower()
    if fetched.content_type not in accept:
        raise FetchRefused(
            url,
            f"refused: content type {fetched.content_type or 'none'!r} "
            f"(accepted: {', '.join(accept)})",
        )
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            fetched.charset = value.strip("\"'")
    limit = settings.NEWSROOM_INGEST_MAX_BYTES
    announced = response.headers.get("Content-Length")
    if announced and announced.isdigit() and int(announced) > limit:
        raise FetchRefused(url, f"refused: too large: {int(announced):,} bytes (limit {limit:,})")
    body = bytearray()
    try:
        # Decoded size counts: a small gzip body cannot unpack past the cap.
        # read1: what one receive brings, so a server dripping bytes meets the deadline.
        while chunk := response.read1(_CHUNK, decode_content=True):
            body += chunk
            if len(body) > limit:
                raise FetchRefused(url, f"refused: too large: over {limit:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError(url, "timed out while reading the body")
    except urllib3.exceptions.TimeoutError:
        raise FetchError(url, "timed out while reading the body") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(url, f"connection broken: {_short(exc)}") from None
    fetched.body = bytes(body)
    return fetched


def _short(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason).split(": ", 1)[-1][:200]
