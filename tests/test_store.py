"""DuckDB store: migrations, views, idempotent batch upserts, stories, runs, read-only readers."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from flows import dedup
from flows.errors import PantauError
from flows.store import ArticleRow, CacheRow, FetchLogRow, Store, article_id_for


def row(canon: str, text: str, story: str, outlet: str = "kabarnusa.example",
        published: datetime | None = datetime(2025, 6, 3, 10, 0)) -> ArticleRow:
    return ArticleRow(
        article_id=article_id_for(canon), url=canon, canonical_url=canon, source="s", outlet=outlet,
        story_id=story, published=published, title=f"Judul {canon[-1]}", text=text, author=None,
        sitename=None, language="id", content_hash=dedup.content_hash(text),
        minhash=dedup.signature_bytes(dedup.minhash(text)), relevance=0.8, relevant=True,
        n_words=len(text.split()),
    )


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "t.duckdb")
    yield s
    s.close()


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store.open(path) as s:
        versions = [v for (v,) in s.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert versions == [v for v, _ in Store.migration_files()]
        assert s.migrate() == []  # nothing pending
        tables = {t for (t,) in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"sources", "articles", "stories", "fetch_log", "runs", "http_cache"} <= tables
    with Store.open(path) as s:  # re-open: no error, same version
        assert s.schema_version() == max(v for v, _ in Store.migration_files())


def test_custom_migrations_and_views_in_order(tmp_path):
    schema, views = tmp_path / "schema", tmp_path / "views"
    schema.mkdir()
    views.mkdir()
    (schema / "001_a.sql").write_text("CREATE TABLE a (x INTEGER);")
    (schema / "002_b.sql").write_text("ALTER TABLE a ADD COLUMN y INTEGER;")
    (views / "10_v.sql").write_text("CREATE OR REPLACE VIEW v AS SELECT x + y AS z FROM a;")
    (views / "20_w.sql").write_text("CREATE OR REPLACE VIEW w AS SELECT z * 2 AS q FROM v;")
    s = Store(duckdb.connect(str(tmp_path / "c.duckdb")), tmp_path / "c.duckdb", False)
    assert s.migrate(schema) == ["001_a.sql", "002_b.sql"]
    assert s.apply_views(views) == ["10_v.sql", "20_w.sql"]
    s.con.execute("INSERT INTO a VALUES (1, 2)")
    assert s.con.execute("SELECT q FROM w").fetchone() == (6,)
    (schema / "003_bad.sql").write_text("CREATE TABLE broken (;")
    with pytest.raises(PantauError, match="003_bad.sql"):
        s.migrate(schema)
    assert s.schema_version() == 2  # the failed migration left no trace
    s.con.close()


def test_write_batch_is_idempotent_and_counts(store):
    a = row("https://kabarnusa.example/a", "razia kamar hunian lapas banyuwangi " * 20, "s-1")
    b = row("https://wartapas.example/b", "razia kamar hunian lapas banyuwangi malam " * 20, "s-1",
            outlet="wartapas.example", published=datetime(2025, 6, 4))
    fetches = [FetchLogRow(url=a.url, source="s", status="ok"), FetchLogRow(url=b.url, source="s", status="ok")]
    cache = [CacheRow(a.url, '"e1"', None, "h1")]
    r1 = store.write_batch("run1", [a, b], fetches, cache)
    assert (r1.new, r1.updated, r1.unchanged) == (2, 0, 0)
    r2 = store.write_batch("run2", [a, b], [], cache)
    assert (r2.new, r2.updated, r2.unchanged) == (0, 0, 2)
    assert store.counts()["articles"] == 2
    story = store.con.execute("SELECT n_articles, n_outlets, first_published, last_published FROM stories").fetchall()
    assert story == [(2, 2, datetime(2025, 6, 3, 10, 0), datetime(2025, 6, 4))]
    # a changed text under the same canonical URL updates the row in place
    a2 = row(a.canonical_url, "razia kamar hunian lapas banyuwangi diperbarui " * 20, "s-1")
    r3 = store.write_batch("run3", [a2], [], [])
    assert (r3.new, r3.updated) == (0, 1)
    got = store.con.execute("SELECT content_hash, run_id, url FROM articles WHERE canonical_url = ?",
                            [a.canonical_url]).fetchone()
    assert got == (a2.content_hash, "run3", a.url)
    assert store.validators([a.url]) == {a.url: ('"e1"', None, "h1")}
    assert store.content_hash_owners([b.content_hash]) == {b.content_hash: b.canonical_url}


def test_failed_batch_rolls_back_everything(store):
    good = row("https://kabarnusa.example/a", "teks pertama " * 30, "s-1")
    bad = FetchLogRow(url=None, source="s", status="ok")  # type: ignore[arg-type]  # url NOT NULL
    with pytest.raises(duckdb.Error):
        store.write_batch("run1", [good], [bad], [CacheRow(good.url, None, None, "x")])
    assert store.counts()["articles"] == 0
    assert store.counts()["http_cache"] == 0
    assert store.counts()["stories"] == 0


def test_runs_and_interrupted_runs(store):
    first = store.start_run("ingest", "sources.toml", "0.1.0", {"relevance": "k1"})
    second = store.start_run("ingest", "sources.toml", "0.1.0", {})
    status = dict(store.con.execute("SELECT run_id, status FROM runs").fetchall())
    assert status == {first: "interrupted", second: "running"}
    store.finish_run(second, "completed", {"new": 3})
    got = store.con.execute("SELECT status, ended_at IS NOT NULL, counts->>'new' FROM runs WHERE run_id = ?",
                            [second]).fetchone()
    assert got == ("completed", True, "3")


def test_log_fetches_accepts_outcome_like_objects(store):
    class Outcome:  # the attributes flows.fetch.FetchOutcome has
        url, source, status, http_status, reason = "http://x/1", "s", "http_error", 404, "HTTP 404 Not Found"
        attempts, bytes, elapsed_ms, fetched_at = 1, 0, 3.5, datetime(2025, 1, 1)

    assert store.log_fetches([Outcome()], run_id="r") == 1
    assert store.con.execute("SELECT status, http_status, run_id FROM fetch_log").fetchone() == ("http_error", 404, "r")


def test_read_only_reader_cannot_write(tmp_path):
    path = tmp_path / "r.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as reader:
        assert reader.counts()["articles"] == 0
        with pytest.raises(duckdb.Error):
            reader.con.execute("INSERT INTO sources VALUES ('x', 'feed', NULL, NULL, now())")


def test_missing_database_for_reader_is_one_line_error(tmp_path):
    with pytest.raises(PantauError, match="database not found"):
        Store.open(tmp_path / "nope.duckdb", read_only=True)
