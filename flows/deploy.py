"""Scheduled operation: `pantau serve` runs ingest every few hours and a daily enrich + digest.

How: two wrapper flows (`scheduled_ingest`, `daily_enrich_digest`) turned into deployments with
`flow.to_deployment(name=..., schedule=Cron(...))` and run by Prefect's `serve()` in one
long-lived process (no work pool, no worker, no Docker). A Prefect server is optional: without
one, `serve` starts Prefect's ephemeral API in-process; with `PREFECT_API_URL` pointing at a
`prefect server start`, every run, its tasks, logs and retries show in the UI (README: "Watching
scheduled runs").

Why wrappers around `flows.ingest.ingest` / `flows.enrich` instead of deploying them directly:
- **Run names that say what ran**: "ingest sources.toml -> pantau.duckdb @ 2025-06-03 09:00",
  "daily enrich+digest pantau.duckdb @ 2025-06-03".
- **Retries and timeouts** set here, for unattended runs (a manual `pantau run` should fail
  fast instead): a flow that overruns its slot is cancelled, a lost DB lock is retried later.
- **One writer at a time**: DuckDB admits one read-write process; ingest and enrich both
  write. Both wrappers hold the Prefect global concurrency limit `pantau-db-writer` (limit 1,
  created by `serve_all`) while they run, so an ingest that fires during the nightly enrichment
  waits instead of failing on the file lock. The NLP stage additionally holds `pantau-nlp` so
  that a manual enrichment run (or a Dask scale-out run, flows/scale.py) never competes with
  the scheduled one for the CPU.
- **Per-host politeness** stays in the Fetcher (rate_limit, per_host_concurrency), passed as
  `fetcher_options`; per-source `rate_limit` in sources.toml overrides it.

The digest comes from flows/report.py (the analyst's weekly HTML digest) and reads the
read-only snapshot (flows/snapshot.py) refreshed right after enrichment; both are imported
lazily, so scheduling works in a checkout without them (the step is then skipped and logged).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flows.config import prefect_env

prefect_env()

from prefect import flow, get_run_logger, task  # noqa: E402 - Prefect reads its settings at import time
from prefect.cache_policies import NO_CACHE  # noqa: E402

DEFAULT_INGEST_CRON = "15 */3 * * *"  # every 3 hours, at a quarter past (off the hour: kinder to servers)
DEFAULT_ENRICH_CRON = "30 5 * * *"  # daily 05:30 local time: enriched + digested before the office opens
DEFAULT_TIMEZONE = "Asia/Jakarta"  # WIB; cron expressions are read in this zone
INGEST_DEPLOYMENT = "pantau-ingest"
DAILY_DEPLOYMENT = "pantau-daily"
DB_WRITER_LIMIT = "pantau-db-writer"
NLP_LIMIT = "pantau-nlp"
INGEST_TIMEOUT_S = 2 * 3600  # an ingest must end before the next slot (3 h)
DAILY_TIMEOUT_S = 4 * 3600
DEFAULT_FETCHER = {"rate_limit": 1.0, "per_host_concurrency": 2, "timeout": 15.0, "retries": 2}


@dataclass(frozen=True)
class ServeConfig:
    """What `pantau serve` schedules; every field has a CLI option."""

    sources_file: str = "sources.toml"
    db_path: str = "var/pantau.duckdb"
    ingest_cron: str = DEFAULT_INGEST_CRON
    enrich_cron: str = DEFAULT_ENRICH_CRON
    timezone: str = DEFAULT_TIMEZONE
    report_dir: str = "var/reports"
    model_dir: str = "models"
    fetcher_options: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_FETCHER))


def validate_cron(expr: str, what: str) -> str:
    """A 5-field cron expression, or a ConfigError naming the option."""
    from prefect._internal.schemas.validators import validate_cron_string

    from flows.errors import ConfigError

    expr = " ".join((expr or "").split())
    try:
        ok = len(expr.split()) == 5 and bool(validate_cron_string(expr))
    except ValueError:
        ok = False
    if not ok:
        raise ConfigError(f"{what} {expr!r}: not a 5-field cron expression (e.g. '15 */3 * * *')")
    return expr


# ---------------------------------------------------------------- run names


def _params() -> dict:
    from prefect.runtime import flow_run

    return dict(flow_run.parameters or {})


def _when() -> str:
    from prefect.runtime import flow_run

    when = flow_run.scheduled_start_time
    try:
        return when.strftime("%Y-%m-%d %H:%M")
    except AttributeError:
        return datetime.now().strftime("%Y-%m-%d %H:%M")


def ingest_run_name() -> str:
    p = _params()
    return f"ingest {Path(str(p.get('sources_file', '?'))).name} -> {Path(str(p.get('db_path', '?'))).name} @ {_when()}"


def daily_run_name() -> str:
    p = _params()
    return f"daily enrich+digest {Path(str(p.get('db_path', '?'))).name} @ {_when()}"


# ---------------------------------------------------------------- concurrency


def _slot(name: str):
    """Hold one slot of a Prefect global concurrency limit (a no-op when the limit does not exist)."""
    from prefect.concurrency.sync import concurrency

    return concurrency(name, occupy=1, strict=False)


def ensure_concurrency_limits(limits: dict[str, int] | None = None) -> list[str]:
    """Create the global concurrency limits the flows use, if missing; returns the names created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectNotFound

    limits = limits or {DB_WRITER_LIMIT: 1, NLP_LIMIT: 1}
    created = []
    with get_client(sync_client=True) as client:
        for name, limit in limits.items():
            try:
                client.read_global_concurrency_limit_by_name(name)
            except ObjectNotFound:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=limit))
                created.append(name)
    return created


