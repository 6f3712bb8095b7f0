"""A bundled sample news site on 127.0.0.1: three synthetic Indonesian outlets plus fault pages.

Why: `make run` and the test suite must show the whole monitoring flow offline, over real
HTTP, on content shaped like the real thing (syndicated press releases, off-topic pages, a
broken page, an undated page). Usage::

    with start_sample_site() as site:
        write_sample_sources(site.base_url, "var/sample_sources.toml")
        ...  # run the flow against it

Outlets are path prefixes on one host: /warta/ (Warta Nusantara, news-agency style),
/suarapas/ (Suara Pemasyarakatan, a WordPress corrections portal), /kabarnusa/ (KabarNusa.com,
a regional portal). They share a host, so tell outlets apart by site name (og:site_name)
or path prefix, see `SampleSite.outlet_of`. Ground truth for tests: `SampleSite.expected`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from flows.sample_site.content import OUTLETS, Article
from flows.sample_site.server import SampleServer

__all__ = ["SampleSite", "start_sample_site", "write_sample_sources", "fault_urls"]


@dataclass(frozen=True)
class Expected:
    """Ground truth for one sample article (from its data file)."""

    id: str
    url: str
    outlet: str
    story: str
    relevant: bool
    published: str | None
    title: str
    broken: bool


class SampleSite:
    """A running sample site; a context manager. `base_url` is e.g. http://127.0.0.1:43817."""

    def __init__(self, server: SampleServer) -> None:
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="pantau-sample-site", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return self._server.base_url

    @property
    def articles(self) -> list[Article]:
        return list(self._server.content.articles)

    @property
    def expected(self) -> list[Expected]:
        """One record per article page: URL, outlet, story key (syndicated copies share it), relevance."""
        c = self._server.content
        return [Expected(a.id, c.url(a), OUTLETS[a.outlet].name, a.story, a.relevant,
                         a.published.isoformat() if a.published else None, a.title, a.broken)
                for a in c.articles]

    def url_of(self, article_id: str) -> str:
        return self._server.content.url(self._server.content.by_id[article_id])

    def outlet_of(self, url: str) -> str | None:
        """Outlet name for a sample-site URL (from its path prefix)."""
        path = url[len(self.base_url):] if url.startswith(self.base_url) else url
        key = path.strip("/").split("/", 1)[0]
        return OUTLETS[key].name if key in OUTLETS else None

    def edit_article(self, article_id: str, title: str | None = None, append_paragraph: str | None = None) -> str:
        """Change an article (new ETag/Last-Modified, so a conditional GET refetches it); returns its URL."""
        return self._server.content.url(self._server.content.edit(article_id, title, append_paragraph))

    @property
    def request_log(self) -> list[tuple[str, str, str]]:
        """(path?query, User-Agent, If-None-Match) of every request so far."""
        with self._server.lock:
            return list(self._server.request_log)

    def requests_for(self, path_prefix: str) -> int:
        return sum(1 for p, _, _ in self.request_log if p.startswith(path_prefix))

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SampleSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sample_site(port: int = 0, host: str = "127.0.0.1") -> SampleSite:
    """Start the sample site on a loopback port (0 = any free port) in a background thread."""
    return SampleSite(SampleServer((host, port)))


def fault_urls(base_url: str, slow_delay: float = 3.0) -> dict[str, str]:
    """The fault endpoints, by the fetch status each should end in (the flaky ones end `ok`)."""
    b = base_url.rstrip("/")
    return {
        "flaky_500_then_ok": f"{b}/fault/flaky?key=sources&fails=1",
        "timeout": f"{b}/fault/slow?delay={slow_delay:g}",
        "http_404": f"{b}/fault/missing",
        "robots_disallowed": f"{b}/private/laporan-internal",
        "redirect_loop": f"{b}/fault/loop-a",
        "too_large": f"{b}/fault/huge",
        "not_html_pdf": f"{b}/fault/laporan.pdf",
        "not_html_image": f"{b}/fault/foto.jpg",
        "cp1252": f"{b}/fault/cp1252?declare=header",
        "malformed": f"{b}/fault/malformed",
        "empty_body": f"{b}/fault/empty",
    }


def write_sample_sources(base_url: str, path: str | Path, faults: bool = False, rate_limit: float = 100.0) -> Path:
    """Write a sources TOML for the sample site (all discovery kinds); `faults=True` adds the fault sources.

    The fault sources' slow page waits 3 s: run the fetcher with a timeout of about 1 s.
    """
    b = base_url.rstrip("/")
    host = b.split("://", 1)[1].split(":", 1)[0]
    lines = [
        "# Sources for the bundled sample site (written by flows.sample_site.write_sample_sources).",
        f"# Base URL: {b}",
        "",
        "[[source]]",
        'name = "warta-rss"',
        f'feed = "{b}/warta/rss.xml"',
        f'allowed_domains = ["{host}"]',
        f"rate_limit = {rate_limit:g}",
        "",
        "[[source]]",
        'name = "suarapas-atom"',
        f'feed = "{b}/suarapas/atom.xml"',
        f"rate_limit = {rate_limit:g}",
        "",
        "[[source]]",
        'name = "kabarnusa-indeks"',
        f'listing = "{b}/kabarnusa/indeks"',
        "link_pattern = '/kabarnusa/[a-z]+/\\d{4}/\\d{2}/\\d{2}/'",
        "max_pages = 5",
        f"rate_limit = {rate_limit:g}",
        "",
        "[[source]]",
        'name = "sampel-sitemap"',
        f'sitemap = "{b}/sitemap_index.xml"',
        "max_articles = 100",
        f"rate_limit = {rate_limit:g}",
        "",
        "# URL variants of articles found above: AMP and tracking parameters (canonicalisation must merge them).",
        "[[source]]",
        'name = "sampel-varian-url"',
        "urls = [",
        f'  "{b}/kabarnusa/amp/regional/2024/12/20/lapas-medan-gelar-apel-siaga-jelang-natal-dan-tahun-baru",',
        f'  "{b}/suarapas/artikel/lapas-cibinong-canangkan-zona-integritas-menuju-wbk.html?utm_source=whatsapp&utm_medium=share",',
        "]",
        f"rate_limit = {rate_limit:g}",
    ]
    if faults:
        lines += ["", "# Fault pages: each must end as one fetch_log row while the run completes.",
                  "[[source]]", 'name = "sampel-gangguan"', "urls = ["]
        lines += [f'  "{u}",' for u in fault_urls(b).values()]
        lines += ["]", f"rate_limit = {rate_limit:g}", "",
                  "[[source]]", 'name = "sampel-feed-rusak"', f'feed = "{b}/fault/broken-feed.xml"',
                  f"rate_limit = {rate_limit:g}"]
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
