"""The ingest flow under Prefect against the sample site over HTTP on 127.0.0.1; assertions on DuckDB.

One module-scoped first run (sample site with fault pages) feeds most tests; later tests run the
flow again on the same database (idempotency, a changed page) or in a subprocess killed with
SIGKILL. Ground truth (story keys, relevance, dates) comes from `SampleSite.expected`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from prefect_support import api_url, ensure_prefect

from flows.extract import canonicalize_url
from flows.sample_site import start_sample_site, write_sample_sources

ROOT = Path(__file__).resolve().parent.parent
# Loopback: no politeness delay; 2 s timeouts make the 3 s slow page a timeout; one retry
# turns the flaky page's single 500 into a success.
FETCHER = {"rate_limit": None, "timeout": 2.0, "total_timeout": 3.0, "retries": 1, "backoff": 0.05,
           "per_host_concurrency": 8}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site():
    with start_sample_site() as s:
        yield s


@pytest.fixture(scope="module")
def prefect():
    return ensure_prefect()


@pytest.fixture(scope="module")
def sources(site, tmp_path_factory):
    return write_sample_sources(site.base_url, tmp_path_factory.mktemp("src") / "sources.toml", faults=True)


@pytest.fixture(scope="module")
def first_run(prefect, site, sources, tmp_path_factory):
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("db") / "pantau.duckdb"
    summary = ingest(sources_file=str(sources), db_path=str(db), fetcher_options=FETCHER, batch_size=10)
    return summary, db


def q(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def table_counts(db: Path) -> dict[str, int]:
    return {t: q(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "stories", "sources", "http_cache")}


def canon(site, url: str) -> str:
    return canonicalize_url(url)


# ---------------------------------------------------------------- first run


def test_run_completes_and_is_recorded(first_run):
    summary, db = first_run
    assert summary.status == "completed"
    (status, code_version, models, counts), = q(db, "SELECT status, code_version, model_versions, counts FROM runs")
    assert status == "completed"
    assert code_version.startswith("0.")
    assert json.loads(models)["relevance"].startswith("keywords")
    assert json.loads(counts)["new"] == summary.total("new") > 0


def test_every_sample_article_stored_once_with_ground_truth(first_run, site):
    _, db = first_run
    rows = {c: (rel, pub) for c, rel, pub in q(db, "SELECT canonical_url, relevant, published FROM articles")}
    for e in site.expected:
        c = canon(site, e.url)
        assert c in rows, f"missing {e.id}"
        relevant, published = rows[c]
        assert relevant == e.relevant, e.id
        if e.published is None:
            assert published is None, f"{e.id}: undated page got {published}"
        else:
            assert published is not None and published.date().isoformat() == e.published[:10], e.id
    # URL variants (AMP, utm_*) did not create rows of their own
    assert not q(db, "SELECT url FROM articles WHERE canonical_url LIKE '%/amp/%' OR canonical_url LIKE '%utm_%'")


def test_syndicated_copies_share_a_story_and_distinct_stories_do_not(first_run, site):
    _, db = first_run
    story_of = dict(q(db, "SELECT canonical_url, story_id FROM articles"))
    by_key = defaultdict(set)
    for e in site.expected:
        by_key[e.story].add(story_of[canon(site, e.url)])
    assert all(len(ids) == 1 for ids in by_key.values()), by_key
    ids = [next(iter(v)) for v in by_key.values()]
    assert len(ids) == len(set(ids)), "two different stories were merged"
    sizes = defaultdict(int)
    for e in site.expected:
        sizes[e.story] += 1
    for key, n in sizes.items():
        sid = next(iter(by_key[key]))
        (n_articles, n_outlets), = q(db, "SELECT n_articles, n_outlets FROM stories WHERE story_id = ?", [sid])
        assert n_articles == n and n_outlets >= 1
        if n > 1:
            assert n_outlets == n, key  # the copies come from different outlets


def test_faults_end_as_fetch_log_rows(first_run, site):
    _, db = first_run
    rows = q(db, "SELECT url, status, http_status, reason, attempts FROM fetch_log")
    by_path = {u.split("127.0.0.1", 1)[1].split("/", 1)[1]: (s, h, r, a) for u, s, h, r, a in rows}

    def get(prefix: str):
        hits = [v for k, v in by_path.items() if k.startswith(prefix)]
        assert hits, f"no fetch_log row for {prefix}"
        return hits[0]

    status, _, _, attempts = get("fault/flaky")
    assert status in ("ok", "duplicate") and attempts == 2  # 500, retried, then the page
    assert get("fault/slow")[0] == "timeout"
    status, http, _, attempts = get("fault/missing")
    assert (status, http, attempts) == ("http_error", 404, 1)  # 4xx is not retried
    assert get("private/laporan-internal")[0] == "robots_disallowed"
    assert get("fault/loop-a")[0] == "redirect_loop"
    assert get("fault/huge")[0] == "too_large"
    assert get("fault/laporan.pdf")[0] == "not_html"
    assert get("fault/foto.jpg")[0] == "not_html"
    status, _, reason, _ = get("fault/empty")
    assert status == "not_html" and "empty" in reason
    assert get("fault/malformed")[0] == "ok"
    assert get("fault/broken-feed.xml")[0] == "feed_error"
    assert get("fault/cp1252")[0] == "ok"
    text, = q(db, "SELECT text FROM articles WHERE url LIKE '%/fault/cp1252%'")[0]
    assert "“Tidak ada toleransi" in text and "kafé" in text and "\ufffd" not in text


def test_stories_table_is_consistent(first_run):
    _, db = first_run
    assert_consistent(db)


def assert_consistent(db: Path) -> None:
    """Every article has its story row, and every story row counts exactly its articles."""
    bad = q(db, """
        SELECT s.story_id FROM stories s
        FULL OUTER JOIN (SELECT story_id, count(*) n, count(DISTINCT outlet) o FROM articles GROUP BY 1) a
          USING (story_id)
        WHERE s.n_articles IS DISTINCT FROM a.n OR s.n_outlets IS DISTINCT FROM a.o""")
    assert bad == []
    assert q(db, "SELECT count(*) FROM articles WHERE story_id IS NULL OR minhash IS NULL")[0][0] == 0
    # every stored article has a fetch_log row saying so
    assert q(db, """SELECT count(*) FROM articles a WHERE NOT EXISTS
                    (SELECT 1 FROM fetch_log f WHERE f.status = 'ok' AND f.url = a.url)""")[0][0] == 0


# ---------------------------------------------------------------- second and third runs


def test_second_run_adds_nothing_and_uses_conditional_get(first_run, site, sources):
    from flows.ingest import ingest

    _, db = first_run
    before = table_counts(db)
    n_requests = len(site.request_log)
    summary = ingest(sources_file=str(sources), db_path=str(db), fetcher_options=FETCHER, batch_size=10)
    assert summary.status == "completed"
    assert table_counts(db) == before
    assert summary.total("new") == 0 and summary.total("updated") == 0
    assert summary.total("not_modified") >= len(site.expected)
    conditional = [r for r in site.request_log[n_requests:] if r[2]]
    assert len(conditional) >= len(site.expected)  # If-None-Match sent for known pages
    assert_consistent(db)


def test_changed_page_is_refetched_and_updated_in_place(first_run, site, sources):
    from flows.ingest import ingest

    _, db = first_run
    target = next(e for e in site.expected if e.story == "remisi-kupang-2024" and "/warta/" in e.url)
    c = canon(site, target.url)
    (story_before, hash_before), = q(db, "SELECT story_id, content_hash FROM articles WHERE canonical_url = ?", [c])
    before = table_counts(db)
    site.edit_article(target.id, append_paragraph="Pemberian remisi juga disertai pembinaan lanjutan bagi "
                      "warga binaan yang telah bebas agar dapat kembali ke masyarakat.")
    summary = ingest(sources_file=str(sources), db_path=str(db), fetcher_options=FETCHER, batch_size=10)
    assert summary.total("updated") == 1 and summary.total("new") == 0
    (story_after, hash_after), = q(db, "SELECT story_id, content_hash FROM articles WHERE canonical_url = ?", [c])
    assert story_after == story_before and hash_after != hash_before
    assert table_counts(db)["articles"] == before["articles"]
    assert_consistent(db)


# ---------------------------------------------------------------- SIGKILL mid-run

KILL_SCRIPT = """
import sys
from flows.ingest import ingest, progress_hook
def on(event, info):
    if event == "batch":
        print("BATCH", flush=True)
