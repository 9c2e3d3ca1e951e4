"""HTTP for feeds and article pages: the only network code in ``pipeline``.

Every outcome is a :class:`FetchResult` value (body, not modified, gone,
moved, throttled or an error string); nothing here raises on a bad server,
so one misbehaving host cannot take a poller down. Redirects are followed
by hand so that each hop can be checked (SSRF guard) and a permanent move
can be reported back to the scheduler.
"""
from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from typing import Awaitable, Callable
from urllib.parse import unquote, urljoin, urlsplit

import httpx

__all__ = [
    "DEFAULT_USER_AGENT", "FetchResult", "cache_max_age", "fetch_feed", "fetch_page",
    "is_public_address", "make_client", "parse_retry_after",
]

DEFAULT_USER_AGENT = "newswire/0.1 (+https://github.com/newswire)"
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=10.0, pool=10.0)
#: Wall-clock limit for a whole fetch: read timeouts alone let a server that
#: trickles one byte every few seconds hold a poller forever.
TOTAL_TIMEOUT = 60.0
MAX_REDIRECTS = 5
#: Servers sometimes ask for absurd Retry-After values; a day is the most we obey.
MAX_RETRY_AFTER = 86_400.0
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}


@dataclass
class FetchResult:
    """The outcome of one fetch; exactly one of content/not_modified/gone/error is set."""

    url: str
    final_url: str | None = None
    status: int | None = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    gone: bool = False
    #: Where the feed permanently moved (301/308 chain from the start), if it did.
    new_url: str | None = None
    #: Seconds the server asked us to wait (429/503 Retry-After).
    retry_after: float | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.content is not None


def make_client(user_agent: str = DEFAULT_USER_AGENT,
                timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
                **kwargs) -> httpx.AsyncClient:
    """An AsyncClient that names itself, times out, and accepts compression.

    httpx adds ``Accept-Encoding`` (gzip, deflate, and br/zstd when those
    packages are installed) and decodes the body; redirects stay off because
    :func:`fetch_feed` follows them itself.
    """
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent}, timeout=timeout,
        follow_redirects=False, **kwargs,
    )


async def fetch_feed(client: httpx.AsyncClient, url: str, *, etag: str | None = None,
                     last_modified: str | None = None, max_bytes: int = 5_000_000,
                     total_timeout: float = TOTAL_TIMEOUT) -> FetchResult:
    """Conditional GET of a feed (or read of a ``file://`` feed); never raises."""
    if url.lower().startswith("file:"):
        return await asyncio.to_thread(_read_file, url, last_modified, max_bytes)
    headers = {"Accept": _FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return await _fetch(client, url, headers, max_bytes, total_timeout, guard=None)


async def fetch_page(client: httpx.AsyncClient, url: str, *, max_bytes: int = 5_000_000,
                     allow_private: bool = False,
                     total_timeout: float = TOTAL_TIMEOUT) -> FetchResult:
    """GET an article page whose URL came from a feed, i.e. from a stranger.

    Every hop is checked with :func:`is_public_address` unless
    ``allow_private``, so a feed cannot point us at internal services.
    """
    guard = None if allow_private else _public_guard
    result = await _fetch(client, url, {"Accept": _PAGE_ACCEPT}, max_bytes, total_timeout, guard)
    media_type = result.headers.get("content-type", "").split(";")[0].strip().lower()
    if result.ok and media_type and media_type not in _PAGE_TYPES:
        # A PDF or video behind a story link is not an article body.
        result.content, result.error = None, f"not an HTML page ({media_type})"
    return result


Guard = Callable[[str], Awaitable[str | None]]


async def _fetch(client: httpx.AsyncClient, url: str, headers: dict[str, str],
                 max_bytes: int, total_timeout: float, guard: Guard | None) -> FetchResult:
    result = FetchResult(url=url)
    try:
        async with asyncio.timeout(total_timeout):
            await _follow(client, result, headers, max_bytes, guard)
    except TimeoutError:
        result.error = f"timed out after {total_timeout:g}s in total"
    except httpx.TimeoutException as exc:
        result.error = f"timeout: {type(exc).__name__}"
    except httpx.HTTPError as exc:  # connect errors, protocol errors, bad URLs
        result.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    except (httpx.InvalidURL, OSError, ValueError) as exc:
        result.error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        # Transport internals sometimes leak other types (e.g. an anyio
        # ExceptionGroup); a poller must see a value, not a crash.
        result.error = f"unexpected {type(exc).__name__}: {exc}"
    if result.error:
        result.content = None
    return result


async def _follow(client: httpx.AsyncClient, result: FetchResult, headers: dict[str, str],
                  max_bytes: int, guard: Guard | None) -> None:
    url, permanent_so_far = result.url, True
    for _ in range(MAX_REDIRECTS + 1):
        refusal = _check_scheme(url) or (await guard(url) if guard else None)
        if refusal:
            result.error = refusal
            return
        async with client.stream("GET", url, headers=headers) as response:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                permanent_so_far = permanent_so_far and response.status_code in _PERMANENT
                url = urljoin(url, location)
                if permanent_so_far:
                    result.new_url = url
                continue
            result.final_url = url
            await _settle(result, response, max_bytes)
            return
    result.error = f"more than {MAX_REDIRECTS} redirects"


async def _settle(result: FetchResult, response: httpx.Response, max_bytes: int) -> None:
    """Fill ``result`` from the final (non-redirect) response."""
    status = result.status = response.status_code
    result.headers = {k.lower(): v for k, v in response.headers.items()}
    result.etag = response.headers.get("etag")
    result.last_modified = response.headers.get("last-modified")
    if status == 304:
        result.not_modified = True
    elif status == 410:
        result.gone = True
    elif status in (429, 503):
        result.retry_after = parse_retry_after(response.headers.get("retry-after"))
        result.error = f"HTTP {status} {response.reason_phrase}".strip()
    elif 200 <= status < 300:
        result.content, result.error = await _read_capped(response, max_bytes)
    else:
        result.error = f"HTTP {status} {response.reason_phrase}".strip()


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes | None, str | None]:
    # Checked on decoded bytes, so a small gzip bomb is caught as well.
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None, f"body of {declared} bytes exceeds the {max_bytes} byte limit"
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return None, f"body exceeds the {max_bytes} byte limit"
        chunks.append(chunk)
    return b"".join(chunks), None


