"""Polite, robust HTTP fetching: every URL ends as one FetchOutcome, never as an exception.

Why this module exists: news sites are slow, flaky, mislabelled and sometimes hostile to
crawlers, and a monitoring run must survive all of it while staying polite. The policy:

- robots.txt is read once per host (cached); a disallowed URL is never requested.
  robots.txt 4xx = allow all; 5xx = disallow all (RFC 9309); unreachable = not cached,
  the page fetch itself then reports the network failure. Crawl-delay is honoured (capped).
- per-host rate limit (requests/second) and per-host concurrency (a semaphore), so a thread
  pool of 8 never hammers one outlet.
- timeouts (per read, plus an overall deadline per attempt against slow-drip servers).
- retries with exponential backoff and jitter for TRANSIENT failures only: 5xx, 429/408
  (honouring Retry-After up to a cap), timeouts, connection resets. Never 4xx.
- a response-size cap enforced while streaming (the body is abandoned as soon as it exceeds
  the cap, or before reading when Content-Length already says so).
- redirects followed by hand, so loops and over-long chains are classified `redirect_loop`
  and every hop is checked against robots.txt.
- conditional GET: If-None-Match / If-Modified-Since from stored validators; 304 => `not_modified`.
- charset detection: BOM, header charset, `<meta charset>` / XML declaration, strict UTF-8,
  then charset-normalizer. Latin-1 labels decode as Windows-1252 (as browsers do).
- HTML only: other content types are `not_html`; an empty 200 body is also `not_html` with
  reason "empty body" (the fetch_log vocabulary has no separate class for it). Feeds and
  sitemaps are fetched with `expect="xml"`, which accepts XML types and keeps raw bytes.

Statuses (the fetch_log vocabulary in flows/store/schema/001_core.sql): see STATUSES.
"""

from __future__ import annotations

import codecs
import functools
import random
import re
import ssl
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from flows import __version__
from flows.sources import url_problem

STATUSES: tuple[str, ...] = (
    "ok", "not_modified", "http_error", "timeout", "robots_disallowed", "too_large", "not_html",
    "redirect_loop", "connection_error", "invalid_url",
)
PROJECT_URL = "https://github.com/pantau-id/pantau"
DEFAULT_USER_AGENT = f"pantau/{__version__} (+{PROJECT_URL}; corrections news monitor)"

Validators = tuple[str | None, str | None]
Expect = Literal["html", "xml"]

_REDIRECTS = (301, 302, 303, 307, 308)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_UNTYPED = ("application/octet-stream", "binary/octet-stream", "text/plain")  # sniffed: misconfigured servers
_NOT_XML_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/json",
                     "application/zip", "application/msword", "application/vnd.")
