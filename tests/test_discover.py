"""Discovery: feeds, sitemaps, listings and URL lists of the sample site -> the right article URLs."""

from __future__ import annotations

import gzip
import time

import lxml.html
import pytest

from flows.discover import discover, looks_like_article, next_page, parse_xml
from flows.sources import Source


def src(kind: str, url: str | None = None, **kw) -> Source:
    return Source(name=f"uji-{kind}", kind=kind, url=url, **kw)


def expected_urls(site, outlet_prefix: str = "") -> set[str]:
    return {e.url for e in site.expected if e.url.startswith(site.base_url + outlet_prefix)}


def strip_query(urls) -> set[str]:
    return {u.split("?", 1)[0] for u in urls}


def test_rss_feed(sample_site, fast_fetcher):
    d = discover(src("feed", f"{sample_site.base_url}/warta/rss.xml"), fast_fetcher)
    assert strip_query(d.urls) == expected_urls(sample_site, "/warta/") and len(d.urls) == 11
    assert all("utm_source=rss" in u for u in d.urls), "feed links are kept as given; canonicalisation is later"
    assert [(o.status, o.source) for o in d.outcomes] == [("ok", "uji-feed")]
    assert d.outcomes[0].html is None and d.outcomes[0].content is None


def test_atom_feed(sample_site, fast_fetcher):
    d = discover(src("feed", f"{sample_site.base_url}/suarapas/atom.xml"), fast_fetcher)
    assert set(d.urls) == expected_urls(sample_site, "/suarapas/") and len(d.urls) == 9


def test_sitemap_index_reaches_every_article(sample_site, fast_fetcher):
    d = discover(src("sitemap", f"{sample_site.base_url}/sitemap_index.xml"), fast_fetcher)
    assert set(d.urls) == expected_urls(sample_site) and len(d.urls) == 30
    assert [o.status for o in d.outcomes] == ["ok"] * 4
    assert d.outcomes[0].url.endswith("/sitemap_index.xml")


def test_news_sitemap_newest_first_and_max_articles(sample_site, fast_fetcher):
    d = discover(src("sitemap", f"{sample_site.base_url}/kabarnusa/sitemap-news.xml", max_articles=3), fast_fetcher)
    kabar = sorted((e for e in sample_site.expected if "/kabarnusa/" in e.url), key=lambda e: e.published,
                   reverse=True)
    assert d.urls == [e.url for e in kabar[:3]]


def test_sitemap_index_stops_when_max_articles_reached(sample_site, fast_fetcher):
    d = discover(src("sitemap", f"{sample_site.base_url}/sitemap_index.xml", max_articles=5), fast_fetcher)
    assert len(d.urls) == 5 and len(d.outcomes) == 2  # the index and the newest child sitemap only


def test_listing_with_pagination_and_pattern(sample_site, fast_fetcher):
    source = src("listing", f"{sample_site.base_url}/kabarnusa/indeks", link_pattern=r"/kabarnusa/[a-z]+/\d{4}/")
    d = discover(source, fast_fetcher)
    assert set(d.urls) == expected_urls(sample_site, "/kabarnusa/") and len(d.urls) == 10
    assert [o.url.rsplit("/", 1)[1] for o in d.outcomes] == ["indeks", "indeks?page=2", "indeks?page=3"]
    assert all(o.status == "ok" for o in d.outcomes)


@pytest.mark.parametrize(("path", "outlet"), [("/warta/terkini", "/warta/"), ("/suarapas/berita/", "/suarapas/"),
                                              ("/kabarnusa/indeks", "/kabarnusa/")])
def test_listing_heuristic_finds_articles_not_navigation(sample_site, fast_fetcher, path, outlet):
    d = discover(src("listing", sample_site.base_url + path), fast_fetcher)
    assert set(d.urls) == expected_urls(sample_site, outlet)
    assert len(d.outcomes) == 3  # three listing pages of four articles


def test_listing_max_pages(sample_site, fast_fetcher):
    d = discover(src("listing", f"{sample_site.base_url}/warta/terkini", max_pages=1), fast_fetcher)
    assert len(d.outcomes) == 1 and len(d.urls) == 4


def test_search_listing_ignores_sidebar_links(sample_site, fast_fetcher):
    d = discover(src("listing", f"{sample_site.base_url}/kabarnusa/search?q=lapas"), fast_fetcher)
    assert d.urls and all("lapas" in u for u in d.urls)
    assert not any("persib" in u for u in d.urls)  # off-topic page only linked from the "popular" sidebar


def test_allowed_domains_filters_and_notes(sample_site, fast_fetcher):
    d = discover(src("feed", f"{sample_site.base_url}/warta/rss.xml", allowed_domains=("antaranews.com",)),
                 fast_fetcher)
    assert d.urls == [] and d.notes == ["11 links outside allowed_domains skipped"]


