"""Backfill: WARC files, sitemaps with dates on a loopback server, URL files, date filters, resume."""

from __future__ import annotations

import gzip
import io
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.backfill import DateRange, parse_sitemap, run_backfill, sitemap_keeps
from flows.errors import ConfigError
from flows.fetch import Fetcher
from flows.scale import article_html, synthetic_article
from flows.store import Store

warcio = pytest.importorskip("warcio")

START = date(2025, 1, 1)  # synthetic article i is published START + i // 3 days


def write_warc(path: Path, n: int, host: str = "kabarlapas.example", extra_junk: bool = True) -> list:
    """A gzipped WARC with n HTML responses (+ a request, a 404 and an image record as noise)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    arts = [synthetic_article(i, START, base=f"https://{host}") for i in range(n)]
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for a in arts:
            body = article_html(a).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(a.url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            w.write_record(w.create_warc_record(a.url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": f"{a.published:%Y-%m-%dT%H:%M:%SZ}"}))
        if extra_junk:
            h404 = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://{host}/hilang", "response",
                                                payload=io.BytesIO(b"<html>not found</html>"), http_headers=h404))
            himg = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://{host}/logo.png", "response",
                                                payload=io.BytesIO(b"\x89PNG...."), http_headers=himg))
    return arts


def article_urls(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as s:
        return [u for (u,) in s.con.execute("SELECT canonical_url FROM articles ORDER BY 1").fetchall()]


def test_warc_backfill_filters_dates_and_is_idempotent(tmp_path):
    warc = tmp_path / "cc-news.warc.gz"
    arts = write_warc(warc, 30)  # published 2025-01-01 .. 2025-01-10
    db = tmp_path / "p.duckdb"
    rep = run_backfill(db, "2025-01-03", "2025-01-06", warc_files=[warc])
    in_range = {a.url for a in arts if date(2025, 1, 3) <= a.published.date() <= date(2025, 1, 6)}
    assert len(in_range) == 12
    assert set(article_urls(db)) == in_range
    assert rep.new == 12 and rep.out_of_range == 18 and rep.units_done == 1
    # items: 30 articles + 404 + image; the two non-pages count as items, not as articles
    assert rep.items == 32
    with Store.open(db, read_only=True) as s:
        (src,) = s.con.execute("SELECT DISTINCT source FROM articles").fetchone()
        assert src == "warc:cc-news.warc.gz"
        (status,) = s.con.execute("SELECT status FROM runs WHERE flow = 'backfill'").fetchone()
        assert status == "completed"
    # same job again: everything skipped; a wider range is another job and adds only the new days
    again = run_backfill(db, "2025-01-03", "2025-01-06", warc_files=[warc])
    assert again.units_skipped == 1 and again.units_done == 0 and again.new == 0
    wider = run_backfill(db, "2025-01-01", "2025-01-10", warc_files=[warc])
    assert wider.new == 18 and wider.unchanged == 12
    assert len(article_urls(db)) == 30


class Crash(RuntimeError):
    pass


def test_resume_after_crash_finishes_without_duplicates(tmp_path):
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, 45, extra_junk=False)  # 5 units of <= 10 records
    db = tmp_path / "p.duckdb"
    seen = []

    def crash_after_two(result):
        seen.append(result.unit_id)
        if len(seen) == 2:
            raise Crash("simulated crash")

    with pytest.raises(Crash):
        run_backfill(db, "2025-01-01", "2025-12-31", warc_files=[warc], after_unit=crash_after_two,
                     warc_chunk=10)
    assert len(article_urls(db)) == 20
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM backfill_progress WHERE status = 'done'").fetchone() == (2,)
        assert s.con.execute("SELECT status FROM runs").fetchone() == ("failed",)

    done = []
    rep = run_backfill(db, "2025-01-01", "2025-12-31", warc_files=[warc], warc_chunk=10,
                       after_unit=lambda r: done.append(r.unit_id))
    assert rep.units_skipped == 2 and rep.units_done == 3 and rep.new == 25
    assert not set(done) & set(seen)  # finished units were not redone
    urls = article_urls(db)
    assert len(urls) == 45 == len(set(urls))
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM backfill_progress").fetchone() == (5,)
        # every article got a story, and no two stored rows share a text
        assert s.con.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)
        assert s.con.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone() == (45,)


def test_killed_subprocess_then_rerun(tmp_path):
    """A real SIGKILL mid-run: the next run completes the job, nothing stored twice."""
    import os
    import signal
    import subprocess
    import sys
    import time

    warc = tmp_path / "k.warc.gz"
    write_warc(warc, 36, extra_junk=False)
    db = tmp_path / "k.duckdb"
    marker = tmp_path / "units.txt"
    code = (
        "import sys, time, flows.backfill as b\n"
        f"def hook(r):\n    open({str(marker)!r}, 'a').write(r.unit_id + '\\n'); time.sleep(0.3)\n"
        f"b.run_backfill({str(db)!r}, '2025-01-01', '2025-12-31', warc_files=[{str(warc)!r}], after_unit=hook,"
        " warc_chunk=3)\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=root, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not marker.exists() or len(marker.read_text().split()) < 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    n_before = len(marker.read_text().split())
    assert 3 <= n_before < 12, "the run should have been killed part-way"
    rep = run_backfill(db, "2025-01-01", "2025-12-31", warc_files=[warc], warc_chunk=3)
    assert rep.units_skipped >= 3 and rep.units_skipped + rep.units_done == 12
    urls = article_urls(db)
    assert len(urls) == 36 == len(set(urls))
    with Store.open(db, read_only=True) as s:
        statuses = dict(s.con.execute("SELECT status, count(*) FROM runs GROUP BY 1").fetchall())
        assert statuses == {"interrupted": 1, "completed": 1}


# ---------------------------------------------------------------- sitemaps on a loopback server


class Site:
    """A tiny news site: sitemap index -> monthly sitemaps with lastmod / news dates -> articles."""

    def __init__(self, n: int) -> None:
        self.hits: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        # published 2024-12-20 .. 2025-01-04
        self.pages = {a.url: a for a in (synthetic_article(i, date(2024, 12, 20), base=self.base) for i in range(n))}
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def sitemap(self, month: str) -> bytes:
        items = []
        for url, a in self.pages.items():
            if f"{a.published:%Y-%m}" != month:
                continue
            if a.id.endswith(("0", "5")):  # some entries: news:publication_date, no lastmod
                items.append(f"<url><loc>{url}</loc><news:news><news:publication_date>{a.published:%Y-%m-%dT%H:%M:%S}"
                             "+08:00</news:publication_date></news:news></url>")
            else:
                items.append(f"<url><loc>{url}</loc><lastmod>{a.published:%Y-%m-%d}</lastmod></url>")
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(items) + "</urlset>").encode()

    def _handler(self):
        site = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                site.hits.append(self.path)
                url = site.base + self.path
                if self.path == "/robots.txt":
                    return self._send(b"User-agent: *\nAllow: /\n", "text/plain")
                if self.path == "/sitemap.xml":
                    body = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            b"<sitemap><loc>/sitemap-2024-11.xml.gz</loc><lastmod>2024-11-30</lastmod></sitemap>"
                            b"<sitemap><loc>/sitemap-2024-12.xml.gz</loc><lastmod>2024-12-31</lastmod></sitemap>"
                            b"<sitemap><loc>/sitemap-2025-01.xml.gz</loc><lastmod>2025-01-05</lastmod></sitemap>"
                            b"</sitemapindex>")
                    return self._send(body, "application/xml")
                if self.path.startswith("/arsip?tanggal="):
                    day = self.path.split("=", 1)[1]
                    links = "".join(f'<li><a href="{u[len(site.base):]}">{a.title}</a></li>'
                                    for u, a in site.pages.items() if f"{a.published:%Y-%m-%d}" == day)
                    body = f'<html><body><a href="/">Beranda</a><ul>{links}</ul><a href="/tentang">Tentang</a>'
                    return self._send((body + "</body></html>").encode(), "text/html")
                if self.path.startswith("/sitemap-"):
                    month = self.path[len("/sitemap-"):len("/sitemap-") + 7]
                    return self._send(gzip.compress(site.sitemap(month)), "application/x-gzip")
                if url in site.pages:
                    return self._send(article_html(site.pages[url]).encode(), "text/html; charset=utf-8")
                self.send_response(404)
                self.end_headers()

            def _send(self, body: bytes, ctype: str):
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return H

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site(48)
    yield s
    s.close()


def test_sitemap_backfill_filters_before_fetching(tmp_path, site):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "kabar"\nsitemap = "{site.base}/sitemap.xml"\nrate_limit = 1000\n')
    db = tmp_path / "s.duckdb"
    fetcher = Fetcher(rate_limit=None, retries=0, timeout=5)
    rng = DateRange(date(2024, 12, 25), date(2024, 12, 31))
    rep = run_backfill(db, rng.start, rng.end, sources_file=sources, fetcher=fetcher)
    fetcher.close()
    want = {u for u, a in site.pages.items() if a.published.date() in rng}
    assert want and set(article_urls(db)) == want
    # the November sitemap was pruned by its lastmod; January entries dated by news:publication_date
    # were dropped unfetched; December pages before the range were fetched (lastmod-only entries) or not
    assert "/sitemap-2024-11.xml.gz" not in site.hits
    fetched = {site.base + p for p in site.hits if p.startswith("/berita/")}
    news_dated_outside = {u for u, a in site.pages.items()
                          if a.id.endswith(("0", "5")) and a.published.date() not in rng}
    assert fetched and not fetched & news_dated_outside
    lastmod_before = {u for u, a in site.pages.items() if a.published.date() < rng.start}
    assert not fetched & lastmod_before
    assert rep.new == len(want)
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM backfill_progress WHERE kind = 'sitemap'").fetchone()[0] >= 2
    # resume: the same job fetches no article page again
    before = len(site.hits)
    fetcher = Fetcher(rate_limit=None, retries=0, timeout=5)
    rep2 = run_backfill(db, rng.start, rng.end, sources_file=sources, fetcher=fetcher)
    fetcher.close()
    assert rep2.units_done == 0 and rep2.units_skipped == rep.units_done
    assert not any(p.startswith("/berita/") for p in site.hits[before:])


def test_url_file_and_listing_archive_pages(tmp_path, site):
    urls = sorted(site.pages)[:6]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("# hand-picked\n" + "\n".join(urls) + "\n\n")
    db = tmp_path / "u.duckdb"
    fetcher = Fetcher(rate_limit=None, retries=0, timeout=5)
    rep = run_backfill(db, "2024-01-01", "2025-12-31", urls_file=url_file, fetcher=fetcher)
    fetcher.close()
    assert rep.new == 6 and set(article_urls(db)) == set(urls)
    # an archive listing with one page per day: only the range's days are read
    sources = tmp_path / "arsip.toml"
    sources.write_text(f'[[source]]\nname = "arsip"\nlisting = "{site.base}/arsip?tanggal={{date}}"\n'
                       'link_pattern = "/berita/"\n')
    before = len(site.hits)
    fetcher = Fetcher(rate_limit=None, retries=0, timeout=5)
    rep = run_backfill(db, "2025-01-02", "2025-01-03", sources_file=sources, fetcher=fetcher)
    fetcher.close()
    days = {"2025-01-02", "2025-01-03"}
    assert sorted(p for p in site.hits[before:] if p.startswith("/arsip")) == [f"/arsip?tanggal={d}" for d in sorted(days)]
    want = {u for u, a in site.pages.items() if f"{a.published:%Y-%m-%d}" in days}
    assert rep.new == len(want) - len(want & set(urls)) and want <= set(article_urls(db))
    assert not any(p == "/tentang" for p in site.hits[before:])
    bad = tmp_path / "bad.txt"
    bad.write_text("https://ok.example/a\nnot a url\n")
    with pytest.raises(ConfigError, match="bad.txt:2"):
        run_backfill(db, "2024-01-01", "2025-12-31", urls_file=bad)


def test_sitemap_parsing_and_prefilter():
    xml = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
           b"<url><loc>https://a.example/1</loc><lastmod>2025-02-01T10:00:00+07:00</lastmod></url>"
           b"<url><loc>https://a.example/2</loc><news:news><news:publication_date>2025-01-15</news:publication_date>"
           b"</news:news><lastmod>2025-03-01</lastmod></url>"
           b"<url><loc>https://a.example/3</loc></url></urlset>")
    children, entries = parse_sitemap(gzip.compress(xml))
    assert children == [] and [e.loc for e in entries] == ["https://a.example/1", "https://a.example/2",
                                                            "https://a.example/3"]
    rng = DateRange(date(2025, 1, 10), date(2025, 1, 20))
    keep = [sitemap_keeps(e, rng) for e in entries]
    # 1: modified after the start (could be published inside): kept; 2: published inside: kept; 3: undated: kept
    assert keep == [True, True, True]
    rng2 = DateRange(date(2025, 2, 5), date(2025, 2, 28))
    assert [sitemap_keeps(e, rng2) for e in entries] == [False, False, True]
    with pytest.raises(ConfigError):
        DateRange.parse("2025-02-01", "2025-01-01")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        DateRange.parse("1/2/2025", "2025-01-01")
    assert len(list(DateRange(date(2025, 1, 1), date(2025, 1, 1) + timedelta(days=2)).days())) == 3
