"""Schedules and the ops commands: deployments built (never served), CLI options, run names."""

from __future__ import annotations

import pytest
import typer
from prefect_support import ensure_prefect
from test_backfill import write_warc
from typer.testing import CliRunner

from flows.commands import ops_cmds
from flows.deploy import (
    DAILY_DEPLOYMENT,
    INGEST_DEPLOYMENT,
    ServeConfig,
    build_deployments,
    scheduled_ingest,
    validate_cron,
)
from flows.errors import ConfigError
from flows.store import Store


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _main() -> None:  # a group, as in flows/cli.py
        pass

    ops_cmds.register(app)
    return app


def test_deployments_have_names_crons_and_parameters():
    cfg = ServeConfig(sources_file="conf/sources.toml", db_path="data/p.duckdb", ingest_cron="0 */4 * * *",
                      enrich_cron="45 6 * * *", timezone="Asia/Makassar", report_dir="out/reports")
    ingest, daily = build_deployments(cfg)
    assert (ingest.name, daily.name) == (INGEST_DEPLOYMENT, DAILY_DEPLOYMENT)
    s_ingest, s_daily = ingest.schedules[0].schedule, daily.schedules[0].schedule
    assert (s_ingest.cron, s_ingest.timezone) == ("0 */4 * * *", "Asia/Makassar")
    assert (s_daily.cron, s_daily.timezone) == ("45 6 * * *", "Asia/Makassar")
    assert ingest.entrypoint == "flows.deploy.scheduled_ingest"
    assert daily.entrypoint == "flows.deploy.daily_enrich_digest"
    assert ingest.parameters["sources_file"] == "conf/sources.toml"
    assert ingest.parameters["db_path"] == daily.parameters["db_path"] == "data/p.duckdb"
    assert ingest.parameters["fetcher_options"]["per_host_concurrency"] >= 1
    assert daily.parameters["report_dir"] == "out/reports"
    assert ingest.concurrency_limit == 1 and daily.concurrency_limit == 1  # a slow run never overlaps the next


def test_wrapper_flows_have_retries_timeouts_and_run_names():
    from flows.deploy import daily_enrich_digest, digest_task, refresh_snapshot_task

    for f in (scheduled_ingest, daily_enrich_digest):
        assert f.retries >= 1 and f.timeout_seconds and callable(f.flow_run_name)
    for t in (digest_task, refresh_snapshot_task):
        assert t.retries >= 1 and t.timeout_seconds


def test_bad_cron_is_one_clear_error():
    assert validate_cron(" 0  */2 * * * ", "--ingest-cron") == "0 */2 * * *"
    with pytest.raises(ConfigError, match="--ingest-cron"):
        build_deployments(ServeConfig(ingest_cron="every 3 hours"))
    with pytest.raises(ConfigError, match="--enrich-cron"):
        build_deployments(ServeConfig(enrich_cron="61 5 * * *"))


def test_serve_dry_run_prints_schedules(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "a"\nfeed = "https://a.example/rss"\n')
    res = CliRunner().invoke(_app(), ["serve", "--sources", str(sources), "--db", str(tmp_path / "x.duckdb"),
                                      "--ingest-cron", "0 */6 * * *", "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "pantau-ingest: 0 */6 * * *" in res.output and "pantau-daily: 30 5 * * *" in res.output
    res = CliRunner().invoke(_app(), ["serve", "--sources", str(tmp_path / "missing.toml"), "--dry-run"])
    assert res.exit_code != 0 and isinstance(res.exception, ConfigError)


def test_backfill_command_without_prefect(tmp_path):
    warc = tmp_path / "a.warc.gz"
    write_warc(warc, 9)  # published 2025-01-01 .. 2025-01-03
    db = tmp_path / "b.duckdb"
    args = ["backfill", "--from", "2025-01-02", "--to", "2025-01-03", "--warc", str(warc), "--db", str(db),
            "--no-prefect"]
    res = CliRunner().invoke(_app(), args)
    assert res.exit_code == 0, res.output
    assert "6 new" in res.output and "3 outside the dates" in res.output
    res = CliRunner().invoke(_app(), args)
    assert "0 new" in res.output and "1 already done" in res.output
    res = CliRunner().invoke(_app(), ["backfill", "--from", "2025-01-02", "--to", "2025-01-03", "--db", str(db)])
    assert isinstance(res.exception, ConfigError)


@pytest.mark.timeout(300)
def test_backfill_flow_run_is_named_after_what_it_ran(tmp_path):
    ensure_prefect()
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.backfill import backfill

    warc = tmp_path / "named.warc.gz"
    write_warc(warc, 3, extra_junk=False)
    db = tmp_path / "f.duckdb"
    state = backfill("2025-01-01", "2025-01-31", warc_files=[str(warc)], db=str(db), return_state=True)
    counts = state.result()
    assert counts["new"] == 3
    with Store.open(db, read_only=True) as s:
        run_id = s.con.execute("SELECT run_id FROM runs").fetchone()[0]
    assert run_id == counts["run_id"] == str(state.state_details.flow_run_id)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    assert runs[0].name == "backfill 2025-01-01..2025-01-31 named.warc.gz"


@pytest.mark.timeout(300)
def test_concurrency_limits_are_created_once_and_usable():
    ensure_prefect()
    from flows.deploy import DB_WRITER_LIMIT, NLP_LIMIT, _slot, ensure_concurrency_limits

    first = ensure_concurrency_limits()
    assert set(first) <= {DB_WRITER_LIMIT, NLP_LIMIT}
    assert ensure_concurrency_limits() == []  # idempotent: serve can run it on every start
    with _slot(DB_WRITER_LIMIT), _slot(NLP_LIMIT):  # acquiring both slots works (limit 1 each)
        pass


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_daily_flow_enriches_snapshots_and_digests(tmp_path):
    """The scheduled daily flow end to end on 16 synthetic articles (loads the Analyzer: ~20-45 s)."""
    ensure_prefect()
    from test_scale_dask import _seed

    from flows.deploy import daily_enrich_digest, ensure_concurrency_limits

    ensure_concurrency_limits()  # the slots exist, as under `pantau serve`: the flow must not deadlock on them
    db = tmp_path / "d.duckdb"
    _seed(db)
    result = daily_enrich_digest(db_path=str(db), report_dir=str(tmp_path / "reports"))
    assert result["enriched"]["analyzed"] == 16
    assert result["snapshot"] and (tmp_path / "d.snapshot.duckdb").exists()
    digest = tmp_path / "reports" / "digest-latest.html"
    assert result["digest"] == str(digest) and "<html" in digest.read_text(encoding="utf-8").lower()
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM article_analysis").fetchone() == (16,)
