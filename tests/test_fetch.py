"""Fetcher: every fault of the sample site ends as the right FetchOutcome, politely and quickly."""

from __future__ import annotations

import socket
import time
import uuid

import httpx
import pytest

from flows.fetch import DEFAULT_USER_AGENT, STATUSES, Fetcher, FetchOutcome, decode_body
from flows.sample_site import start_sample_site
from flows.sample_site.faults import CP1252_TEXT, CP1252_TITLE


def key() -> str:
    return uuid.uuid4().hex[:10]


def test_article_page_ok_with_validators_and_user_agent(sample_site, fast_fetcher):
    url = sample_site.url_of("warta-remisi-kupang")
    out = fast_fetcher.fetch(url, source="warta-rss")
    assert out.status == "ok" and out.http_status == 200 and out.attempts == 1
    assert "412 warga binaan Lapas Kupang" in out.html
    assert out.source == "warta-rss" and out.final_url == url
    assert out.etag and out.last_modified and out.bytes == len(out.html.encode())
    assert out.content_type.startswith("text/html") and out.encoding == "utf-8"
    assert out.fetched_at.tzinfo is not None and out.elapsed_ms > 0
    agents = {ua for path, ua, _ in sample_site.request_log if path.startswith("/warta/berita/")}
    assert agents == {DEFAULT_USER_AGENT}
    assert "pantau" in DEFAULT_USER_AGENT and "https://" in DEFAULT_USER_AGENT


def test_500_then_success_is_retried(sample_site, fast_fetcher):
    k = key()
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/flaky?key={k}&fails=2")
    assert out.status == "ok" and out.attempts == 3
    assert sample_site.requests_for(f"/fault/flaky?key={k}") == 3


def test_persistent_500_gives_up_after_retries(sample_site, fast_fetcher):
    k = key()
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/flaky?key={k}&fails=99")
    assert out.status == "http_error" and out.http_status == 500
    assert out.attempts == fast_fetcher.retries + 1 == 3
    assert "gave up after 3 attempts" in out.reason


@pytest.mark.parametrize("code", [404, 403, 410, 400])
def test_4xx_is_not_retried(sample_site, fast_fetcher, code):
    path = f"/fault/status?code={code}&k={key()}"
    out = fast_fetcher.fetch(sample_site.base_url + path)
    assert out.status == "http_error" and out.http_status == code and out.attempts == 1
    assert sample_site.requests_for(path) == 1


def test_404_page(sample_site, fast_fetcher):
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/missing")
    assert (out.status, out.http_status, out.attempts, out.reason) == ("http_error", 404, 1, "HTTP 404 Not Found")


def test_429_honours_retry_after(sample_site, fast_fetcher):
    k = key()
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/ratelimited?key={k}&fails=1&retry_after=0")
    assert out.status == "ok" and out.attempts == 2


def test_429_with_retry_after_beyond_cap_gives_up(sample_site):
    with Fetcher(retries=3, backoff=0.01, rate_limit=None, max_retry_after=5) as f:
        started = time.monotonic()
        out = f.fetch(f"{sample_site.base_url}/fault/ratelimited?key={key()}&fails=1&retry_after=3600")
    assert out.status == "http_error" and out.http_status == 429 and out.attempts == 1
    assert "Retry-After" in out.reason and time.monotonic() - started < 2


def test_timeout_is_retried_then_reported(sample_site):
    with Fetcher(timeout=0.3, retries=1, backoff=0.01, rate_limit=None) as f:
        started = time.monotonic()
        out = f.fetch(f"{sample_site.base_url}/fault/slow?delay=3&k={key()}")
    assert out.status == "timeout" and out.attempts == 2 and out.http_status is None
    assert time.monotonic() - started < 2.5


def test_slow_drip_body_hits_the_overall_deadline(sample_site):
    with Fetcher(timeout=1.0, total_timeout=0.6, retries=0, rate_limit=None) as f:
        out = f.fetch(f"{sample_site.base_url}/fault/drip?delay=0.2&chunks=20&k={key()}")
    assert out.status == "timeout" and "body not complete" in out.reason


