"""Parquet export: hive partitions by article month, counts that round-trip, safe replacement."""

from __future__ import annotations

import json

import duckdb
import pytest
from test_views import build_small_db

from flows.errors import InputError
from flows.export import export_parquet


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "e.duckdb"
    build_small_db(path).close()
    return path


def test_export_partitions_by_month_and_round_trips(db, tmp_path):
    out = tmp_path / "pq"
    result = export_parquet(db, out)
    assert result.rows["articles"] == 7 and result.rows["article_topics"] == 8 and result.rows["partnerships"] == 5
    months = sorted(p.name for p in (out / "articles").iterdir())
    # a7 has no date: partitioned by first_seen (2025-08); a3's event date (June) wins over publication
    assert months == ["month=2025-05", "month=2025-06", "month=2025-07", "month=2025-08"]
    con = duckdb.connect()
    back = dict(con.execute(
        f"SELECT month, count(*) FROM read_parquet('{out}/articles/*/*.parquet', hive_partitioning = true)"
        " GROUP BY month").fetchall())
    assert back == {"2025-05": 1, "2025-06": 4, "2025-07": 1, "2025-08": 1}
    cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}/articles/*/*.parquet')").fetchall()]
    assert "minhash" not in cols and "text" in cols
    topics = con.execute(f"SELECT count(*) FROM read_parquet('{out}/article_topics/*/*.parquet')").fetchone()[0]
    assert topics == 8
    june_a3 = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/article_facilities/month=2025-06/*.parquet') WHERE article_id = 'a3'"
    ).fetchone()[0]
    assert june_a3 == 2
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows"]["articles"] == 7 and "2025-06" in manifest["months"]


def test_re_export_replaces_and_foreign_folders_are_refused(db, tmp_path):
    out = tmp_path / "pq"
    export_parquet(db, out)
    (out / "articles" / "stale.parquet").write_bytes(b"x")
    export_parquet(db, out)
    assert not (out / "articles" / "stale.parquet").exists()
    assert not list(tmp_path.glob(".pq.*"))  # no temp / old folders left behind
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(InputError, match="not a pantau export"):
        export_parquet(db, foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_cli_export_command(db, tmp_path):
    import typer
    from typer.testing import CliRunner

    from flows.commands import analyst_cmds

    app = typer.Typer()
    analyst_cmds.register(app)
    res = CliRunner().invoke(app, ["export", "--parquet", str(tmp_path / "cli_pq"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "articles" in res.output and "4 month partition(s): 2025-05 .. 2025-08" in res.output
    assert (tmp_path / "cli_pq" / "articles" / "month=2025-06").is_dir()
