"""HTML -> ExtractedArticle: main text and metadata of one news page.

A pure function of (html, url): no network, no database, so it is cheap to test and to re-run
over stored pages. The pieces and why:

- **trafilatura** (`bare_extraction`, `favor_precision=True`, no comments, no tables): news pages
  wrap the article in menus, "Baca juga" boxes and related-article lists; precision keeps those
  out of the text that de-duplication and NLP see.
- **htmldate** with `original_date=True` (the publication, not the last-modified date). Dates are
  taken in order of trust: structured markup (meta tags, JSON-LD, <time>, URL) -> an Indonesian
  byline ("Selasa, 3 Juni 2025 10:15 WIB") -> htmldate's extensive text search, the last only when
  it is *not* a bare year from a copyright line. An undated page keeps `published = None`
  rather than getting "2024-01-01" from its "(c) 2024" footer.
- **courlan** plus a few rules for canonical URLs: tracking parameters (utm_*, fbclid, ...),
  AMP variants (`/amp/`, `?amp=1`, `amp.` hosts) and mobile hosts (`m.`, `mobile.`) all map to one
  URL, so an article seen through a feed, an AMP link and a mobile share is stored once.
  `<link rel=canonical>` wins when it points to the same site (a cross-site canonical is how
  syndication is announced; that copy is still its own article, grouped later into a story).
- **language** via trafilatura's py3langid classifier (fed the extracted text).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan
import htmldate
import trafilatura
from lxml import html as lxml_html

MIN_TEXT_CHARS = 200  # shorter "articles" are navigation stubs, captions or error pages

_TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref|ref_src|"
    r"src|source|cmpid|campaign|share|from|amp|outputType|output_type|page_from|tag_from|_branch_match_id)$",
    re.IGNORECASE,
)
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12,
}
_ID_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)\s+(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+"
    r"(?P<y>(?:19|20)\d\d)(?:[,\s|\-]+(?:pukul\s+)?(?P<H>[0-2]?\d)[:.](?P<M>[0-5]\d))?",
    re.IGNORECASE,
)
_COPYRIGHT_YEAR = re.compile(r"(?:©|&copy;|\(c\)|copyright|hak\s+cipta)\D{0,40}((?:19|20)\d\d)", re.IGNORECASE)
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class ExtractedArticle:
    """What one page yields; `text` is the main text only (no menus, no related links)."""

    url: str
    canonical_url: str
    title: str | None
    text: str
    published: datetime | None
    author: str | None
    sitename: str | None
    language: str | None
    outlet: str  # publisher host without www./m./amp. ("kabarnusa.example"); see publisher_of

    @property
    def n_words(self) -> int:
        return len(self.text.split())


# ---------------------------------------------------------------- canonical URLs


def canonicalize_url(url: str) -> str:
    """One URL per article: lower-case host without mobile/AMP prefixes, no tracking params.

    Keeps `www.` (outlets serve both with and without it, but dropping it would change the
    URL an analyst clicks); strips `m.`, `mobile.`, `amp.` hosts and `/amp` path segments.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower()
    for prefix in ("m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    path = parts.path or "/"
    amp_path = re.sub(r"/amp(?:/|\.html?)?$", "", path, flags=re.IGNORECASE)
    amp_path = re.sub(r"/amp/", "/", amp_path, flags=re.IGNORECASE)
    if amp_path != path:  # an AMP variant: drop the slash the AMP segment left behind
        path = amp_path.rstrip("/") or "/"
    # parse the query ourselves first: courlan unescapes "&amp=1" into "&=1" otherwise
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)]
    query.sort()
    rebuilt = urlunsplit(("https" if parts.scheme == "https" else "http", netloc, path, urlencode(query), ""))
    try:
        return courlan.normalize_url(rebuilt, strict=False, trailing_slash=True)
    except Exception:  # noqa: BLE001 - courlan raises on odd URLs; the rebuilt one is still usable
        return rebuilt