def test_connection_refused_and_reset(sample_site, fast_fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    refused = fast_fetcher.fetch(f"http://127.0.0.1:{port}/x")
    assert refused.status == "connection_error" and refused.attempts == 3
    reset = fast_fetcher.fetch(f"{sample_site.base_url}/fault/reset?k={key()}")
    assert reset.status == "connection_error" and reset.attempts == 3


def test_robots_disallowed_is_never_requested(sample_site, fast_fetcher):
    path = f"/private/laporan-internal?k={key()}"
    out = fast_fetcher.fetch(sample_site.base_url + path)
    assert out.status == "robots_disallowed" and out.attempts == 1 and "robots.txt" in out.reason
    assert sample_site.requests_for(path) == 0
    with Fetcher(rate_limit=None, respect_robots=False) as rude:
        assert rude.fetch(sample_site.base_url + path).status == "ok"


def test_redirect_into_a_disallowed_path_stops_there(sample_site, fast_fetcher):
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/redirect?n=1&to=/private/laporan-internal&k={key()}")
    assert out.status == "robots_disallowed" and "redirect target" in out.reason


def test_robots_txt_is_fetched_once_per_host():
    with start_sample_site() as site, Fetcher(rate_limit=None) as f:
        for aid in ("warta-remisi-kupang", "suarapas-remisi-kupang", "kabarnusa-remisi-kupang"):
            assert f.fetch(site.url_of(aid)).status == "ok"
        assert site.requests_for("/robots.txt") == 1


def test_redirects_followed_loops_and_long_chains_classified(sample_site, fast_fetcher):
    ok = fast_fetcher.fetch(f"{sample_site.base_url}/fault/redirect?n=3")
    assert ok.status == "ok" and ok.final_url == sample_site.url_of("warta-tes-urine-banyuwangi")
    loop = fast_fetcher.fetch(f"{sample_site.base_url}/fault/loop-a")
    assert loop.status == "redirect_loop" and "loop-a -> " in loop.reason and loop.attempts == 1
    long = fast_fetcher.fetch(f"{sample_site.base_url}/fault/redirect?n=8")
    assert long.status == "redirect_loop" and "more than 5 redirects" in long.reason


@pytest.mark.parametrize("declare", ["0", "1"])
def test_size_cap_aborts_early(sample_site, declare):
    size = 4_000_000
    with Fetcher(rate_limit=None, max_bytes=200_000) as f:
        out = f.fetch(f"{sample_site.base_url}/fault/huge?size={size}&declare={declare}")
    assert out.status == "too_large" and out.html is None
    assert out.bytes < 400_000, "the body must be abandoned soon after the cap, not read to the end"
    if declare == "1":
        assert "Content-Length" in out.reason and out.bytes == 0


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/fault/laporan.pdf", "content-type application/pdf"),
        ("/fault/foto.jpg", "content-type image/jpeg"),
        ("/fault/data.json", "content-type application/json"),
        ("/fault/pdf-as-html", "body is PDF"),
        ("/fault/empty", "empty body"),
        ("/warta/rss.xml", "content-type application/rss+xml"),
    ],
)
def test_non_html_and_empty_bodies(sample_site, fast_fetcher, path, reason):
    out = fast_fetcher.fetch(sample_site.base_url + path)
    assert out.status == "not_html" and reason in out.reason and out.html is None and out.attempts == 1


def test_feed_accepted_with_expect_xml(sample_site, fast_fetcher):
    out = fast_fetcher.fetch(f"{sample_site.base_url}/warta/rss.xml", expect="xml")
    assert out.status == "ok" and out.content.startswith(b"<?xml") and "<rss" in out.html


@pytest.mark.parametrize("declare", ["header", "meta", "none"])
def test_windows_1252_page_decodes_right(sample_site, fast_fetcher, declare):
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/cp1252?declare={declare}")
    assert out.status == "ok"
    assert CP1252_TITLE in out.html and CP1252_TEXT in out.html
    assert "\ufffd" not in out.html and "â€" not in out.html