# ---------------------------------------------------------------- tasks


@task(name="refresh-snapshot", retries=2, retry_delay_seconds=30, timeout_seconds=1800, cache_policy=NO_CACHE,
      persist_result=False)
def refresh_snapshot_task(db_path: str) -> str | None:
    try:
        snapshot = importlib.import_module("flows.snapshot")
    except ImportError:
        return None
    return str(snapshot.refresh_snapshot(db_path).path)


@task(name="digest", retries=1, retry_delay_seconds=60, timeout_seconds=900, cache_policy=NO_CACHE,
      persist_result=False, task_run_name="digest {week}")
def digest_task(db_path: str, report_dir: str, week: str | None = None) -> str | None:
    """Write the weekly HTML digest (flows/report.py) for `week` (None = latest week with data)."""
    try:
        report = importlib.import_module("flows.report")
    except ImportError:
        get_run_logger().warning("flows.report is not available: digest skipped")
        return None
    name = f"digest-{week or 'latest'}.html"
    return str(report.write_report(db_path, week, Path(report_dir) / name))


# ---------------------------------------------------------------- flows


@flow(name="scheduled-ingest", flow_run_name=ingest_run_name, retries=1, retry_delay_seconds=600,
      timeout_seconds=INGEST_TIMEOUT_S, persist_result=False, validate_parameters=False)
def scheduled_ingest(sources_file: str = "sources.toml", db_path: str = "var/pantau.duckdb",
                     fetcher_options: dict | None = None, batch_size: int = 25, max_workers: int = 8) -> dict:
    """One ingest run under the DB-writer slot; returns the run's counts."""
    from flows.ingest import ingest

    with _slot(DB_WRITER_LIMIT):
        summary = ingest(sources_file=sources_file, db_path=db_path, batch_size=batch_size,
                         max_workers=max_workers, fetcher_options=fetcher_options or dict(DEFAULT_FETCHER))
    counts = summary.counts() if hasattr(summary, "counts") else dict(summary or {})
    get_run_logger().info("ingest: %s new, %s failed", counts.get("new"), counts.get("failed"))
    return counts


def run_enrich(db_path: str, model_dir: str) -> Any:
    """Call the enrichment flow of flows/enrich.py (a subflow run when called inside a flow)."""
    enrich_mod = importlib.import_module("flows.enrich")
    fn = enrich_mod.enrich
    import inspect

    accepted = inspect.signature(getattr(fn, "fn", fn)).parameters
    kwargs: dict[str, Any] = {}
    for name, value in (("db_path", db_path), ("db", db_path), ("model_dir", model_dir)):
        if name in accepted:
            kwargs[name] = value
    return fn(**kwargs)


@flow(name="daily-enrich-digest", flow_run_name=daily_run_name, retries=1, retry_delay_seconds=900,
      timeout_seconds=DAILY_TIMEOUT_S, persist_result=False, validate_parameters=False)
def daily_enrich_digest(db_path: str = "var/pantau.duckdb", report_dir: str = "var/reports",
                        model_dir: str = "models", week: str | None = None) -> dict:
    """Enrich new articles, refresh the readers' snapshot, write the digest."""
    logger = get_run_logger()
    with _slot(DB_WRITER_LIMIT), _slot(NLP_LIMIT):
        enriched = run_enrich(db_path, model_dir)
        snapshot = refresh_snapshot_task(db_path)
    digest = digest_task(snapshot or db_path, report_dir, week)
    logger.info("daily: enriched=%s snapshot=%s digest=%s", enriched, snapshot, digest)
    return {"enriched": _jsonable(enriched), "snapshot": snapshot, "digest": digest}


def _jsonable(value: Any) -> Any:
    if hasattr(value, "counts"):
        return value.counts()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return value if isinstance(value, dict | list | str | int | float | type(None)) else str(value)


# ---------------------------------------------------------------- deployments


def build_deployments(config: ServeConfig | None = None) -> list:
    """The two RunnerDeployments `pantau serve` runs; builds objects only (no server contact)."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    c = config or ServeConfig()
    ingest_cron = validate_cron(c.ingest_cron, "--ingest-cron")
    enrich_cron = validate_cron(c.enrich_cron, "--enrich-cron")
    common = {"entrypoint_type": EntrypointType.MODULE_PATH, "tags": ["pantau"], "concurrency_limit": 1}
    ingest = scheduled_ingest.to_deployment(
        name=INGEST_DEPLOYMENT,
        schedule=Cron(ingest_cron, timezone=c.timezone),
        parameters={"sources_file": c.sources_file, "db_path": c.db_path, "fetcher_options": c.fetcher_options},
        description=f"Fetch new articles from {c.sources_file} into {c.db_path} ({ingest_cron}, {c.timezone}).",
        **common,
    )
    daily = daily_enrich_digest.to_deployment(
        name=DAILY_DEPLOYMENT,
        schedule=Cron(enrich_cron, timezone=c.timezone),
        parameters={"db_path": c.db_path, "report_dir": c.report_dir, "model_dir": c.model_dir},
        description=f"NLP enrichment of new articles in {c.db_path}, snapshot and digest ({enrich_cron}, "
                    f"{c.timezone}).",
        **common,
    )
    return [ingest, daily]


def serve_all(config: ServeConfig | None = None) -> None:
    """Block serving the schedules until interrupted (Ctrl-C pauses the schedules on the way out)."""
    from prefect import serve

    deployments = build_deployments(config)
    ensure_concurrency_limits()
    serve(*deployments, limit=2)