def _check_scheme(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return f"invalid URL: {exc}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"refused: not an http(s) URL: {url[:200]}"
    return None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    delay = when.timestamp() - (time.time() if now is None else now)
    return min(max(0.0, delay), MAX_RETRY_AFTER)


def cache_max_age(headers: dict[str, str]) -> float | None:
    """Seconds a response stays fresh by its Cache-Control header, if it says.

    ``no-cache``/``no-store`` promise nothing, so they give None (poll on the
    normal schedule); ``s-maxage`` is for shared caches, not for us.
    """
    value = headers.get("cache-control", "")
    max_age = None
    for directive in value.lower().split(","):
        name, _, arg = directive.strip().partition("=")
        if name in ("no-cache", "no-store"):
            return None
        if name == "max-age" and arg.strip().strip('"').isdigit():
            max_age = min(float(arg.strip().strip('"')), MAX_RETRY_AFTER)
    return max_age


def is_public_address(host: str) -> bool:
    """True when ``host`` (a name or IP literal) resolves only to public addresses.

    Every resolved address must be public: a name with one private A record
    would otherwise be a way in. Unresolvable names are not public.
    """
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(_is_public_ip(a) for a in addresses)


def _is_public_ip(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop IPv6 zone id
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback in disguise
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


async def _public_guard(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    # getaddrinfo blocks, so it runs in a thread. The client resolves again
    # when it connects; closing that DNS-rebinding window needs a resolving
    # transport, which the 10k-feed issue can add.
    if not await asyncio.to_thread(is_public_address, host):
        return f"refused: {host} is not a public address"
    return None


def _read_file(url: str, last_modified: str | None, max_bytes: int) -> FetchResult:
    """A saved feed on disk, answered like HTTP so pollers need no special case."""
    result = FetchResult(url=url, final_url=url)
    path = unquote(urlsplit(url).path)
    try:
        stat = os.stat(path)
        stamp = formatdate(stat.st_mtime, usegmt=True)
        result.last_modified = stamp
        if last_modified == stamp:
            result.status, result.not_modified = 304, True
        elif stat.st_size > max_bytes:
            result.error = f"body of {stat.st_size} bytes exceeds the {max_bytes} byte limit"
        else:
            with open(path, "rb") as handle:
                result.content, result.status = handle.read(), 200
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        result.status = 404 if isinstance(exc, FileNotFoundError) else None
        result.error = f"{type(exc).__name__}: {exc}"
    return result