def outlet_of(url: str) -> str:
    """Publisher host: lower case, without www./m./mobile./amp. and without the port."""
    host = (urlsplit(url).hostname or "").lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix):]
    return host


def publisher_of(url: str, sitename: str | None) -> str:
    """The outlet an article counts for: its host, except on loopback/IP hosts.

    A local mirror or the bundled sample site serves several outlets under path prefixes of one
    IP host; there the site name (og:site_name) or the first path segment tells them apart.
    """
    if not _is_local(url):
        return outlet_of(url)
    name = (sitename or "").strip()
    if not name or name.lower() == outlet_of(url) or re.fullmatch(r"[\w.\-]+:\d+", name):
        return _site_key(url)  # trafilatura falls back to "host:port" when the page names no site
    return name


def _is_local(url: str) -> bool:
    host = outlet_of(url)
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return host in ("localhost", "")


def _site_key(url: str) -> str:
    """Host, plus the first path segment on loopback/IP hosts (outlets as path prefixes)."""
    host = outlet_of(url)
    if not _is_local(url):
        return host
    first = urlsplit(url).path.strip("/").split("/", 1)[0]
    return f"{host}/{first}" if first else host


def _same_site(a: str, b: str) -> bool:
    return _site_key(a) == _site_key(b) and _site_key(a) != ""


def _link_canonical(tree) -> str | None:
    for href in tree.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href'):
        href = href.strip()
        if href:
            return href
    return None


# ---------------------------------------------------------------- dates


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.replace(tzinfo=None)


def _byline_date(tree) -> datetime | None:
    """An Indonesian day-month-year date in the page's byline/date elements, else its first one."""
    candidates = tree.xpath(
        '//*[contains(concat(" ",normalize-space(@class)," "),"date") or contains(@class,"time") '
        'or contains(@class,"byline") or contains(@class,"meta") or contains(@class,"tanggal")]//text()'
    )
    for chunk in (" ".join(candidates), " ".join(tree.xpath("//body//text()"))[:4000]):
        for m in _ID_DATE.finditer(chunk):
            try:
                return datetime(
                    int(m["y"]), _MONTHS[m["m"].lower().rstrip(".")], int(m["d"]),
                    int(m["H"] or 0), int(m["M"] or 0),
                )
            except ValueError:
                continue
    return None


_META_DATE_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time" or @property="og:published_time"'
    ' or @name="pubdate" or @name="publishdate" or @name="publish-date" or @itemprop="datePublished"'
    ' or @name="content_PublishedDate" or @name="dtm_publish"]/@content | //time[@datetime]/@datetime'
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _markup_datetime(tree, html: str) -> list[datetime]:
    """Full timestamps from meta tags, <time datetime> and JSON-LD (htmldate keeps only the day)."""
    values = [str(v) for v in tree.xpath(_META_DATE_XPATH)] + _JSONLD_DATE.findall(html)
    out = []
    for v in values:
        try:
            dt = datetime.fromisoformat(v.strip().replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:
            continue
        out.append(dt.replace(tzinfo=None))  # the publisher's wall-clock time, as its byline shows it
    return out


def _copyright_years(html: str) -> set[int]:
    return {int(y) for y in _COPYRIGHT_YEAR.findall(html)}


def find_published(tree, html: str, url: str) -> datetime | None:
    """Publication date, or None when the page gives no date at day precision.

    Times are the publisher's wall-clock time (an offset like +08:00 is dropped, not converted):
    that is the clock event dates in the text ("Senin (10/2)") are relative to.
    The guard against footer years: htmldate's extensive search falls back to copyright lines
    and returns "YYYY-01-01"; a Jan-1 result whose year appears in a copyright notice is dropped.
    """
    fmt = "%Y-%m-%dT%H:%M:%S"
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, outputformat=fmt, url=url)
    except Exception:  # noqa: BLE001 - htmldate is best-effort on malformed pages
        found = None
    dt = _parse_iso(found)
    byline = _byline_date(tree)
    if dt and dt.time() == datetime.min.time():
        # htmldate keeps only the day; take the hour from markup or the byline when they agree on the day
        for timed in [*_markup_datetime(tree, html), *([byline] if byline else [])]:
            if timed.date() == dt.date():
                return timed
    if dt or byline:
        return dt or byline
    try:
        found = htmldate.find_date(tree, extensive_search=True, original_date=True, outputformat=fmt, url=url)
    except Exception:  # noqa: BLE001
        found = None
    dt = _parse_iso(found)
    if dt and dt.month == 1 and dt.day == 1 and dt.year in _copyright_years(html):
        return None
    return dt


