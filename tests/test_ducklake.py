"""DuckLake (catalog + Parquet files) attached locally: write, read, time travel, publish a pantau DB."""

from __future__ import annotations

import duckdb
import pytest

from flows.errors import ConfigError
from flows.scale import attach_ducklake, ducklake_extension_path, publish_to_ducklake, synthetic_article


def _lake_or_skip(con, tmp_path, **kw):
    if ducklake_extension_path() is None:
        pytest.skip("duckdb-extension-ducklake is not installed")
    try:
        attach_ducklake(con, str(tmp_path / "catalog.ducklake"), str(tmp_path / "data"), **kw)
    except ConfigError as exc:
        pytest.skip(f"ducklake extension cannot load here: {exc}")


def test_attach_write_read_and_time_travel(tmp_path):
    con = duckdb.connect()
    _lake_or_skip(con, tmp_path)
    con.execute("CREATE TABLE lake.t AS SELECT range AS i, 'lapas-' || range AS name FROM range(1000)")
    con.execute("INSERT INTO lake.t VALUES (1000, 'rutan-depok')")
    assert con.execute("SELECT count(*), max(i) FROM lake.t").fetchone() == (1001, 1000)
    con.close()
    assert list((tmp_path / "data").rglob("*.parquet")), "table data should live in Parquet files"
    # a second process (here: connection) attaches the same catalog read-only and sees both versions
    con = duckdb.connect()
    _lake_or_skip(con, tmp_path, read_only=True)
    assert con.execute("SELECT count(*) FROM lake.t").fetchone() == (1001,)
    versions = [v for (v,) in con.execute("SELECT snapshot_id FROM lake.snapshots() ORDER BY 1").fetchall()]
    assert len(versions) >= 3
    assert con.execute(f"SELECT count(*) FROM lake.t AT (VERSION => {versions[-2]})").fetchone() == (1000,)
    with pytest.raises(duckdb.Error):
        con.execute("INSERT INTO lake.t VALUES (1, 'x')")


def test_publish_pantau_tables(tmp_path):
    if ducklake_extension_path() is None:
        pytest.skip("duckdb-extension-ducklake is not installed")
    from flows.dedup import content_hash
    from flows.store.store import ArticleRow, Store, article_id_for

    db = tmp_path / "p.duckdb"
    rows = []
    for i in range(10):
        a = synthetic_article(i, words=80)
        rows.append(ArticleRow(article_id_for(a.url), a.url, a.url, "syn", "kabarlapas.example", f"s-{i % 3}",
                               a.published, a.title, a.text, None, None, "id", content_hash(a.text), None, None, None,
                               len(a.text.split())))
    with Store.open(db) as s:
        s.write_batch(None, articles=rows)
    try:
        counts = publish_to_ducklake(str(db), str(tmp_path / "lake.ducklake"), str(tmp_path / "lake_data"))
    except ConfigError as exc:
        pytest.skip(str(exc))
    assert counts["articles"] == 10 and counts["stories"] == 3 and counts["article_analysis"] == 0
    con = duckdb.connect()
    attach_ducklake(con, str(tmp_path / "lake.ducklake"), read_only=True)
    got = con.execute("SELECT count(DISTINCT story_id), min(published) FROM lake.articles").fetchone()
    assert got[0] == 3 and str(got[1]).startswith("2025-01-01")
    # publishing again replaces, in one new snapshot: still 10 rows
    con.close()
    assert publish_to_ducklake(str(db), str(tmp_path / "lake.ducklake"))["articles"] == 10