def test_decode_body_falls_back_when_the_declared_charset_is_wrong():
    body = f"<html><head><meta charset='utf-8'></head><body><p>{CP1252_TEXT}</p></body></html>".encode("cp1252")
    text, enc = decode_body(body, "utf-8")
    assert CP1252_TEXT in text and enc == "cp1252"
    latin = "<p>Kafé “binaan”</p>".encode("cp1252")
    assert decode_body(latin, "ISO-8859-1")[0] == "<p>Kafé “binaan”</p>"  # Latin-1 label means cp1252
    assert decode_body("<p>Kafé</p>".encode("utf-8-sig"))[0] == "<p>Kafé</p>"


def test_malformed_html_is_fetched_ok(sample_site, fast_fetcher):
    out = fast_fetcher.fetch(f"{sample_site.base_url}/fault/malformed")
    assert out.status == "ok" and "57 kantong darah" in out.html


def test_conditional_get_returns_not_modified_until_the_page_changes():
    with start_sample_site() as site, Fetcher(rate_limit=None) as f:
        url = site.url_of("suarapas-pks-bapas-pati")
        first = f.fetch(url)
        assert first.status == "ok" and first.validators == (first.etag, first.last_modified)
        again = f.fetch(url, validators=first.validators)
        assert again.status == "not_modified" and again.http_status == 304 and again.html is None
        assert again.etag == first.etag and again.last_modified == first.last_modified
        by_date = f.fetch(url, validators=(None, first.last_modified))
        assert by_date.status == "not_modified"
        site.edit_article("suarapas-pks-bapas-pati", append_paragraph="Kerja sama berlaku selama tiga tahun.")
        changed = f.fetch(url, validators=first.validators)
        assert changed.status == "ok" and changed.etag != first.etag and "tiga tahun" in changed.html
        assert any(inm == first.etag for path, _, inm in site.request_log if path.startswith("/suarapas/artikel/"))


@pytest.mark.parametrize("url", ["ftp://example.com/x", "not a url", "", "http://", "javascript:alert(1)"])
def test_invalid_urls_never_raise(fast_fetcher, url):
    out = fast_fetcher.fetch(url)
    assert out.status == "invalid_url" and out.attempts == 1


def test_fetch_many_yields_one_outcome_per_url_and_survives_bad_ones(sample_site, fast_fetcher):
    b = sample_site.base_url
    urls = [sample_site.url_of("warta-remisi-kupang"), f"{b}/fault/missing", "bukan url", f"{b}/fault/empty",
            f"{b}/fault/loop-a", sample_site.url_of("warta-remisi-kupang"), sample_site.url_of("warta-dayung-pon")]

    def validators_for(url):
        if url.endswith("pon-2024"):
            raise RuntimeError("cache unavailable")
        return None

    outs = list(fast_fetcher.fetch_many(urls, "campur", validators_for=validators_for, max_workers=3))
    assert all(isinstance(o, FetchOutcome) and o.status in STATUSES for o in outs)
    by_url = {o.url: o.status for o in outs}
    assert len(outs) == 6 == len(by_url)
    assert by_url == {
        urls[0]: "ok", urls[1]: "http_error", "bukan url": "invalid_url", urls[3]: "not_html",
        urls[4]: "redirect_loop", urls[6]: "ok",
    }
    assert {o.source for o in outs} == {"campur"}


def test_per_host_concurrency_is_bounded(sample_site):
    urls = [f"{sample_site.base_url}/fault/slow?delay=0.3&k={key()}" for _ in range(4)]
    with Fetcher(rate_limit=None, per_host_concurrency=1, timeout=5) as f:
        f.fetch(sample_site.base_url + "/robots.txt")  # warm the robots cache outside the timing
        started = time.monotonic()
        assert {o.status for o in f.fetch_many(urls, max_workers=4)} == {"ok"}
        serial = time.monotonic() - started
    assert serial >= 1.15, f"4 x 0.3 s with one request per host at a time took only {serial:.2f}s"


