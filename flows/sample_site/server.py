"""A threaded HTTP server for the sample site on 127.0.0.1: pages, feeds, sitemaps, faults.

Why a real server (not a mocked transport): the fetcher's politeness, timeouts, size caps,
redirect handling and conditional GET only mean something over real sockets, and `make run`
must show the whole flow offline. Standard library only (http.server), one thread per request.

Routes (all GET):
  /                              hub page linking the three outlets
  /robots.txt                    disallows /private/ and /fault/robots-blocked
  /sitemap_index.xml             index of the three outlet sitemaps
  /warta/...                     Warta Nusantara: /warta/terkini?page=N, /warta/rss.xml, /warta/sitemap.xml
  /suarapas/...                  Suara Pemasyarakatan: /suarapas/berita/page/N/, /suarapas/atom.xml
  /kabarnusa/...                 KabarNusa.com: /kabarnusa/indeks?page=N, /kabarnusa/search?q=,
                                 /kabarnusa/sitemap-news.xml, /kabarnusa/rss.xml, /kabarnusa/amp/...
  /private/laporan-internal      a 200 page that robots.txt disallows
  /fault/flaky?key=K&fails=N     500 for the first N requests per key, then an article
  /fault/ratelimited?key=K&fails=N&retry_after=S   429 with Retry-After, then an article
  /fault/slow?delay=S            waits S seconds (default 10) before answering
  /fault/drip?delay=S&chunks=N   sends the body in N chunks, S seconds apart
  /fault/missing, /fault/gone    404, 410
  /fault/loop-a <-> /fault/loop-b   redirect loop; /fault/redirect?n=K&to=PATH chain of K redirects (to an article)
  /fault/huge?size=B&declare=1   B bytes of HTML (default 6 MiB), with Content-Length only when declare=1
  /fault/laporan.pdf, /fault/foto.jpg, /fault/data.json   non-HTML
  /fault/pdf-as-html             PDF bytes labelled text/html
  /fault/cp1252?declare=header|meta|none   a Windows-1252 page
  /fault/malformed               malformed HTML, 200
  /fault/empty                   200 text/html with an empty body
  /fault/reset                   closes the connection without answering
  /fault/broken-feed.xml         RSS with broken entries; /fault/not-a-feed.xml HTML where a feed should be
  /fault/sitemap-loop.xml        a sitemap index that lists itself; /fault/billion-laughs.xml entity bomb
  /fault/status?code=C           any status code
All article pages and feeds send ETag and Last-Modified and answer conditional GETs with 304.
"""

from __future__ import annotations

import socket
import threading
import time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from flows.sample_site import faults
from flows.sample_site.content import FEED_EPOCH, OUTLETS, SiteContent, etag_for


class SampleServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, Handler)
        host, port = self.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self.content = SiteContent(self.base_url)
        self.stopping = threading.Event()
        self.counters: dict[str, int] = {}
        self.request_log: list[tuple[str, str, str]] = []  # (path with query, user-agent, if-none-match)
        self.lock = threading.Lock()

    def handle_error(self, request, client_address) -> None:  # noqa: D401 - quiet: clients abort on purpose
        pass

    def count(self, key: str) -> int:
        """Increment and return the request count for a fault key."""
        with self.lock:
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]