_MAGIC = ((b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
          (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
_WINDOWS_1252_ALIASES = {"latin_1", "iso8859-1", "ascii"}  # codecs names of labels browsers map to cp1252
_LATIN_SINGLE_BYTE = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859-2", "iso8859-9", "iso8859-15",
                      "mac-roman"}
_DNS_FAILURE = ("name or service not known", "nodename nor servname", "getaddrinfo failed",
                "temporary failure in name resolution", "no address associated")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class FetchOutcome:
    """The result of fetching one URL: a fetch_log row, plus the decoded page when status is ok.

    `html` is the decoded text (None unless ok); `content` is the raw body, kept only for
    `expect="xml"` fetches (feeds, sitemaps, possibly gzipped). `etag`/`last_modified` are the
    validators to store for the next conditional GET. `bytes` counts decoded body bytes read.
    """

    url: str
    source: str | None
    status: str
    http_status: int | None = None
    reason: str = ""
    final_url: str | None = None
    html: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    bytes: int = 0
    elapsed_ms: float = 0.0
    fetched_at: datetime = field(default_factory=_now)
    encoding: str | None = None
    content: bytes | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def validators(self) -> Validators | None:
        """(etag, last_modified) to send next time, or None when the server gave neither."""
        if self.etag or self.last_modified:
            return (self.etag, self.last_modified)
        return None

    def log_row(self) -> dict:
        """The fields of a fetch_log row (without run_id), body-free."""
        row = asdict(self)
        for key in ("html", "content", "final_url", "content_type", "etag", "last_modified", "encoding"):
            row.pop(key)
        return row


@dataclass
class _Attempt:
    """One try at a URL: its outcome, whether a retry may help, and how long the server asked us to wait."""

    outcome: FetchOutcome
    transient: bool = False
    retry_after: float | None = None


@dataclass
class _Host:
    """Per-host politeness state, shared by all threads."""

    semaphore: threading.BoundedSemaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    next_slot: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_state: str = "unknown"  # unknown | parsed | allow_all | disallow_all
    robots_expires: float = 0.0  # monotonic time after which robots.txt is read again
    robots_reason: str = ""
    crawl_delay: float = 0.0


class Fetcher:
    """Thread-safe polite HTTP client (httpx, sync) with a thread-pool `fetch_many`.

    Parameters (all keyword): `timeout` seconds per connect/read; `total_timeout` seconds per
    attempt (default 3 x timeout); `max_bytes` response cap; `max_redirects`; `retries` extra
    attempts for transient failures, waiting `backoff * 2**n` seconds (x0.5..1.5 jitter, at most
    `backoff_max`); `max_retry_after` the longest Retry-After we wait for (longer: give up);
    `rate_limit` default requests/second per host (None = unlimited; a source's own
    rate_limit overrides it per call); `per_host_concurrency` parallel requests per host;
    `respect_robots`; `max_crawl_delay` cap on robots Crawl-delay; `robots_ttl` seconds a robots.txt
    is cached (RFC 9309 suggests at most a day); `transport` for tests.
    """

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 15.0,
        total_timeout: float | None = None,
        max_bytes: int = 5 * 1024 * 1024,
        max_redirects: int = 5,
        retries: int = 2,
        backoff: float = 0.5,
        backoff_max: float = 30.0,
        max_retry_after: float = 60.0,
        rate_limit: float | None = 1.0,
        per_host_concurrency: int = 2,
        respect_robots: bool = True,
        max_crawl_delay: float = 10.0,
        robots_max_bytes: int = 512 * 1024,
        robots_ttl: float = 86400.0,
        transport: httpx.BaseTransport | None = None,
        trust_env: bool = True,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.total_timeout = total_timeout if total_timeout is not None else 3 * timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = max(0, retries)
        self.backoff = backoff
        self.backoff_max = backoff_max
        self.max_retry_after = max_retry_after
        self.rate_limit = rate_limit
        self.per_host_concurrency = max(1, per_host_concurrency)
        self.respect_robots = respect_robots
        self.max_crawl_delay = max_crawl_delay
        self.robots_max_bytes = robots_max_bytes
        self.robots_ttl = robots_ttl
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._client = httpx.Client(
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "id,en;q=0.7",
            },
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
            transport=transport,
            trust_env=trust_env,
            verify=_ssl_context(),
        )

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public API ------------------------------------------------------------------------
    def fetch(
        self,
        url: str,
        source: str | None = None,
        validators: Validators | None = None,
        *,
        expect: Expect = "html",
        rate_limit: float | None = None,
        max_bytes: int | None = None,
    ) -> FetchOutcome:
        """Fetch one URL politely. Never raises: failures come back as a FetchOutcome status.

        `expect="xml"` accepts feeds and sitemaps and keeps the raw body in `content`;
        `rate_limit` (requests/s for this URL's host) and `max_bytes` override the defaults.
        """
        started = time.monotonic()
        try:
            outcome = self._fetch(url, source, validators, expect, rate_limit, max_bytes or self.max_bytes)
        except Exception as exc:  # noqa: BLE001 - one bad URL never stops a batch
            outcome = FetchOutcome(url, source, "connection_error", reason=f"unexpected {type(exc).__name__}: {exc}")
        outcome.elapsed_ms = round((time.monotonic() - started) * 1000, 1)
        return outcome

    def fetch_many(
        self,
        urls: Iterable[str],
        source: str | None = None,
        validators_for: Callable[[str], Validators | None] | None = None,
        max_workers: int = 8,
        *,
        expect: Expect = "html",
        rate_limit: float | None = None,
    ) -> Iterator[FetchOutcome]:
        """Fetch URLs on a thread pool; yields one outcome per distinct URL, in completion order.

        Submission is windowed (2 x max_workers in flight) so a million-URL backfill does not
        queue a million futures; per-host politeness is enforced inside `fetch`.
        """
        iterator = iter(dict.fromkeys(urls))

        def task(u: str) -> FetchOutcome:
            try:
                val = validators_for(u) if validators_for else None
            except Exception:  # noqa: BLE001 - a broken cache lookup means an unconditional GET
                val = None
            return self.fetch(u, source, val, expect=expect, rate_limit=rate_limit)

        with ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="pantau-fetch") as pool:
            pending: dict[Future, str] = {}

            def refill() -> None:
                while len(pending) < 2 * max(1, max_workers):
                    u = next(iterator, None)
                    if u is None:
                        return
                    pending[pool.submit(task, u)] = u

            refill()
            try:
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        u = pending.pop(fut)
                        try:
                            result = fut.result()
                        except Exception as exc:  # noqa: BLE001 - defensive; fetch() itself never raises
                            result = FetchOutcome(u, source, "connection_error", reason=f"unexpected {exc!r}")
                        yield result
                    refill()
            finally:  # the consumer stopped early (or failed): do not start what is still queued
                for fut in pending:
                    fut.cancel()

    def robots_allowed(self, url: str, rate_limit: float | None = None) -> tuple[bool, str]:
        """(allowed, reason) for `url` under its host's robots.txt (fetched on first use, cached `robots_ttl`)."""
        if not self.respect_robots:
            return True, ""
        parts = urlsplit(url)
        host = self._host(parts)
        self._load_robots(parts, host, rate_limit)
        if host.robots_state == "disallow_all":
            return False, host.robots_reason
        if host.robots_state == "parsed" and host.robots is not None:
            if not host.robots.can_fetch(self.user_agent, url):
                return False, "disallowed by robots.txt"
        return True, ""

    # -- internals -------------------------------------------------------------------------
    @staticmethod
    def _host_key(parts) -> str:
        return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"

    def _host(self, parts) -> _Host:
        key = self._host_key(parts)
        with self._hosts_lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(threading.BoundedSemaphore(self.per_host_concurrency))
            return host

    def _wait_turn(self, host: _Host, rate_limit: float | None) -> None:
        """Sleep until this host's next request slot (rate limit and Crawl-delay)."""
        rate = rate_limit if rate_limit is not None else self.rate_limit
        interval = max(1.0 / rate if rate and rate > 0 else 0.0, host.crawl_delay)
        if interval <= 0:
            return
        with host.lock:
            now = time.monotonic()
            slot = max(now, host.next_slot)
            host.next_slot = slot + interval
        if slot > now:
            time.sleep(slot - now)

    def _load_robots(self, parts, host: _Host, rate_limit: float | None) -> None:
        if host.robots_state != "unknown" and time.monotonic() < host.robots_expires:
            return
        with host.robots_lock:
            if host.robots_state != "unknown" and time.monotonic() < host.robots_expires:
                return
            robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
            self._wait_turn(host, rate_limit)
            host.robots, host.robots_reason, host.crawl_delay = None, "", 0.0
            host.robots_expires = time.monotonic() + self.robots_ttl
            try:
                with self._client.stream("GET", robots_url, follow_redirects=True) as resp:
                    code = resp.status_code
                    body = b""
                    if 200 <= code < 300:
                        chunks = []
                        size = 0
                        for chunk in resp.iter_bytes():
                            chunks.append(chunk)
                            size += len(chunk)
                            if size >= self.robots_max_bytes:
                                break
                        body = b"".join(chunks)[: self.robots_max_bytes]
            except httpx.HTTPError:
                # Unreachable: allow for a short while; the page fetch then reports the real network
                # failure, and a host that is merely slow is not asked for robots.txt on every URL.
                host.robots_state = "allow_all"
                host.robots_expires = time.monotonic() + min(self.robots_ttl, 300.0)
                return
            if 200 <= code < 300:
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
                delay = crawl_delay(body.decode("utf-8", errors="replace"), self.user_agent)
                if delay:
                    host.crawl_delay = min(delay, self.max_crawl_delay)
                host.robots = parser
                host.robots_state = "parsed"
            elif code >= 500:
                host.robots_state = "disallow_all"
                host.robots_reason = f"robots.txt unavailable (HTTP {code}): treated as disallow all (RFC 9309)"
            else:
                host.robots_state = "allow_all"

    def _fetch(
        self, url: str, source: str | None, validators: Validators | None, expect: Expect,
        rate_limit: float | None, max_bytes: int,
    ) -> FetchOutcome:
        problem = url_problem(url)
        if problem:
            return FetchOutcome(url, source, "invalid_url", reason=problem)
        attempt_no = 0
        while True:
            attempt_no += 1
            result = self._attempt(url, source, validators, expect, rate_limit, max_bytes)
            out = result.outcome
            if not result.transient or attempt_no > self.retries:
                break
            if result.retry_after is not None:
                if result.retry_after > self.max_retry_after:
                    out.reason += f"; Retry-After {result.retry_after:.0f}s exceeds cap {self.max_retry_after:.0f}s"
                    break
                delay = result.retry_after
            else:
                delay = min(self.backoff_max, self.backoff * (2 ** (attempt_no - 1)) * (0.5 + random.random()))
            time.sleep(max(0.0, delay))
        out.attempts = attempt_no
        if attempt_no > 1 and out.status != "ok" and result.transient:
            out.reason += f" (gave up after {attempt_no} attempts)"
        return out

    def _attempt(
        self, url: str, source: str | None, validators: Validators | None, expect: Expect,
        rate_limit: float | None, max_bytes: int,
    ) -> _Attempt:
        """One try, following redirects by hand."""
        headers: dict[str, str] = {}
        if validators:
            etag, modified = validators
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        chain = [url]
        current = url
        deadline = time.monotonic() + self.total_timeout
        for _hop in range(self.max_redirects + 1):
            parts = urlsplit(current)
            host = self._host(parts)
            allowed, why = self.robots_allowed(current, rate_limit)
            if not allowed:
                where = "" if current == url else f" (redirect target {current})"
                return _Attempt(FetchOutcome(url, source, "robots_disallowed", reason=why + where, final_url=current))
            with host.semaphore:
                self._wait_turn(host, rate_limit)
                try:
                    with self._client.stream("GET", current, headers=headers) as resp:
                        location = resp.headers.get("location")
                        if resp.status_code in _REDIRECTS and location:
                            nxt = urljoin(current, location.strip())
                            nxt = urlunsplit(urlsplit(nxt)._replace(fragment=""))
                        else:
                            return self._response(url, source, current, resp, expect, deadline, validators,
                                                  max_bytes)
                except httpx.TimeoutException as exc:
                    return _Attempt(FetchOutcome(url, source, "timeout", reason=f"{type(exc).__name__} after "
                                                 f"{self.timeout:g}s", final_url=current), transient=True)
                except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                    return _Attempt(FetchOutcome(url, source, "invalid_url", reason=str(exc), final_url=current))
                except httpx.DecodingError as exc:
                    return _Attempt(FetchOutcome(url, source, "http_error", reason=f"undecodable body: {exc}",
                                                 final_url=current))
                except httpx.TransportError as exc:
                    msg = str(exc) or type(exc).__name__
                    dns = any(s in msg.lower() for s in _DNS_FAILURE)
                    return _Attempt(FetchOutcome(url, source, "connection_error",
                                                 reason=f"{type(exc).__name__}: {msg}", final_url=current),
                                    transient=not dns)
            problem = url_problem(nxt)
            if problem:
                return _Attempt(FetchOutcome(url, source, "invalid_url", reason=f"redirect to {problem}",
                                             final_url=current))
            if nxt in chain:
                loop = " -> ".join([*chain[chain.index(nxt):], nxt])
                return _Attempt(FetchOutcome(url, source, "redirect_loop", reason=f"redirect loop: {loop}",
                                             final_url=nxt))
            chain.append(nxt)
            current = nxt
        return _Attempt(FetchOutcome(url, source, "redirect_loop", final_url=current,
                                     reason=f"more than {self.max_redirects} redirects"))

    def _response(
        self, url: str, source: str | None, current: str, resp: httpx.Response, expect: Expect, deadline: float,
        validators: Validators | None, max_bytes: int,
    ) -> _Attempt:
        code = resp.status_code
        ctype_header = resp.headers.get("content-type")
        etag = resp.headers.get("etag")
        modified = resp.headers.get("last-modified")

        def outcome(status: str, reason: str = "", **kw) -> FetchOutcome:
            return FetchOutcome(url, source, status, http_status=code, reason=reason, final_url=current,
                                content_type=ctype_header, etag=etag, last_modified=modified, **kw)

        if code == 304:
            if validators and not (etag or modified):
                etag, modified = validators
            return _Attempt(outcome("not_modified", "HTTP 304 Not Modified"))
        if code >= 400 or code < 200 or code in _REDIRECTS or 300 <= code < 400:
            reason = f"HTTP {code} {resp.reason_phrase}".strip()
            transient = code >= 500 or code in (408, 429)
            retry_after = _retry_after(resp.headers.get("retry-after")) if transient else None
            return _Attempt(outcome("http_error", reason), transient=transient, retry_after=retry_after)

        mime = (ctype_header or "").split(";")[0].strip().lower()
        if expect == "html" and mime and mime not in _HTML_TYPES and mime not in _UNTYPED:
            return _Attempt(outcome("not_html", f"content-type {mime}"))
        if expect == "xml" and mime.startswith(_NOT_XML_PREFIXES):
            return _Attempt(outcome("not_html", f"content-type {mime} is not a feed or sitemap"))
        length = resp.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_bytes:
            return _Attempt(outcome("too_large", f"Content-Length {length} exceeds cap {max_bytes}"))

        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return _Attempt(outcome("too_large", f"body exceeds cap {max_bytes} bytes (aborted)",
                                            bytes=size))
                if time.monotonic() > deadline:
                    return _Attempt(outcome("timeout", f"body not complete within {self.total_timeout:g}s",
                                            bytes=size), transient=True)
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            return _Attempt(outcome("timeout", f"{type(exc).__name__} while reading body", bytes=size),
                            transient=True)
        body = b"".join(chunks)

        if not body.strip():
            return _Attempt(outcome("not_html", "empty body", bytes=size))
        magic = _sniff_binary(body)
        if expect == "html":
            if magic:
                return _Attempt(outcome("not_html", f"body is {magic} (content-type {mime or 'missing'})",
                                        bytes=size))
            if (not mime or mime in _UNTYPED) and not _looks_like_html(body):
                return _Attempt(outcome("not_html", f"content-type {mime or 'missing'} and the body does not "
                                        "look like HTML", bytes=size))
        charset = _header_charset(ctype_header)
        if expect == "xml" and magic == "gzip data":
            return _Attempt(outcome("ok", "gzip", bytes=size, content=body))
        text, encoding = decode_body(body, charset)
        return _Attempt(outcome("ok", bytes=size, html=text, encoding=encoding,
                                content=body if expect == "xml" else None))


