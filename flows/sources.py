"""Source specs: what to monitor, read from a TOML file of `[[source]]` tables.

Why a declarative spec: adding an outlet should be a few lines of TOML, not code. Each table
names the source and exactly one discovery surface (`feed`, `sitemap`, `listing` or `urls`);
`discover.py` turns a Source into article URLs. Validation is strict (unknown fields, bad
types, duplicate names are errors) because a typo in a sources file otherwise shows up weeks
later as a silent gap in the monitoring. Every error names the file, the source and the field.

Example::

    [[source]]
    name = "antara-hukum"
    feed = "https://www.antaranews.com/rss/hukum.xml"
    allowed_domains = ["antaranews.com"]
    max_articles = 100
    rate_limit = 1.0          # requests per second per host
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from flows.errors import ConfigError

Kind = Literal["feed", "sitemap", "listing", "urls"]
KINDS: tuple[str, ...] = ("feed", "sitemap", "listing", "urls")
OPTIONAL_FIELDS: tuple[str, ...] = ("allowed_domains", "max_articles", "rate_limit", "link_pattern", "max_pages")
LISTING_ONLY: tuple[str, ...] = ("link_pattern", "max_pages")
KNOWN_FIELDS: frozenset[str] = frozenset(("name", *KINDS, *OPTIONAL_FIELDS))

_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class Source:
    """One monitored source: a name and one way to discover article URLs.

    `url` is the feed / sitemap / listing URL (None for `kind == "urls"`, whose URLs are in
    `urls`). `allowed_domains` restricts discovered article URLs to these hosts and their
    subdomains (empty: any host for feeds, sitemaps and URL lists; the listing's own host for
    listings). `rate_limit` is requests per second per host. `link_pattern` (listings only) is
    a regex an article URL must match; `max_pages` bounds listing pagination.
    """

    name: str
    kind: Kind
    url: str | None
    urls: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    max_articles: int | None = None
    rate_limit: float | None = None
    link_pattern: str | None = None
    max_pages: int | None = None

    def to_config(self) -> dict[str, Any]:
        """The `[[source]]` table this spec came from (for the `sources.config` JSON column)."""
        table: dict[str, Any] = {"name": self.name}
        if self.kind == "urls":
            table["urls"] = list(self.urls)
        else:
            table[self.kind] = self.url
        if self.allowed_domains:
            table["allowed_domains"] = list(self.allowed_domains)
        for key in ("max_articles", "rate_limit", "link_pattern", "max_pages"):
            value = getattr(self, key)
            if value is not None:
                table[key] = value
        return table

    def allows(self, url: str) -> bool:
        """True when `url`'s host is in `allowed_domains` (or no restriction is set)."""
        return host_allowed(url, self.allowed_domains)


def host_allowed(url: str, domains: tuple[str, ...]) -> bool:
    """True when the URL's host equals one of `domains` or is a subdomain of one; empty = all."""
    if not domains:
        return True
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def url_problem(value: object) -> str | None:
    """Why `value` is not a usable http(s) URL, or None when it is. Loopback hosts are fine."""
    if not isinstance(value, str):
        return f"expected a URL string, got {type(value).__name__}"
    if not value or value != value.strip() or any(c.isspace() for c in value):
        return f"not an http(s) URL: {value!r} (empty or contains whitespace)"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"not an http(s) URL: {value!r} ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"not an http(s) URL: {value!r}"
    return None