# ---------------------------------------------------------------- extraction


def extract(html: str | bytes, url: str) -> ExtractedArticle | None:
    """Main text and metadata of one page, or None when it has no article text.

    None (recorded as `nothing_extracted` by the flow) for empty bodies, unparsable markup and
    pages whose main text is shorter than MIN_TEXT_CHARS.
    """
    if isinstance(html, bytes):
        from flows.fetch import decode_body

        html = decode_body(html)[0]  # the fetcher's charset rules: BOM, <meta charset>, UTF-8, detection
    if not html or not html.strip():
        return None
    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types on garbage
        return None
    # tables are left out (share widgets, related-story grids), unless the page has no text outside them: older
    # outlets and facility sites still lay out the story in a <table>
    for tables in (False, True):
        doc = _bare(html, url, tables)
        if doc is None:
            continue
        text = _clean_text(getattr(doc, "text", None) or "")
        if tables:
            text = _clean_text(_TABLE_BORDER.sub("\n", text))  # "| cell | cell |" rows as lines
        title = _clean_text(doc.title or "") or None
        if title and text.startswith(title + "\n"):
            text = text[len(title) + 1:]  # the <h1> repeated as the first line: outlets vary headlines
        if len(text) >= MIN_TEXT_CHARS:
            break
        if "<table" not in html and "<TABLE" not in html:
            return None
    else:
        return None
    canonical = canonicalize_url(url)
    declared = _link_canonical(tree)
    if declared:
        declared_abs = courlan.fix_relative_urls(url, declared) if not declared.startswith("http") else declared
        if _same_site(declared_abs, url):
            canonical = canonicalize_url(declared_abs)
    return ExtractedArticle(
        url=url,
        canonical_url=canonical,
        title=title,
        text=text,
        published=find_published(tree, html, url),
        author=clean_author(doc.author),
        sitename=(doc.sitename or None),
        language=_language(text),
        outlet=publisher_of(canonical, doc.sitename),
    )


_WEEKDAYS = re.compile(r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b|\d", re.IGNORECASE)
_AUTHOR_PREFIX = re.compile(r"^(oleh|penulis|reporter|editor|pewarta|by)\s*[:.]?\s*", re.IGNORECASE)


_TABLE_BORDER = re.compile(r"^\|[ \t]*|[ \t]*\|$|[ \t]+\|[ \t]+", re.MULTILINE)


def _bare(html: str, url: str, tables: bool):
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - one bad page must never stop a batch
        return None


def clean_author(raw: str | None) -> str | None:
    """"Oleh Rina Wulandari; Selasa" -> "Rina Wulandari": bylines mix names, labels and dates."""
    if not raw:
        return None
    names = []
    for part in raw.split(";"):
        part = _AUTHOR_PREFIX.sub("", part.strip()).strip(" ,|-")
        if part and not _WEEKDAYS.search(part) and part not in names:
            names.append(part)
    return "; ".join(names) or None


def _clean_text(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _language(text: str) -> str | None:
    try:
        from trafilatura.utils import language_classifier

        return language_classifier(text[:5000], "")
    except Exception:  # noqa: BLE001 - language is a nice-to-have
        return None
