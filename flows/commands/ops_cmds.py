"""`pantau serve` and `pantau backfill`: unattended operation.

Why the imports sit inside the commands: `pantau --help` must stay fast; Prefect (imported by
flows.deploy and the backfill flow) costs seconds to import and only these commands pay for it.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from flows.config import Settings
from flows.errors import ConfigError

out = Console()
err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("backfill")(backfill)


def serve(
    sources: Path = typer.Option(None, "--sources", "-s", help="Sources TOML file (env PANTAU_SOURCES; "
                                 "default sources.toml)."),
    db: Path = typer.Option(None, "--db", help="DuckDB file (env PANTAU_DB; default var/pantau.duckdb)."),
    ingest_cron: str = typer.Option("15 */3 * * *", "--ingest-cron", help="When to ingest (5-field cron)."),
    enrich_cron: str = typer.Option("30 5 * * *", "--enrich-cron",
                                    help="When to run the daily enrichment + snapshot + digest (5-field cron)."),
    timezone: str = typer.Option("Asia/Jakarta", "--timezone", help="Time zone the cron expressions are read in."),
    report_dir: Path = typer.Option(Path("var/reports"), "--report-dir", help="Where digests are written."),
    rate_limit: float = typer.Option(1.0, "--rate-limit", min=0.01,
                                     help="Default requests/second per host (sources may set their own)."),
    per_host: int = typer.Option(2, "--per-host", min=1, help="Parallel requests per host."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the schedules and exit without serving."),
) -> None:
    """Run ingest and the daily enrichment + digest on cron schedules until stopped (Ctrl-C).

    Watch the runs in a Prefect UI: start `prefect server start` elsewhere and export
    PREFECT_API_URL=http://127.0.0.1:4200/api before `pantau serve`.
    """
    from flows.deploy import DEFAULT_FETCHER, ServeConfig, build_deployments, serve_all

    settings = Settings.load(db=db, sources=sources)
    if not settings.sources_file.exists():
        raise ConfigError(f"{settings.sources_file}: sources file not found")
    config = ServeConfig(
        sources_file=str(settings.sources_file), db_path=str(settings.db_path), ingest_cron=ingest_cron,
        enrich_cron=enrich_cron, timezone=timezone, report_dir=str(report_dir), model_dir=str(settings.model_dir),
        fetcher_options={**DEFAULT_FETCHER, "rate_limit": rate_limit, "per_host_concurrency": per_host},
    )
    for d in build_deployments(config):
        sched = d.schedules[0].schedule
        out.print(f"{d.name}: [bold]{sched.cron}[/bold] ({sched.timezone}) -> {d.entrypoint}", soft_wrap=True)
    if dry_run:
        return
    serve_all(config)


def backfill(
    date_from: str = typer.Option(..., "--from", help="First publication date, YYYY-MM-DD."),
    date_to: str = typer.Option(..., "--to", help="Last publication date (inclusive), YYYY-MM-DD."),
    sources: Path = typer.Option(None, "--sources", "-s", help="Sources TOML: sitemaps (filtered by date), "
                                 "listing/archive pages (a {date} placeholder = one page per day), URL lists."),
    urls: Path = typer.Option(None, "--urls", help="Text file of article URLs, one a line."),
    warc: list[Path] = typer.Option(None, "--warc", help="WARC file(s) (.warc / .warc.gz), e.g. Common Crawl "
                                    "News; repeat the option for several."),
    db: Path = typer.Option(None, "--db", help="DuckDB file (env PANTAU_DB; default var/pantau.duckdb)."),
    workers: int = typer.Option(4, "--workers", min=1, help="Parallel fetches (per-host limits still apply)."),
    no_prefect: bool = typer.Option(False, "--no-prefect", help="Run without Prefect (no API server, no run "
                                    "history in the UI); same result."),
) -> None:
    """Fill the database with articles published between --from and --to; resumable (re-run to continue)."""
    settings = Settings.load(db=db)
    if not (sources or urls or warc):
        raise ConfigError("backfill needs --sources FILE, --urls FILE or --warc FILE")
    if no_prefect:
        from flows.backfill import run_backfill

        report = run_backfill(settings.db_path, date_from, date_to, sources_file=sources, urls_file=urls,
                              warc_files=warc or [], workers=workers,
                              log=lambda line: err.print(line, highlight=False, soft_wrap=True))
        counts = {"job_id": report.job_id, "run_id": report.run_id, **report.counts()}
    else:
        from flows.backfill import backfill as backfill_flow

        counts = backfill_flow(date_from, date_to, sources_file=str(sources) if sources else None,
                               urls_file=str(urls) if urls else None, warc_files=[str(w) for w in warc or []],
                               db=str(settings.db_path), workers=workers)
    out.print(f"backfill {counts['job_id']}: {counts['new']} new, {counts['updated']} updated, "
              f"{counts['unchanged']} unchanged, {counts['out_of_range']} outside the dates, {counts['failed']} failed; "
              f"units: {counts['units_done']} done, {counts['units_skipped']} already done, "
              f"{counts['units_failed']} failed (re-run to retry)", soft_wrap=True)
    if counts["units_failed"]:
        raise typer.Exit(1)
