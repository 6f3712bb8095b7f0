"""Discovery: a Source -> the article URLs it currently lists, plus a fetch-log row per surface page.

Why separate from fetching: discovery decides WHAT to fetch (feeds, sitemaps, listing pages,
URL lists), fetch.py decides HOW. Every feed / sitemap / listing page fetched here comes back
as a FetchOutcome so the flow can log it; discovery never raises for a bad source.

- Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom. A broken entry (no link, a non-http(s) link) is
  skipped and noted; the feed row then has status `feed_error` with the details in `reason`,
  while the good entries are still returned. An unparseable document is `feed_error` too.
- Sitemaps: `<urlset>` (incl. Google News sitemaps) and `<sitemapindex>` (recursive, bounded
  by depth and count, cycles ignored), gzip bodies accepted; newest entries first, so
  `max_articles` keeps the newest.
- Listings: the page's links on the same site (or `allowed_domains`) that match
  `link_pattern`, or by default look like article URLs (a long slug, or an id/date plus a
  slug); pagination (rel=next, "Berikutnya"/"Selanjutnya"/"Next", next page number) up to
  `max_pages`.
- URL lists: returned as given (filtered by `allowed_domains`, capped by `max_articles`).

XML is parsed with lxml in recover mode with entity resolution, DTD loading and network
access switched off (no billion-laughs expansion, no external entities).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from flows.fetch import STATUSES, Fetcher, FetchOutcome
from flows.sources import Source, host_allowed, url_problem

DISCOVERY_STATUSES: tuple[str, ...] = (*STATUSES, "feed_error")
DEFAULT_MAX_PAGES = 5
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS = 50
SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit (uncompressed)

_NON_ARTICLE_SEGMENTS = frozenset({
    "tag", "tags", "topik", "topic", "kategori", "category", "kanal", "penulis", "author", "search", "cari",
    "page", "indeks", "index", "feed", "rss", "login", "register", "kontak", "contact", "redaksi", "about",
    "tentang", "profil", "video", "foto", "galeri", "gallery", "wp-content", "wp-admin", "static", "assets",
})
_NEXT_TEXT = re.compile(r"^(?:(?:halaman\s+)?(?:berikutnya|selanjutnya|lanjut)|next(?:\s+page)?|older posts)?\s*[»›>]*$",
                        re.I)
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_MARKS = re.compile(r"sidebar|side-bar|widget|popul|terpopuler|trending|menu|footer|related|terkait|"
                           r"breadcrumb|navbar|pagination|paging")
_SLUG_TOKEN = re.compile(r"[a-z0-9]+", re.I)


@dataclass
class Discovery:
    """What a source lists now: article URLs (deduplicated, in source order) and surface fetch rows."""

    urls: list[str]
    outcomes: list[FetchOutcome]
    notes: list[str] = field(default_factory=list)


@dataclass
class _Entry:
    link: str | None
    date: datetime | None = None
    problem: str | None = None


class _Collector:
    """Accumulates URLs for one source: validation, domain filter, dedup, max_articles."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.urls: dict[str, None] = {}
        self.outside = 0

    @property
    def full(self) -> bool:
        return self.source.max_articles is not None and len(self.urls) >= self.source.max_articles

    def add(self, url: str) -> bool:
        if self.full:
            return False
        if not self.source.allows(url):
            self.outside += 1
            return False
        self.urls.setdefault(url, None)
        return True


