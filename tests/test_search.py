"""Full-text search: the fts extension loads offline from the pip package, Indonesian stemming and
stopwords work, the live database is never written, and the snapshot carries a ready index."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from test_views import add_article

from flows.errors import InputError
from flows.search import FTS_SCHEMA, fts_extension_path, load_fts, search
from flows.snapshot import refresh_snapshot
from flows.store.store import Store

TEXTS = {
    "n1": ("Petugas Lapas gagalkan penyelundupan sabu",
           "Petugas Lapas Kelas IIA Banyuwangi menggagalkan penyelundupan narkoba jenis sabu yang disembunyikan "
           "dalam bola tenis, Selasa (03/06/2025)."),
    "n2": ("Ratusan warga binaan terima remisi",
           "Sebanyak 320 warga binaan Rutan Kelas I Depok menerima remisi dan pembebasan bersyarat pada HUT RI."),
    "n3": ("Razia kamar hunian temukan handphone",
           "Razia gabungan bersama Polres menemukan 12 unit handphone dan kabel data di kamar hunian Lapas."),
    "n4": ("Harga cabai naik", "Harga cabai rawit di pasar tradisional naik menjelang hari raya."),
}


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "live.duckdb"
    with Store.open(path) as store:
        for i, (aid, (title, text)) in enumerate(TEXTS.items()):
            add_article(store.con, aid, datetime(2025, 6, 2 + i), aid != "n4", "kabar.id", None, None, title, text)
    return path


def test_extension_comes_from_the_pip_package_and_loads_offline():
    path = fts_extension_path()
    assert path is not None and path.exists() and path.name == "fts.duckdb_extension"
    con = duckdb.connect()
    load_fts(con)
    assert con.execute("SELECT stem('pembebasan', 'indonesian')").fetchone()[0] == "bebas"


def test_search_ranks_matches_and_leaves_the_live_db_untouched(db):
    hits = search(db, "sabu narkoba", limit=5)
    assert [h.article_id for h in hits] == ["n1"]
    assert hits[0].score > 0 and "sabu" in hits[0].snippet.lower() and hits[0].url.endswith("/n1")
    # Indonesian stemming: "bebas" finds "pembebasan" (the Snowball stemmer strips the pem-...-an affixes)
    assert [h.article_id for h in search(db, "bebas")] == ["n2"]
    # stopwords alone match nothing
    assert search(db, "yang dan di") == []
    # the live database got no index, no stopword table (search works on a throw-away copy)
    con = duckdb.connect(str(db), read_only=True)
    schemas = {r[0] for r in con.execute("SELECT schema_name FROM duckdb_schemas()").fetchall()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    con.close()
    assert FTS_SCHEMA not in schemas and "fts_stopwords_id" not in tables


def test_relevant_only_all_terms_and_limit(db):
    assert [h.article_id for h in search(db, "harga cabai")] == ["n4"]
    assert search(db, "harga cabai", relevant_only=True) == []
    any_hits = {h.article_id for h in search(db, "handphone sabu")}
    assert any_hits == {"n1", "n3"}
    assert search(db, "handphone sabu", all_terms=True) == []
    assert len(search(db, "lapas", limit=1)) == 1


def test_snapshot_carries_the_index_and_is_searched_read_only(db, tmp_path):
    info = refresh_snapshot(db, tmp_path / "snap.duckdb")
    assert info.search_index and info.n_articles == 4
    con = duckdb.connect(str(info.path), read_only=True)
    assert con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?", [FTS_SCHEMA]).fetchone()[0] == 1
    con.close()
    hits = search(info.path, "handphone kamar hunian")
    assert hits[0].article_id == "n3"


def test_bad_input_is_one_clear_error(db, tmp_path):
    with pytest.raises(InputError, match="empty query"):
        search(db, "  ")
    with pytest.raises(InputError, match="not found"):
        search(tmp_path / "nope.duckdb", "sabu")


def test_cli_snapshot_then_search_reads_the_snapshot(db, monkeypatch):
    import json

    import typer
    from typer.testing import CliRunner

    from flows.commands import analyst_cmds

    monkeypatch.setenv("PANTAU_DB", str(db))
    monkeypatch.delenv("PANTAU_SNAPSHOT", raising=False)
    app = typer.Typer()
    analyst_cmds.register(app)
    runner = CliRunner()
    res = runner.invoke(app, ["snapshot"])
    assert res.exit_code == 0, res.output
    snap = db.with_name("live.snapshot.duckdb")
    assert snap.exists() and "4 articles" in res.output and "with search index" in res.output
    res = runner.invoke(app, ["search", "remisi bersyarat", "--json", "--limit", "3"])  # no --db: the snapshot
    assert res.exit_code == 0, res.output
    hits = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert [h["article_id"] for h in hits] == ["n2"] and hits[0]["url"].endswith("/n2")
