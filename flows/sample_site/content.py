"""The sample site's content: articles from data files, rendered per outlet with jinja2.

Why data files + templates: three outlets with their own layouts, bylines and date formats
render the same kind of record, so syndicated copies differ exactly where real ones do
(title, dateline prefix, a dropped paragraph, page chrome) and nowhere else. All text is
synthetic; officials' names are invented.
"""

from __future__ import annotations

import hashlib
import json
import threading
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent
ARTICLES_DIR = HERE / "articles"
TEMPLATES_DIR = HERE / "templates"
PAGE_SIZE = 4
FEED_EPOCH = datetime(2024, 3, 1, tzinfo=UTC)  # "updated" for undated Atom entries and fixed pages

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
BULAN_PENDEK = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    feed_path: str
    sitemap_path: str
    listing_path: str


OUTLETS: dict[str, Outlet] = {
    "warta": Outlet("warta", "Warta Nusantara", "/warta/rss.xml", "/warta/sitemap.xml", "/warta/terkini"),
    "suarapas": Outlet("suarapas", "Suara Pemasyarakatan", "/suarapas/atom.xml", "/suarapas/sitemap.xml",
                       "/suarapas/berita/"),
    "kabarnusa": Outlet("kabarnusa", "KabarNusa.com", "/kabarnusa/rss.xml", "/kabarnusa/sitemap-news.xml",
                        "/kabarnusa/indeks"),
}


@dataclass
class Article:
    """One article as stored in `articles/<id>.json` (plus derived URL fields)."""

    id: str
    outlet: str
    story: str
    relevant: bool
    section: str
    slug: str
    title: str
    published: datetime | None
    author: str
    paragraphs: list[str]
    editor: str | None = None
    tags: list[str] = field(default_factory=list)
    broken: bool = False
    note: str = ""
    revision: int = 0

    @property
    def num(self) -> int:
        return 1_000_000 + zlib.crc32(self.slug.encode()) % 9_000_000

    @property
    def path(self) -> str:
        if self.outlet == "warta":
            return f"/warta/berita/{self.num}/{self.slug}"
        if self.outlet == "suarapas":
            return f"/suarapas/artikel/{self.slug}.html"
        p = self.published
        assert p is not None, "kabarnusa URLs carry the date"
        return f"/kabarnusa/{self.section}/{p:%Y/%m/%d}/{self.slug}"

    @property
    def amp_path(self) -> str | None:
        return self.path.replace("/kabarnusa/", "/kabarnusa/amp/", 1) if self.outlet == "kabarnusa" else None

    @property
    def modified(self) -> datetime:
        """Last-Modified of the page: publication time (fixed for undated pages), bumped by edits."""
        base = self.published.astimezone(UTC) if self.published else FEED_EPOCH
        return base.replace(microsecond=0) + timedelta(minutes=self.revision)