def test_rate_limit_spaces_requests(sample_site):
    urls = [f"{sample_site.base_url}/fault/status?code=200&k={key()}" for _ in range(4)]
    with Fetcher(rate_limit=5.0, per_host_concurrency=4) as f:
        f.fetch(sample_site.base_url + "/fault/status?code=200")
        started = time.monotonic()
        list(f.fetch_many(urls, max_workers=4))
        spaced = time.monotonic() - started
        started = time.monotonic()
        list(f.fetch_many([u + "&again=1" for u in urls], max_workers=4, rate_limit=1000))
        fast = time.monotonic() - started
    assert spaced >= 0.75, f"4 requests at 5/s took {spaced:.2f}s"
    assert fast < spaced


def test_log_row_has_the_fetch_log_columns(sample_site, fast_fetcher):
    row = fast_fetcher.fetch(f"{sample_site.base_url}/fault/missing").log_row()
    assert set(row) == {"url", "source", "status", "http_status", "reason", "attempts", "bytes", "elapsed_ms",
                        "fetched_at"}


# -- robots.txt edge cases, on an in-process transport ------------------------------------
def mock_fetcher(robots_status: int, robots_body: str = "", **kw) -> tuple[Fetcher, list[str]]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status, text=robots_body)
        return httpx.Response(200, html="<html><body><p>Berita</p></body></html>")

    return Fetcher(transport=httpx.MockTransport(handler), backoff=0.01, **kw), seen


def test_robots_5xx_means_disallow_all_and_4xx_allow_all():
    f, seen = mock_fetcher(503, rate_limit=None)
    out = f.fetch("https://contoh.go.id/berita/1")
    assert out.status == "robots_disallowed" and "503" in out.reason and seen == ["/robots.txt"]
    f, seen = mock_fetcher(404, rate_limit=None)
    assert f.fetch("https://contoh.go.id/berita/1").status == "ok"


def test_robots_agent_specific_rules_and_crawl_delay():
    rules = "User-agent: pantau\nDisallow: /arsip/\nCrawl-delay: 0.4\n\nUser-agent: *\nDisallow: /\n"
    f, seen = mock_fetcher(200, rules, rate_limit=None)
    assert f.fetch("https://contoh.go.id/arsip/1").status == "robots_disallowed"
    started = time.monotonic()
    assert f.fetch("https://contoh.go.id/berita/1").status == "ok"
    assert f.fetch("https://contoh.go.id/berita/2").status == "ok"
    assert time.monotonic() - started >= 0.35, "Crawl-delay must space requests"
    assert seen.count("/robots.txt") == 1


def test_unreachable_robots_allows_and_is_not_asked_for_every_url():
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/robots.txt":
            raise httpx.ConnectTimeout("robots.txt timed out")
        return httpx.Response(200, html="<html><body><p>Berita</p></body></html>")

    with Fetcher(transport=httpx.MockTransport(handler), rate_limit=None, retries=0) as f:
        assert f.fetch("https://lambat.go.id/berita/1").status == "ok"
        assert f.fetch("https://lambat.go.id/berita/2").status == "ok"
    assert seen.count("/robots.txt") == 1


def test_untyped_html_is_sniffed():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.path == "/html":
            return httpx.Response(200, content=b"<!DOCTYPE html><html><body><p>Isi</p></body></html>",
                                  headers={"content-type": "application/octet-stream"})
        return httpx.Response(200, content=b"just some text", headers={"content-type": "text/plain"})

    with Fetcher(transport=httpx.MockTransport(handler), rate_limit=None) as f:
        assert f.fetch("https://e.go.id/html").status == "ok"
        plain = f.fetch("https://e.go.id/plain")
        assert plain.status == "not_html" and "text/plain" in plain.reason


def test_fetch_many_stopped_early_does_not_fetch_the_rest(sample_site):
    k = key()
    urls = [f"{sample_site.base_url}/fault/slow?delay=0.2&k={k}&i={i}" for i in range(40)]
    with Fetcher(rate_limit=None, per_host_concurrency=2) as f:
        for _ in f.fetch_many(urls, max_workers=2):
            break
    assert sample_site.requests_for("/fault/slow?delay=0.2&k=" + k) <= 8