def discover(
    source: Source,
    fetcher: Fetcher,
    *,
    max_sitemaps: int = MAX_SITEMAPS,
    max_depth: int = MAX_SITEMAP_DEPTH,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Discovery:
    """Article URLs listed by `source` now; never raises for network or content problems."""
    col = _Collector(source)
    outcomes: list[FetchOutcome] = []
    notes: list[str] = []
    try:
        if source.kind == "urls":
            for u in source.urls:
                col.add(_clean(u))
        elif source.kind in ("feed", "sitemap"):
            _discover_xml(source, fetcher, col, outcomes, max_sitemaps, max_depth)
        elif source.kind == "listing":
            _discover_listing(source, fetcher, col, outcomes, source.max_pages or max_pages)
    except Exception as exc:  # noqa: BLE001 - a parser bug on one odd page must not stop the run
        outcomes.append(FetchOutcome(source.url or source.name, source.name, "feed_error",
                                     reason=f"discovery failed: {type(exc).__name__}: {exc}"))
    if col.outside:
        notes.append(f"{col.outside} links outside allowed_domains skipped")
    return Discovery(list(col.urls), outcomes, notes)


# -- feeds and sitemaps ------------------------------------------------------------------
def _discover_xml(source: Source, fetcher: Fetcher, col: _Collector, outcomes: list[FetchOutcome],
                  max_sitemaps: int, max_depth: int) -> None:
    """Feed or sitemap (the document's root decides how it is read, whatever the source says)."""
    queue: list[tuple[str, int]] = [(source.url or "", 0)]
    seen: set[str] = set()
    while queue and not col.full:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if len(seen) > max_sitemaps:
            outcomes.append(FetchOutcome(url, source.name, "feed_error",
                                         reason=f"sitemap limit reached ({max_sitemaps} documents); not fetched"))
            break
        out = fetcher.fetch(url, source.name, expect="xml", rate_limit=source.rate_limit,
                            max_bytes=max(fetcher.max_bytes, SITEMAP_MAX_BYTES))
        row = replace(out, html=None, content=None)
        outcomes.append(row)
        if out.status != "ok":
            continue
        base = out.final_url or url
        xml_errors: list[str] = []
        try:
            root = parse_xml(out.content or b"", xml_errors)
        except ValueError as exc:
            _fail(row, f"not a feed or sitemap: {exc}")
            continue
        kind = etree.QName(root).localname.lower()
        if kind == "sitemapindex":
            children = []
            for i, entry in enumerate(_sitemap_entries(root, "sitemap", base), start=1):
                if entry.problem:
                    _note(row, f"sitemap {i}: {entry.problem}")
                elif entry.link not in seen:
                    children.append(entry)
            if depth + 1 > max_depth:
                _note(row, f"{len(children)} child sitemaps beyond depth {max_depth} not followed")
                continue
            for entry in _newest_first(children):
                queue.append((entry.link, depth + 1))
            continue
        if kind == "urlset":
            entries = _newest_first(list(_sitemap_entries(root, "url", base)))
            label = "url"
        elif kind in ("rss", "rdf", "feed", "channel"):
            entries = list(_feed_entries(root, base))
            label = "entry"
        else:
            _fail(row, f"not a feed or sitemap (root element <{kind}>)")
            continue
        broken = []
        kept = 0
        for i, entry in enumerate(entries, start=1):
            if entry.problem:
                broken.append(f"{label} {i}: {entry.problem}")
            elif col.add(entry.link):
                kept += 1
        plural = "entries" if label == "entry" else "urls"
        if broken:
            shown = "; ".join(broken[:5]) + ("; ..." if len(broken) > 5 else "")
            _fail(row, f"{len(broken)} broken {plural} skipped ({shown}); {kept} links kept")
        elif not entries and xml_errors:
            _fail(row, f"no {plural}; XML errors: {'; '.join(xml_errors[:2])}")
        elif not entries:
            _note(row, f"no {plural}")


def parse_xml(data: bytes, errors: list[str] | None = None) -> etree._Element:
    """Parse a feed or sitemap safely (recover mode, no entities, no DTD, no network); gzip accepted.

    Errors the parser recovered from are appended to `errors` when given.
    """
    if data[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = d.decompress(data, SITEMAP_MAX_BYTES)
        except zlib.error as exc:
            raise ValueError(f"bad gzip data ({exc})") from None
        if d.unconsumed_tail:
            raise ValueError(f"gzip body expands beyond {SITEMAP_MAX_BYTES} bytes")
    data = data.lstrip()  # blank lines before <?xml ...?> (common in CMS feeds) make it invalid XML
    if not data:
        raise ValueError("empty document")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"XML syntax error ({exc})") from None
    if errors is not None:
        errors.extend(f"line {e.line}: {e.message}" for e in parser.error_log)
    if root is None:
        raise ValueError("no XML element found")
    return root


def _resolve(base: str, link: str) -> tuple[str | None, str | None]:
    """(absolute URL, None) or (None, problem)."""
    link = link.strip()
    if not link:
        return None, "empty link"
    absolute = _clean(urljoin(base, link))
    problem = url_problem(absolute)
    if problem:
        return None, f"bad link {link[:80]!r}"
    return absolute, None


def _clean(url: str) -> str:
    """Drop the fragment (never part of an article's identity)."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(fragment="")) if parts.fragment else url.strip()


def _date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _feed_entries(root: etree._Element, base: str):
    for item in root.iter("{*}item", "{*}entry"):
        link = None
        for el in item.iterchildren("{*}link"):
            href = el.get("href")
            if href is not None:
                if el.get("rel", "alternate") == "alternate":
                    link = href
                    break
                continue
            if (el.text or "").strip():
                link = el.text
                break
        if link is None:
            guid = item.find("{*}guid")
            if guid is not None and guid.get("isPermaLink", "true") != "false" and (guid.text or "").strip():
                link = guid.text
            elif item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"):
                link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link is None:
            yield _Entry(None, problem="no link")
            continue
        absolute, problem = _resolve(base, link)
        date = None
        for tag in ("pubDate", "published", "updated", "date"):
            el = item.find("{*}" + tag)
            if el is not None and el.text:
                date = _date(el.text)
                break
        yield _Entry(absolute, date, problem)


def _sitemap_entries(root: etree._Element, tag: str, base: str):
    for node in root.iter("{*}" + tag):
        loc = node.find("{*}loc")
        if loc is None or not (loc.text or "").strip():
            yield _Entry(None, problem="no <loc>")
            continue
        absolute, problem = _resolve(base, loc.text)
        date = None
        for path in ("{*}lastmod", "{*}news/{*}publication_date"):
            el = node.find(path)
            if el is not None and el.text:
                date = _date(el.text)
                if date:
                    break
        yield _Entry(absolute, date, problem)


def _newest_first(entries: list[_Entry]) -> list[_Entry]:
    """Dated entries newest first, then undated ones in document order (stable)."""
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date, reverse=True)
    return dated + [e for e in entries if not e.date]


def _note(row: FetchOutcome, text: str) -> None:
    row.reason = f"{row.reason}; {text}" if row.reason else text


def _fail(row: FetchOutcome, text: str) -> None:
    row.status = "feed_error"
    row.reason = text if not row.reason or row.reason == "gzip" else f"{row.reason}; {text}"


# -- listing pages -------------------------------------------------------------------------
def _discover_listing(source: Source, fetcher: Fetcher, col: _Collector, outcomes: list[FetchOutcome],
                      max_pages: int) -> None:
    pattern = re.compile(source.link_pattern) if source.link_pattern else None
    url: str | None = source.url
    seen_pages: set[str] = set()
    page_no = 1
    while url and not col.full and len(seen_pages) < max_pages:
        seen_pages.add(url)
        out = fetcher.fetch(url, source.name, rate_limit=source.rate_limit)
        row = replace(out, html=None, content=None)
        outcomes.append(row)
        if out.status != "ok":
            return
        base = out.final_url or url
        try:
            doc = lxml.html.document_fromstring(out.html or "", base_url=base)
        except (etree.ParserError, ValueError) as exc:
            _fail(row, f"listing page not parseable ({exc})")
            return
        base_el = doc.find(".//base[@href]")
        if base_el is not None:
            base = _resolve(base, base_el.get("href"))[0] or base
        site = _site(base)
        found = 0
        for link in article_links(doc, base, source, pattern, site, seen_pages):
            if col.add(link):
                found += 1
        _note(row, f"{found} article links")
        if found == 0 and page_no == 1:
            _fail(row, "no article links found on the listing page")
        nxt = next_page(doc, base, page_no)
        url = nxt if nxt and nxt not in seen_pages and _site(nxt) == site else None
        page_no += 1


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _in_chrome(a) -> bool:
    """True when a link sits in page chrome (nav, sidebar, footer, "popular"/"related" widgets)."""
    for el in a.iterancestors():
        if el.tag in _CHROME_TAGS:
            return True
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if marks.strip() and _CHROME_MARKS.search(marks):
            return True
    return False


def article_links(doc, base: str, source: Source, pattern: re.Pattern | None, site: str,
                  skip: set[str]) -> list[str]:
    """Same-site links on a listing page that look like (or match the pattern for) article URLs.

    Links in page chrome (menus, sidebars with "popular" lists, footers) are ignored unless
    the page has no other candidates, so a search listing yields its results, not the
    site's most-read list.
    """
    main = _article_links(doc, base, source, pattern, site, skip, skip_chrome=True)
    return main or _article_links(doc, base, source, pattern, site, skip, skip_chrome=False)


def _article_links(doc, base: str, source: Source, pattern: re.Pattern | None, site: str,
                   skip: set[str], skip_chrome: bool) -> list[str]:
    out: dict[str, None] = {}
    for a in doc.iter("a"):
        if skip_chrome and _in_chrome(a):
            continue
        href = a.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        absolute, problem = _resolve(base, href)
        if problem or absolute in skip:
            continue
        same = _site(absolute) == site or (source.allowed_domains and host_allowed(absolute, source.allowed_domains))
        if not same:
            continue
        if pattern is not None:
            if pattern.search(absolute):
                out.setdefault(absolute, None)
        elif looks_like_article(absolute):
            out.setdefault(absolute, None)
    return list(out)


def looks_like_article(url: str) -> bool:
    """Heuristic for news article URLs: a long slug, or a numeric id / date path with a slug."""
    parts = urlsplit(url)
    if any(k.lower() in ("page", "halaman", "p", "q", "s") for k, _ in parse_qsl(parts.query)):
        return False
    segments = [s for s in parts.path.split("/") if s]
    if not segments or any(s.lower() in _NON_ARTICLE_SEGMENTS for s in segments[:-1]):
        return False
    last = re.sub(r"\.(html?|php|aspx?)$", "", segments[-1].lower())
    tokens = [t for t in _SLUG_TOKEN.findall(last) if not t.isdigit()]
    if last in _NON_ARTICLE_SEGMENTS:
        return False
    if len(tokens) >= 4 and "-" in last:
        return True
    has_id = any(s.isdigit() and len(s) >= 4 for s in segments) or bool(re.search(r"\d{5,}", last))
    return has_id and len(tokens) >= 2


def next_page(doc, base: str, page_no: int) -> str | None:
    """The next listing page: rel=next, a "next" class or text, or the link labelled page_no + 1."""
    for el in doc.iter("a", "link"):
        if "next" in (el.get("rel") or "").lower().split() and el.get("href"):
            return _resolve(base, el.get("href"))[0]
    by_number = None
    for a in doc.iter("a"):
        href = a.get("href")
        if not href:
            continue
        text = (a.text_content() or "").strip()
        classes = (a.get("class") or "").lower().split()
        if "next" in classes or (text and _NEXT_TEXT.match(text) and any(c.isalpha() or c in "»›>" for c in text)):
            return _resolve(base, href)[0]
        if text == str(page_no + 1) and by_number is None:
            by_number = _resolve(base, href)[0]
    return by_number