def load_articles(directory: Path = ARTICLES_DIR) -> list[Article]:
    """All article data files, newest first (undated last)."""
    out = []
    for path in sorted(directory.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw["published"] = datetime.fromisoformat(raw["published"]) if raw.get("published") else None
        out.append(Article(**raw))
    out.sort(key=lambda a: (a.published is not None, a.published.timestamp() if a.published else 0), reverse=True)
    return out


def _zone(dt: datetime) -> str:
    offset = dt.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 7
    return ZONES.get(hours, "WIB")


def date_text(a: Article) -> str:
    """The outlet's visible date format (each outlet writes dates its own way)."""
    p = a.published
    if p is None:
        return ""
    if a.outlet == "warta":
        return f"{HARI[p.weekday()]}, {p.day} {BULAN[p.month - 1]} {p.year} {p:%H:%M} {_zone(p)}"
    if a.outlet == "suarapas":
        return f"{p.day} {BULAN_PENDEK[p.month - 1]} {p.year}"
    return f"{HARI[p.weekday()]}, {p:%d/%m/%Y %H:%M} {_zone(p)}"


class SiteContent:
    """Renders every page of the sample site; rendered bytes and ETags are cached until an edit."""

    def __init__(self, base_url: str, articles: list[Article] | None = None) -> None:
        self.base = base_url.rstrip("/")
        self.articles = articles if articles is not None else load_articles()
        self.by_path = {a.path: a for a in self.articles}
        self.by_id = {a.id: a for a in self.articles}
        self.amp = {a.amp_path: a for a in self.articles if a.amp_path}
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)),
                               autoescape=select_autoescape(["html", "xml"]))
        self._cache: dict[str, bytes] = {}
        self._lock = threading.Lock()

    # -- helpers -------------------------------------------------------------------------
    def url(self, a: Article) -> str:
        return self.base + a.path

    def of(self, outlet: str) -> list[Article]:
        return [a for a in self.articles if a.outlet == outlet]

    def view(self, a: Article) -> dict:
        """Template variables for an article."""
        p = a.published
        jsonld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "author": {"@type": "Person", "name": a.author},
            "publisher": {"@type": "Organization", "name": OUTLETS[a.outlet].name},
            "mainEntityOfPage": self.url(a),
        }
        if p:
            jsonld["datePublished"] = p.isoformat()
            jsonld["dateModified"] = p.isoformat()
        return {
            "id": a.id, "num": a.num, "title": a.title, "url": self.url(a), "section": a.section, "tags": a.tags,
            "author": a.author, "editor": a.editor, "paragraphs": a.paragraphs, "published": p,
            "published_iso": p.isoformat() if p else "", "published_plain": f"{p:%Y-%m-%d %H:%M:%S}" if p else "",
            "date_text": date_text(a), "year": p.year if p else None,
            "summary": a.paragraphs[0][:160].rsplit(" ", 1)[0] + "...",
            "amp_url": self.base + a.amp_path if a.amp_path else None,
            "jsonld": json.dumps(jsonld, ensure_ascii=False).replace("</", "<\\/"),
            "author_initials": "".join(w[0].lower() for w in a.author.split()[:3]),
        }

    def _common(self, outlet: str, exclude: str | None = None) -> dict:
        popular = [self.view(a) for a in self.of(outlet) if a.id != exclude][:5]
        return {"base": self.base, "popular": popular}

    # -- pages ---------------------------------------------------------------------------
    def article_page(self, a: Article, amp: bool = False) -> bytes:
        key = f"{'amp:' if amp else ''}{a.id}"
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        same = [x for x in self.of(a.outlet) if x.id != a.id]
        related = [self.view(x) for x in same[:3]]
        template = "kabarnusa_amp.html" if amp else f"{a.outlet}_article.html"
        html = self.env.get_template(template).render(a=self.view(a), related=related, page_title=a.title,
                                                      **self._common(a.outlet, a.id))
        if a.broken and not amp:
            html = truncate_markup(html)
        body = html.encode("utf-8")
        with self._lock:
            self._cache[key] = body
        return body

    def listing_page(self, outlet: str, page: int, kanal: str | None = None, query: str | None = None,
                     path: str = "indeks") -> tuple[bytes, int]:
        """A listing page (1-based) and the number of pages."""
        items = self.of(outlet)
        heading = {"warta": "Berita Terkini", "suarapas": "Berita", "kabarnusa": "Indeks Berita"}[outlet]
        qs = ""
        if kanal:
            items = [a for a in items if a.section == kanal]
            heading += f" - {kanal.capitalize()}"
            qs = f"&kanal={kanal}"
        if query is not None:
            words = query.lower().split()
            items = [a for a in items if all(w in (a.title + " " + " ".join(a.paragraphs)).lower() for w in words)]
            heading = f"Hasil pencarian: {query}"
            qs = f"&q={query}"
        pages = max(1, -(-len(items) // PAGE_SIZE))
        chunk = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        html = self.env.get_template(f"{outlet}_listing.html").render(
            items=[self.view(a) for a in chunk], page=page, pages=pages, heading=heading, page_title=heading,
            qs=qs, path=path, **self._common(outlet))
        return html.encode("utf-8"), pages

    def hub_page(self) -> bytes:
        links = "\n".join(
            f'<li><a href="{self.base}{o.listing_path}">{escape(o.name)}</a> '
            f'(<a href="{self.base}{o.feed_path}">feed</a>, <a href="{self.base}{o.sitemap_path}">sitemap</a>)</li>'
            for o in OUTLETS.values())
        return (f"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Situs contoh pantau</title>"
                f"</head><body><h1>Situs berita contoh</h1><p>Tiga media sintetis untuk menguji pantau.</p>"
                f"<ul>{links}</ul></body></html>").encode()

    def robots_txt(self) -> bytes:
        return (
            "# Sample site robots.txt\n"
            "User-agent: *\n"
            "Disallow: /private/\n"
            "Disallow: /fault/robots-blocked\n"
            "Disallow: /kabarnusa/search/internal\n"
            "\n"
            "User-agent: BadBot\n"
            "Disallow: /\n"
            "\n"
            f"Sitemap: {self.base}/sitemap_index.xml\n"
        ).encode()

    # -- feeds and sitemaps ----------------------------------------------------------------
    def rss(self, outlet: str) -> bytes:
        o = OUTLETS[outlet]
        items = []
        for a in self.of(outlet):
            link = self.url(a) + ("?utm_source=rss&utm_medium=feed&utm_campaign=terkini" if outlet == "warta" else "")
            date = f"<pubDate>{format_datetime(a.published)}</pubDate>" if a.published else ""
            items.append(
                f"<item><title>{escape(a.title)}</title><link>{escape(link)}</link>"
                f"<guid isPermaLink=\"false\">{o.key}-{a.num}</guid>{date}"
                f"<category>{escape(a.section)}</category>"
                f"<description><![CDATA[{a.paragraphs[0][:200]}]]></description></item>")
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                f'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>{escape(o.name)}</title>'
                f"<link>{self.base}{o.listing_path}</link><description>Berita terkini {escape(o.name)}</description>"
                f"<language>id</language>{''.join(items)}</channel></rss>\n").encode()

    def atom(self, outlet: str) -> bytes:
        o = OUTLETS[outlet]
        entries = []
        for a in self.of(outlet):
            updated = (a.published or FEED_EPOCH).isoformat()
            entries.append(
                f"<entry><title>{escape(a.title)}</title><link rel=\"alternate\" type=\"text/html\" "
                f"href=\"{escape(self.url(a))}\"/><id>tag:suarapas,2024:{a.num}</id><updated>{updated}</updated>"
                f"<author><name>{escape(a.author)}</name></author>"
                f"<summary>{escape(a.paragraphs[0][:200])}</summary></entry>")
        newest = max((a.published for a in self.of(outlet) if a.published), default=FEED_EPOCH)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">'
                f"<title>{escape(o.name)}</title><link rel=\"self\" href=\"{self.base}{o.feed_path}\"/>"
                f"<link rel=\"alternate\" href=\"{self.base}{o.listing_path}\"/><id>{self.base}{o.feed_path}</id>"
                f"<updated>{newest.isoformat()}</updated>{''.join(entries)}</feed>\n").encode()

    def sitemap(self, outlet: str) -> bytes:
        rows = []
        for a in self.of(outlet):
            lastmod = f"<lastmod>{a.published.isoformat()}</lastmod>" if a.published else ""
            rows.append(f"<url><loc>{escape(self.url(a))}</loc>{lastmod}<changefreq>monthly</changefreq></url>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(rows) + "</urlset>\n").encode()

    def news_sitemap(self, outlet: str) -> bytes:
        o = OUTLETS[outlet]
        rows = []
        for a in self.of(outlet):
            if not a.published:
                continue
            rows.append(
                f"<url><loc>{escape(self.url(a))}</loc><news:news><news:publication><news:name>{escape(o.name)}"
                f"</news:name><news:language>id</news:language></news:publication>"
                f"<news:publication_date>{a.published.isoformat()}</news:publication_date>"
                f"<news:title>{escape(a.title)}</news:title></news:news></url>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(rows) + "</urlset>\n").encode()

    def sitemap_index(self) -> bytes:
        rows = []
        for o in OUTLETS.values():
            newest = max((a.published for a in self.of(o.key) if a.published), default=FEED_EPOCH)
            rows.append(f"<sitemap><loc>{self.base}{o.sitemap_path}</loc><lastmod>{newest.isoformat()}</lastmod></sitemap>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(rows) + "</sitemapindex>\n").encode()

    # -- edits (tests of conditional GET / changed pages) ---------------------------------
    def edit(self, article_id: str, title: str | None = None, append_paragraph: str | None = None) -> Article:
        """Change an article in place (new ETag and Last-Modified); returns the new record."""
        with self._lock:
            old = self.by_id[article_id]
            new = replace(old, title=title or old.title, revision=old.revision + 1,
                          paragraphs=old.paragraphs + ([append_paragraph] if append_paragraph else []))
            self.articles[self.articles.index(old)] = new
            self.by_id[new.id] = new
            self.by_path[new.path] = new
            if new.amp_path:
                self.amp[new.amp_path] = new
            self._cache.clear()
        return new


def truncate_markup(html: str) -> str:
    """Cut a page mid-markup, as a dropped connection or a broken CMS template leaves it."""
    body = html.index("<div class=\"side-article") if "side-article" in html else len(html) // 2
    cut = html.find("</p>", body)
    cut = html.find("</p>", cut + 4)  # keep two paragraphs
    return html[: cut + 4] + '\n<p>Pihak rutan telah melaporkan kejadian ini kepada <a href="'


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