with progress_hook(on):
    ingest(sources_file=sys.argv[1], db_path=sys.argv[2], batch_size=3, fetcher_options={fetcher!r})
print("DONE", flush=True)
"""


def test_sigkill_mid_run_leaves_db_consistent_and_next_run_finishes(first_run, site, tmp_path):
    from flows.ingest import ingest

    _, full_db = first_run
    # a slow, fault-free source set so the run is surely mid-way when killed
    slow_sources = write_sample_sources(site.base_url, tmp_path / "slow.toml", rate_limit=8.0)
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PREFECT_API_URL": api_url(), "PYTHONPATH": str(ROOT) + os.pathsep +
           os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(fetcher=FETCHER), str(slow_sources), str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    batches = 0
    deadline = time.monotonic() + 120
    try:
        while batches < 2 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            batches += line.startswith("BATCH")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert batches == 2, "the subprocess never committed two batches"
    assert proc.returncode == -signal.SIGKILL
    # the killed run left committed batches only, consistent, and its run row still says running
    assert_consistent(db)
    partial = table_counts(db)["articles"]
    assert 0 < partial < len(site.expected)
    assert q(db, "SELECT status FROM runs")[0][0] == "running"
    summary = ingest(sources_file=str(slow_sources), db_path=str(db),
                     fetcher_options={**FETCHER, "rate_limit": None}, batch_size=10)
    assert summary.status == "completed"
    assert summary.total("not_modified") >= partial  # committed work is not redone
    statuses = dict(q(db, "SELECT status, count(*) FROM runs GROUP BY 1"))
    assert statuses == {"interrupted": 1, "completed": 1}
    assert_consistent(db)
    # same articles and stories as the uninterrupted run over the same pages (faults aside)
    expected_urls = {canon(site, e.url) for e in site.expected}
    got = {c for (c,) in q(db, "SELECT canonical_url FROM articles")}
    assert got == expected_urls
    full = {c: s for c, s in q(full_db, "SELECT canonical_url, story_id FROM articles")}
    mine = {c: s for c, s in q(db, "SELECT canonical_url, story_id FROM articles")}
    groups_full = {frozenset(c for c in expected_urls if full[c] == s) for s in set(full.values())} - {frozenset()}
    groups_mine = {frozenset(c for c in expected_urls if mine[c] == s) for s in set(mine.values())} - {frozenset()}
    assert groups_mine == groups_full


# ---------------------------------------------------------------- classification rules (no Prefect run)


def test_duplicate_rules_same_outlet_vs_syndicated_copy(tmp_path):
    """Same text, same outlet, other URL -> duplicate; same text at another outlet -> stored, same story."""
    from flows.extract import ExtractedArticle
    from flows.fetch import FetchOutcome
    from flows.ingest import _Runner
    from flows.sources import Source
    from flows.store import Store

    text = ("Petugas Lapas Kelas IIA Banyuwangi menggeledah kamar hunian warga binaan dan menemukan tiga "
            "ponsel serta kabel rakitan dalam razia gabungan bersama personel kepolisian. ") * 4

    def page(url: str, outlet: str) -> tuple[FetchOutcome, ExtractedArticle]:
        art = ExtractedArticle(url=url, canonical_url=url, title="Razia Lapas Banyuwangi", text=text,
                               published=None, author=None, sitename=None, language="id", outlet=outlet)
        return FetchOutcome(url, "s", "ok", http_status=200, html="<html></html>"), art

    src = Source(name="s", kind="urls", url=None, urls=("http://a.example/1",))
    with Store.open(tmp_path / "c.duckdb") as store:
        runner = _Runner(store, "sources.toml", 10, 2)
        runner.start([src])
        rows, log = [], []
        rows += runner._classify([page("https://a.example/berita/1", "a.example")], log)
        store.write_batch(runner.run_id, rows, log, [])
        log2 = []
        rows2 = runner._classify([page("https://a.example/cetak/1", "a.example"),
                                  page("https://b.example/read/9", "b.example")], log2)
        store.write_batch(runner.run_id, rows2, log2, [])
        status = {r.url: r.status for r in log2}
        assert status == {"https://a.example/cetak/1": "duplicate", "https://b.example/read/9": "ok"}
        stories = store.con.execute("SELECT outlet, story_id FROM articles ORDER BY outlet").fetchall()
        assert [o for o, _ in stories] == ["a.example", "b.example"]
        assert stories[0][1] == stories[1][1]


def test_batches_interleave_hosts_but_keep_source_order_per_host():
    from flows.ingest import interleave_by_host
    from flows.sources import Source

    a = Source(name="a", kind="urls", url=None, urls=("https://x.example/1",))
    b = Source(name="b", kind="urls", url=None, urls=("https://y.example/1",))
    c = Source(name="c", kind="urls", url=None, urls=("https://x.example/9",))
    got = interleave_by_host([(a, ["https://x.example/1", "https://x.example/2"]),
                              (b, ["https://y.example/1", "https://y.example/2"]),
                              (c, ["https://x.example/9"])])
    assert [(u.split("//")[1], s.name) for u, s in got] == [
        ("x.example/1", "a"), ("y.example/1", "b"), ("x.example/2", "a"), ("y.example/2", "b"), ("x.example/9", "c")]
