"""`pantau run / sources check / sql / status`: help, one-line errors, exit codes, read-only sql.

Errors are checked through a real subprocess (`python -m flows.cli`), because the one-line
error and the exit code are produced by `flows.cli.main`, not by typer's test runner.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from prefect_support import api_url, ensure_prefect
from typer.testing import CliRunner

from flows.sample_site import start_sample_site, write_sample_sources
from flows.store import Store

ROOT = Path(__file__).resolve().parent.parent


def pantau(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=timeout)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with Store.open(path) as store:
        run_id = store.start_run("ingest", "sources.toml", "0.1.0", {})
        store.log_fetches([], run_id)
        store.con.execute("INSERT INTO fetch_log (url, source, run_id, status, reason, fetched_at) VALUES "
                          "('http://x/1', 's', ?, 'ok', 'new', now()), ('http://x/2', 's', ?, 'http_error',"
                          " 'HTTP 404', now())", [run_id, run_id])
        store.finish_run(run_id, "completed", {"new": 1, "failed": 1, "not_modified": 0})
    return path


@pytest.mark.parametrize("command", [["run"], ["sources", "check"], ["sql"], ["status"]])
def test_help_on_each_command(command):
    from flows.cli import app

    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    if command != ["sources", "check"]:
        assert "--db" in result.output


def test_sql_reads_in_each_format(db):
    res = pantau("sql", "SELECT status, count(*) AS n FROM fetch_log GROUP BY 1 ORDER BY 1", "--db", str(db),
                 "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [{"status": "http_error", "n": 1}, {"status": "ok", "n": 1}]
    res = pantau("sql", "SELECT url FROM fetch_log ORDER BY 1", "--db", str(db), "--format", "csv")
    assert res.returncode == 0 and res.stdout.splitlines() == ["url", "http://x/1", "http://x/2"]
    res = pantau("sql", "SELECT count(*) AS n FROM runs", "--db", str(db))
    assert res.returncode == 0 and "1 row" in res.stdout


@pytest.mark.parametrize("statement", [
    "DELETE FROM fetch_log",
    "INSERT INTO sources VALUES ('x', 'feed', NULL, NULL, now())",
    "CREATE TABLE t (x INTEGER)",
    "SELECT 1; DROP TABLE runs",
    "COPY fetch_log TO '/tmp/pantau-leak.csv'",
    "ATTACH '/tmp/other.duckdb' AS o",
    "UPDATE runs SET status = 'x'",
])
def test_sql_refuses_writes(db, statement):
    from flows.commands.ingest_cmds import sql
    from flows.errors import PantauError

    with pytest.raises(PantauError, match="read-only"):
        sql(statement, db=db, fmt="table", max_width=60)
    with Store.open(db, read_only=True) as store:
        assert store.counts()["fetch_log"] == 2 and store.counts()["runs"] == 1


def test_sql_write_refusal_is_one_line_and_non_zero_exit(db):
    res = pantau("sql", "DELETE FROM fetch_log", "--db", str(db))
    assert res.returncode != 0
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "read-only" in lines[0] and "DELETE" in lines[0], res.stderr


def test_sql_errors_are_one_line(db, tmp_path):
    res = pantau("sql", "SELECT nope FROM fetch_log", "--db", str(db))
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1 and "nope" in res.stderr
    res = pantau("sql", "SELECT 1", "--db", str(tmp_path / "missing.duckdb"))
    assert res.returncode != 0 and "database not found" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    res = pantau("sql", "SELECT 1", "--db", str(db), "--format", "xml")
    assert res.returncode != 0 and "--format" in res.stderr


def test_bad_sources_file_is_one_line_naming_source_and_field(tmp_path, db):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "antara"\nfeed = "not a url"\n', encoding="utf-8")
    for args in (["sources", "check", "--sources", str(bad)], ["run", "--sources", str(bad), "--db", str(db)]):
        res = pantau(*args)
        assert res.returncode == 2, (args, res.stderr)
        lines = [line for line in res.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, res.stderr
        assert "antara" in lines[0] and "feed" in lines[0] and "Traceback" not in res.stderr
    res = pantau("sources", "check", "--sources", str(tmp_path / "missing.toml"))
    assert res.returncode == 2 and "not found" in res.stderr


def test_sources_check_prints_the_sources(tmp_path):
    path = write_sample_sources("http://127.0.0.1:9", tmp_path / "s.toml")
    res = pantau("sources", "check", "--sources", str(path))
    assert res.returncode == 0, res.stderr
    for name in ("warta-rss", "suarapas-atom", "kabarnusa-indeks", "sampel-sitemap", "sampel-varian-url"):
        assert name in res.stdout


def test_status_shows_runs_counts_and_error_rates(db):
    res = pantau("status", "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "completed" in res.stdout and "http_error" in res.stdout and "50.0" in res.stdout


@pytest.mark.slow
def test_run_demo_end_to_end_then_status(tmp_path):
    """What `make run` does: serve the sample site, ingest it under Prefect, print the summary."""
    url = ensure_prefect()
    demo_db = tmp_path / "demo.duckdb"
    env = {"PREFECT_API_URL": url, "PANTAU_VAR": str(tmp_path / "var")}
    res = pantau("run", "--demo", "--db", str(demo_db), "--quiet", env=env, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "total" in res.stdout and "articles in" in res.stdout
    with Store.open(demo_db, read_only=True) as store:
        n_articles, n_relevant = store.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE relevant) FROM articles").fetchone()
        statuses = {s for (s,) in store.con.execute("SELECT DISTINCT status FROM fetch_log").fetchall()}
    with start_sample_site() as site:
        n_expected = len(site.expected)
    assert n_articles >= n_expected and 0 < n_relevant < n_articles
    assert {"ok", "timeout", "http_error", "robots_disallowed", "duplicate"} <= statuses
    res = pantau("status", "--db", str(demo_db))
    assert res.returncode == 0 and "completed" in res.stdout
    assert api_url() == url


def test_database_locked_by_a_writer_is_one_line(tmp_path):
    path = tmp_path / "locked.duckdb"
    with Store.open(path):  # this process holds the write lock, as a running `pantau run` would
        res = pantau("sql", "SELECT 1", "--db", str(path))
    assert res.returncode != 0
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "in use by another process" in lines[0], res.stderr


def test_sql_snapshot_reads_the_readers_copy_not_the_live_file(tmp_path):
    from flows.snapshot import refresh_snapshot

    live = tmp_path / "live.duckdb"
    with Store.open(live) as store:
        run_id = store.start_run("ingest", "sources.toml", "0.1.0", {})
        store.finish_run(run_id, "completed", {})
    res = pantau("sql", "SELECT count(*) AS n FROM runs", "--db", str(live), "--snapshot", "--format", "json")
    assert res.returncode != 0 and "no snapshot" in res.stderr
    refresh_snapshot(str(live), search_index=False)
    with Store.open(live) as store:  # a second run lands in the live file only
        store.finish_run(store.start_run("ingest", "sources.toml", "0.1.0", {}), "completed", {})
    snap = pantau("sql", "SELECT count(*) AS n FROM runs", "--db", str(live), "--snapshot", "--format", "json")
    assert snap.returncode == 0, snap.stderr
    assert json.loads(snap.stdout) == [{"n": 1}]
    assert json.loads(pantau("sql", "SELECT count(*) AS n FROM runs", "--db", str(live), "--format",
                             "json").stdout) == [{"n": 2}]