def _domain_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return f"expected a host name string, got {type(value).__name__}"
    host = value.strip().lower().lstrip(".").rstrip(".")
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    labels = host.split(".")
    if not host or not all(_HOST_LABEL.match(label) for label in labels):
        return f"not a host name: {value!r} (give hosts like 'antaranews.com', without scheme or path)"
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_source(table: object, index: int, where: str, seen: set[str]) -> Source:
    label = f"{where}: source #{index}"
    if not isinstance(table, dict):
        raise ConfigError(f"{label}: expected a [[source]] table, got {type(table).__name__}")
    name = table.get("name")
    if isinstance(name, str) and name.strip():
        label = f"{label} {name!r}"

    def fail(field: str, problem: str) -> ConfigError:
        return ConfigError(f"{label}: field {field!r}: {problem}")

    unknown = sorted(set(table) - KNOWN_FIELDS)
    if unknown:
        raise fail(unknown[0], f"unknown field (known: name, {', '.join(KINDS)}, {', '.join(OPTIONAL_FIELDS)})")
    if "name" not in table:
        raise fail("name", "missing")
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "expected a non-empty string")
    if name != name.strip():
        raise fail("name", "leading or trailing whitespace")
    if name in seen:
        raise fail("name", "duplicate source name")

    kinds = [k for k in KINDS if k in table]
    if len(kinds) != 1:
        given = ", ".join(kinds) if kinds else "none"
        raise fail("feed/sitemap/listing/urls", f"give exactly one of feed, sitemap, listing, urls (got {given})")
    kind = kinds[0]

    url: str | None = None
    urls: tuple[str, ...] = ()
    if kind == "urls":
        raw = table["urls"]
        if not isinstance(raw, list) or not raw:
            raise fail("urls", "expected a non-empty list of URLs")
        for i, item in enumerate(raw):
            problem = url_problem(item)
            if problem:
                raise fail(f"urls[{i}]", problem)
        urls = tuple(dict.fromkeys(raw))
    else:
        problem = url_problem(table[kind])
        if problem:
            raise fail(kind, problem)
        url = table[kind]

    domains: tuple[str, ...] = ()
    if "allowed_domains" in table:
        raw = table["allowed_domains"]
        if not isinstance(raw, list):
            raise fail("allowed_domains", "expected a list of host names")
        for i, item in enumerate(raw):
            problem = _domain_problem(item)
            if problem:
                raise fail(f"allowed_domains[{i}]", problem)
        domains = tuple(dict.fromkeys(d.strip().lower().lstrip(".").rstrip(".") for d in raw))

    max_articles = table.get("max_articles")
    if max_articles is not None and (not _is_int(max_articles) or max_articles < 1):
        raise fail("max_articles", f"expected a positive integer, got {max_articles!r}")

    rate = table.get("rate_limit")
    if rate is not None:
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
            raise fail("rate_limit", f"expected requests per second > 0, got {rate!r}")
        rate = float(rate)

    for field in LISTING_ONLY:
        if field in table and kind != "listing":
            raise fail(field, f"only valid for listing sources (this one is a {kind} source)")
    pattern = table.get("link_pattern")
    if pattern is not None:
        if not isinstance(pattern, str) or not pattern:
            raise fail("link_pattern", "expected a non-empty regular expression string")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise fail("link_pattern", f"not a valid regular expression: {exc}") from None
    max_pages = table.get("max_pages")
    if max_pages is not None and (not _is_int(max_pages) or max_pages < 1):
        raise fail("max_pages", f"expected a positive integer, got {max_pages!r}")

    seen.add(name)
    return Source(
        name=name, kind=kind, url=url, urls=urls, allowed_domains=domains, max_articles=max_articles,
        rate_limit=rate, link_pattern=pattern, max_pages=max_pages,
    )


def parse_sources(data: dict[str, Any], where: str = "<sources>") -> list[Source]:
    """Validate an already-parsed TOML document (a dict with a `source` array of tables)."""
    unknown = sorted(set(data) - {"source"})
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key {unknown[0]!r} (expected [[source]] tables)")
    tables = data.get("source")
    if tables is None:
        raise ConfigError(f"{where}: no [[source]] tables")
    if not isinstance(tables, list):
        raise ConfigError(f"{where}: 'source' must be an array of tables ([[source]]), not a single table")
    if not tables:
        raise ConfigError(f"{where}: no [[source]] tables")
    seen: set[str] = set()
    return [_parse_source(t, i, where, seen) for i, t in enumerate(tables, start=1)]


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources TOML file; raises ConfigError naming file, source and field."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{where}: sources file not found") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read sources file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    return parse_sources(data, where)