class Handler(BaseHTTPRequestHandler):
    server: SampleServer
    protocol_version = "HTTP/1.1"
    server_version = "SampleSite/1.0"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - silence stderr access logs
        pass

    # -- response helpers ------------------------------------------------------------------
    def send_body(self, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200,
                  headers: dict[str, str] | None = None, conditional: bool = False, modified=None) -> None:
        extra = dict(headers or {})
        if conditional:
            etag = etag_for(body)
            last_mod = format_datetime(modified or FEED_EPOCH, usegmt=True)
            extra["ETag"] = etag
            extra["Last-Modified"] = last_mod
            if self._not_modified(etag, modified or FEED_EPOCH):
                self.send_response(304)
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _not_modified(self, etag: str, modified) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or etag in tags or f"W/{etag}" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return modified.replace(microsecond=0) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def not_found(self) -> None:
        body = b"<!DOCTYPE html><html><head><title>404 Halaman tidak ditemukan</title></head><body>" \
               b"<h1>Halaman tidak ditemukan</h1></body></html>"
        self.send_body(body, status=404)

    # -- routing ---------------------------------------------------------------------------
    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(405)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        srv = self.server
        with srv.lock:
            srv.request_log.append((self.path, self.headers.get("User-Agent", ""),
                                    self.headers.get("If-None-Match", "")))
        parts = urlsplit(self.path)
        path = parts.path
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        try:
            if path.startswith("/fault/"):
                self.fault(path[len("/fault/"):], query)
            else:
                self.site(path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def site(self, path: str, query: dict[str, str]) -> None:
        c = self.server.content
        xml = "application/xml; charset=utf-8"
        if path in ("/", "/index.html"):
            return self.send_body(c.hub_page())
        if path == "/robots.txt":
            return self.send_body(c.robots_txt(), "text/plain; charset=utf-8")
        if path == "/sitemap_index.xml":
            return self.send_body(c.sitemap_index(), xml, conditional=True)
        if path == "/private/laporan-internal":
            return self.send_body(b"<!DOCTYPE html><html><head><title>Laporan internal</title></head><body>"
                                  b"<p>Dokumen internal: tidak untuk crawler.</p></body></html>")
        if path == "/warta/rss.xml":
            return self.send_body(c.rss("warta"), "application/rss+xml; charset=utf-8", conditional=True)
        if path == "/kabarnusa/rss.xml":
            return self.send_body(c.rss("kabarnusa"), "application/rss+xml; charset=utf-8", conditional=True)
        if path in ("/suarapas/atom.xml", "/suarapas/feed/"):
            return self.send_body(c.atom("suarapas"), "application/atom+xml; charset=utf-8", conditional=True)
        if path in ("/warta/sitemap.xml", "/suarapas/sitemap.xml"):
            return self.send_body(c.sitemap(path.split("/")[1]), xml, conditional=True)
        if path == "/kabarnusa/sitemap-news.xml":
            return self.send_body(c.news_sitemap("kabarnusa"), xml, conditional=True)
        page = _int(query.get("page"), 1)
        if path == "/warta/terkini":
            return self.listing("warta", page, query.get("kanal"))
        if path.startswith("/suarapas/berita/"):
            rest = path[len("/suarapas/berita/"):].strip("/")
            if rest.startswith("page/"):
                page = _int(rest[len("page/"):], 0)
            elif rest:
                return self.not_found()
            return self.listing("suarapas", page)
        if path == "/kabarnusa/indeks":
            return self.listing("kabarnusa", page, query.get("kanal"))
        if path == "/kabarnusa/search":
            return self.listing("kabarnusa", page, query=query.get("q", ""), list_path="search")
        article = c.by_path.get(path)
        if article is not None:
            return self.send_body(c.article_page(article), conditional=True, modified=article.modified)
        article = c.amp.get(path)
        if article is not None:
            return self.send_body(c.article_page(article, amp=True), conditional=True, modified=article.modified)
        return self.not_found()

    def listing(self, outlet: str, page: int, kanal: str | None = None, query: str | None = None,
                list_path: str = "indeks") -> None:
        if page < 1:
            return self.not_found()
        body, pages = self.server.content.listing_page(outlet, page, kanal=kanal, query=query, path=list_path)
        if page > pages:
            return self.not_found()
        self.send_body(body)

    # -- faults ----------------------------------------------------------------------------
    def fault(self, name: str, q: dict[str, str]) -> None:  # noqa: C901 - a flat routing table
        srv = self.server
        c = srv.content
        some_article = c.by_id["warta-tes-urine-banyuwangi"]
        if name == "flaky":
            n = srv.count("flaky:" + q.get("key", "default"))
            if n <= _int(q.get("fails"), 1):
                return self.send_body(b"<html><body><h1>500 Internal Server Error</h1></body></html>", status=500)
            return self.send_body(c.article_page(some_article))
        if name == "ratelimited":
            n = srv.count("429:" + q.get("key", "default"))
            if n <= _int(q.get("fails"), 1):
                return self.send_body(b"Too Many Requests", "text/plain", status=429,
                                      headers={"Retry-After": q.get("retry_after", "0")})
            return self.send_body(c.article_page(some_article))
        if name == "slow":
            deadline = time.monotonic() + _float(q.get("delay"), 10.0)
            while time.monotonic() < deadline and not srv.stopping.is_set():
                time.sleep(0.02)
            return self.send_body(c.article_page(some_article))
        if name == "drip":
            delay, chunks = _float(q.get("delay"), 0.5), _int(q.get("chunks"), 10)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self.wfile.write(b"<!DOCTYPE html><html><body>")
            for _ in range(chunks):
                if srv.stopping.wait(delay):
                    return
                self.wfile.write(b"<p>Data dikirim perlahan.</p>")
                self.wfile.flush()
            self.wfile.write(b"</body></html>")
            return None
        if name in ("missing", "robots-blocked-missing"):
            return self.not_found()
        if name == "gone":
            return self.send_body(b"<html><body>Gone</body></html>", status=410)
        if name == "status":
            code = _int(q.get("code"), 500)
            return self.send_body(f"<html><body>HTTP {code}</body></html>".encode(), status=code)
        if name == "robots-blocked":
            return self.send_body(c.article_page(some_article))
        if name == "loop-a":
            return self.redirect("/fault/loop-b")
        if name == "loop-b":
            return self.redirect(srv.base_url + "/fault/loop-a", 301)
        if name == "redirect":
            n = _int(q.get("n"), 1)
            target = q.get("to", some_article.path)
            if not target.startswith("/"):
                target = "/"
            if n <= 0:
                return self.redirect(target, 301)
            return self.redirect(f"/fault/redirect?n={n - 1}&to={quote(target)}")
        if name == "huge":
            return self.huge(_int(q.get("size"), 6 * 1024 * 1024), q.get("declare") == "1")
        if name == "laporan.pdf":
            return self.send_body(faults.PDF_BYTES, "application/pdf")
        if name == "foto.jpg":
            return self.send_body(faults.JPEG_BYTES, "image/jpeg")
        if name == "data.json":
            return self.send_body(b'{"status": "ok"}', "application/json")
        if name == "pdf-as-html":
            return self.send_body(faults.PDF_BYTES, "text/html")
        if name == "cp1252":
            body, ctype = faults.cp1252_page(q.get("declare", "header"))
            return self.send_body(body, ctype)
        if name == "malformed":
            return self.send_body(faults.MALFORMED_HTML.encode("utf-8"))
        if name == "empty":
            return self.send_body(b"")
        if name == "reset":
            self.close_connection = True
            try:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError:
                pass
            self.connection.close()
            return None
        if name == "broken-feed.xml":
            good = [c.url(c.by_id["warta-tes-urine-banyuwangi"]), c.url(c.by_id["kabarnusa-apel-siaga-medan"])]
            return self.send_body(faults.broken_feed(srv.base_url, good), "application/rss+xml; charset=utf-8")
        if name == "not-a-feed.xml":
            return self.send_body(c.hub_page(), "text/html; charset=utf-8")
        if name == "sitemap-loop.xml":
            body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{srv.base_url}/fault/sitemap-loop.xml</loc></sitemap>"
                    f"<sitemap><loc>{srv.base_url}{OUTLETS['suarapas'].sitemap_path}</loc></sitemap>"
                    "</sitemapindex>").encode()
            return self.send_body(body, "application/xml")
        if name == "billion-laughs.xml":
            return self.send_body(faults.BILLION_LAUGHS, "application/rss+xml")
        return self.not_found()

    def huge(self, size: int, declare: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declare:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        head = b"<!DOCTYPE html><html><head><title>Lampiran data</title></head><body>"
        chunk = faults.HUGE_PARAGRAPH.encode() * 64
        sent = 0
        self.wfile.write(head)
        sent += len(head)
        while sent < size and not self.server.stopping.is_set():
            piece = chunk[: size - sent]
            self.wfile.write(piece)
            sent += len(piece)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default
