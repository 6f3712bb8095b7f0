"""The bundled sample site: the content the flow tests rely on is really there and served right."""

from __future__ import annotations

from collections import Counter

import httpx

from flows.sample_site import fault_urls


def test_content_shape(sample_site):
    exp = sample_site.expected
    assert len(exp) == 30 and len({e.url for e in exp}) == 30
    assert set(Counter(e.outlet for e in exp)) == {"Warta Nusantara", "Suara Pemasyarakatan", "KabarNusa.com"}
    stories = Counter(e.story for e in exp)
    syndicated = {s: n for s, n in stories.items() if n > 1}
    assert syndicated["remisi-kupang-2024"] == 3 and len(syndicated) >= 3
    for story in syndicated:  # copies of one story sit on different outlets
        outlets = [e.outlet for e in exp if e.story == story]
        assert len(set(outlets)) == len(outlets)
    assert sum(not e.relevant for e in exp) >= 3
    assert [e.id for e in exp if e.published is None] == ["suarapas-pembinaan-ambon"]
    assert [e.id for e in exp if e.broken] == ["kabarnusa-hp-galon-bantaeng"]


def test_pages_render_with_their_outlet_templates(sample_site):
    with httpx.Client() as client:
        for e in sample_site.expected:
            r = client.get(e.url)
            assert r.status_code == 200 and r.headers["etag"] and r.headers["last-modified"]
            assert e.title in r.text, e.id
            assert f'content="{e.outlet}"' in r.text  # og:site_name
            assert sample_site.outlet_of(e.url) == e.outlet
            if e.broken:
                assert not r.text.rstrip().endswith("</html>")
            else:
                assert r.text.rstrip().endswith("</html>")
            if e.published is None:
                assert "© 2024" in r.text or "&copy; 2024" in r.text
                assert "2024-" not in r.text and "datetime=" not in r.text


def test_syndicated_copies_differ_slightly(sample_site):
    with httpx.Client() as client:
        warta = client.get(sample_site.url_of("warta-remisi-kupang")).text
        kabar = client.get(sample_site.url_of("kabarnusa-remisi-kupang")).text
    assert "Kupang (Warta) - Sebanyak 412" in warta and "KUPANG, KABARNUSA.COM - Sebanyak 412" in kabar
    assert "Polresta Kupang Kota" in warta and "Polresta Kupang Kota" not in kabar  # dropped paragraph


def test_feeds_support_conditional_get(sample_site):
    with httpx.Client() as client:
        first = client.get(f"{sample_site.base_url}/warta/rss.xml")
        assert first.status_code == 200 and first.headers["content-type"].startswith("application/rss+xml")
        again = client.get(f"{sample_site.base_url}/warta/rss.xml", headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        robots = client.get(f"{sample_site.base_url}/robots.txt").text
    assert "Disallow: /private/" in robots and f"Sitemap: {sample_site.base_url}/sitemap_index.xml" in robots


def test_fault_urls_are_served(sample_site):
    urls = fault_urls(sample_site.base_url)
    with httpx.Client() as client:
        assert client.get(urls["http_404"]).status_code == 404
        assert client.get(urls["redirect_loop"]).status_code == 302
        assert client.get(urls["not_html_pdf"]).headers["content-type"] == "application/pdf"
        assert client.get(urls["empty_body"]).content == b""