def test_url_list_needs_no_fetch(sample_site, fast_fetcher):
    urls = (f"{sample_site.base_url}/a", "https://www.antaranews.com/berita/1/x", f"{sample_site.base_url}/b#top")
    d = discover(Source("daftar", "urls", None, urls=urls, allowed_domains=("127.0.0.1",), max_articles=5),
                 fast_fetcher)
    assert d.urls == [f"{sample_site.base_url}/a", f"{sample_site.base_url}/b"] and d.outcomes == []


def test_feed_with_broken_entries_keeps_good_ones(sample_site, fast_fetcher):
    d = discover(src("feed", f"{sample_site.base_url}/fault/broken-feed.xml"), fast_fetcher)
    assert set(d.urls) == {sample_site.url_of("warta-tes-urine-banyuwangi"), sample_site.url_of("kabarnusa-apel-siaga-medan")}
    (row,) = d.outcomes
    assert row.status == "feed_error"
    assert "no link" in row.reason and "javascript" in row.reason and "2 links kept" in row.reason


@pytest.mark.parametrize(
    ("path", "status", "reason"),
    [
        ("/fault/not-a-feed.xml", "feed_error", "root element <html>"),
        ("/fault/billion-laughs.xml", "feed_error", "XML errors"),
        ("/fault/missing", "http_error", "404"),
        ("/fault/laporan.pdf", "not_html", "application/pdf"),
        ("/fault/empty", "not_html", "empty body"),
    ],
)
def test_broken_surfaces_become_outcomes(sample_site, fast_fetcher, path, status, reason):
    started = time.monotonic()
    d = discover(src("feed", sample_site.base_url + path), fast_fetcher)
    assert d.urls == [] and len(d.outcomes) == 1
    assert d.outcomes[0].status == status and reason in d.outcomes[0].reason
    assert time.monotonic() - started < 3


def test_sitemap_index_that_lists_itself_terminates(sample_site, fast_fetcher):
    d = discover(src("sitemap", f"{sample_site.base_url}/fault/sitemap-loop.xml"), fast_fetcher)
    assert set(d.urls) == expected_urls(sample_site, "/suarapas/")
    assert len(d.outcomes) == 2


def test_unreachable_listing_is_a_connection_error(fast_fetcher):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    d = discover(src("listing", f"http://127.0.0.1:{port}/indeks"), fast_fetcher)
    assert d.urls == [] and [o.status for o in d.outcomes] == ["connection_error"]


def test_parse_xml_gzip_and_no_entity_expansion():
    doc = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.com/a</loc></url></urlset>'
    assert parse_xml(gzip.compress(doc)).tag.endswith("urlset")
    with pytest.raises(ValueError):
        parse_xml(b"")
    sloppy = b'\n\n  <?xml version="1.0"?><rss><channel><item><title>A &nbsp; B</title><link>https://e.com/a</link></item></channel></rss>'
    assert parse_xml(sloppy).find(".//link").text == "https://e.com/a"  # blank lines, HTML entity: recovered
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'
    root = parse_xml(xxe)
    assert "root:" not in "".join(root.itertext())


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://www.antaranews.com/berita/4567890/lapas-kupang-gelar-razia-kamar-hunian", True),
        ("https://news.detik.com/berita/d-7712345/napi-kabur-dari-rutan-ditangkap", True),
        ("https://regional.kompas.com/read/2025/02/10/123456778/lapas-banyuwangi-tes-urine", True),
        ("https://jatim.tribunnews.com/2025/02/10/razia-lapas-banyuwangi", True),
        ("https://lapas.example.go.id/berita/lapas-cibinong-canangkan-zona-integritas-wbk.html", True),
        ("https://www.antaranews.com/hukum", False),
        ("https://www.kompas.com/tag/lapas", False),
        ("https://www.tribunnews.com/indeks?page=2", False),
        ("https://www.example.com/pedoman-media-siber", False),
        ("https://www.example.com/penulis/andi-baso-amir-wartawan", False),
    ],
)
def test_looks_like_article(url, article):
    assert looks_like_article(url) is article


def test_next_page_prefers_rel_next_and_ignores_previous():
    base = "https://e.com/indeks?page=2"
    doc = lxml.html.fromstring('<div><a href="?page=1">« Sebelumnya</a><a href="?page=3">Selanjutnya »</a></div>')
    assert next_page(doc, base, 2) == "https://e.com/indeks?page=3"
    doc = lxml.html.fromstring('<div><a href="/p/1">1</a><a href="/p/3">3</a><a rel="next" href="/p/3x">x</a></div>')
    assert next_page(doc, base, 2) == "https://e.com/p/3x"
    doc = lxml.html.fromstring('<div><a href="/p/1">1</a><a href="/p/3">3</a></div>')
    assert next_page(doc, base, 2) == "https://e.com/p/3"
    doc = lxml.html.fromstring('<div><a href="/p/1">« Sebelumnya</a></div>')
    assert next_page(doc, base, 2) is None