# -- helpers -----------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """One verified TLS context per process: building it (loading CA certificates) costs ~0.1-1 s."""
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - httpx depends on certifi
        return ssl.create_default_context()

def crawl_delay(robots: str, user_agent: str) -> float | None:
    """Crawl-delay for our agent (its own group first, else `*`); decimals allowed, unlike urllib's parser."""
    token = user_agent.split("/")[0].strip().lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in robots.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        field_name, value = (x.strip() for x in line.split(":", 1))
        field_name = field_name.lower()
        if field_name == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        else:
            in_rules = True
            if field_name == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, delay)
    for agent, delay in delays.items():
        if agent != "*" and agent in token:
            return delay
    return delays.get("*")


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - _now()).total_seconds())


def _sniff_binary(body: bytes) -> str | None:
    head = body[:8]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith(b"<") and any(t in head for t in (b"<!doctype html", b"<html", b"<head", b"<body",
                                                             b"<p", b"<div", b"<title"))


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _CHARSET_PARAM.search(content_type)
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label; Latin-1/ASCII labels become cp1252 like in browsers."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def decode_body(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode an HTML/XML body: BOM, header charset, meta/XML declaration, UTF-8, charset-normalizer.

    Each declared candidate must decode strictly, so a page labelled UTF-8 that is really
    Windows-1252 (a common misconfiguration) still comes out right. Returns (text, codec name).
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(enc, errors="replace"), enc
    head = body[:4096]
    declared = [_header_charset(f"charset={header_charset}") if header_charset else None]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared.append(m.group(1).decode("ascii", "ignore") if m else None)
    for label in [*declared, "utf-8"]:
        enc = _codec(label)
        if not enc:
            continue
        try:
            return body.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
        if best is not None and best.encoding:
            enc = _codec(best.encoding) or best.encoding
            if enc in _LATIN_SINGLE_BYTE:
                # Indonesian is Latin script: among look-alike single-byte code pages the one
                # actually used by Indonesian CMSs is Windows-1252; prefer it when it decodes.
                try:
                    return body.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    pass
            return body.decode(enc, errors="replace"), enc
    except Exception:  # noqa: BLE001 - detection is best effort
        pass
    return body.decode("cp1252", errors="replace"), "cp1252"
