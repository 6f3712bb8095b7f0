"""`pantau run`, `pantau sources check`, `pantau sql`, `pantau status`: the ingest side of the CLI.

Why the imports sit inside the commands: `pantau --help` and `pantau sql` must stay fast, and
Prefect (imported by flows.ingest) costs seconds to import; only `run` pays for it.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.config import Settings
from flows.errors import ConfigError, InputError, PantauError

DEMO_PORT = 8377  # fixed, so repeated `make run`s see the same URLs and stay idempotent
DEMO_DB = Path("var/demo.duckdb")
# Loopback needs no politeness delay; short timeouts keep the demo's slow-server faults quick.
# One retry is enough for the sample site's flaky page (one 500, then the article).
DEMO_FETCHER = {"rate_limit": None, "timeout": 1.5, "total_timeout": 2.5, "retries": 1, "backoff": 0.1,
                "per_host_concurrency": 8, "max_bytes": 2 * 1024 * 1024}
READ_STATEMENTS = {"SELECT", "EXPLAIN", "CALL"}

out = Console()
err = Console(stderr=True)
SourcesOpt = Annotated[Path | None, typer.Option("--sources", "-s", help="Sources TOML file (env PANTAU_SOURCES; "
                                                 "default sources.toml).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB file (env PANTAU_DB; default var/pantau.duckdb).")]


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("sql")(sql)
    app.command("status")(status)
    sources_app = typer.Typer(help="Inspect the sources file.", no_args_is_help=True)
    sources_app.command("check")(sources_check)
    app.add_typer(sources_app, name="sources")


# ---------------------------------------------------------------- run


def run(
    sources: SourcesOpt = None,
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (env PANTAU_DB; default "
                                            "var/pantau.duckdb, var/demo.duckdb with --demo).")] = None,
    demo: Annotated[bool, typer.Option("--demo", help="Serve the bundled sample site on 127.0.0.1 and ingest "
                                       "it (offline; what `make run` does).")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="URLs per committed batch.")] = 25,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parallel fetches (per-host limits still "
                                         "apply).")] = 8,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="After ingesting, analyse new articles (entities, "
                                      "topics, partnerships) and refresh the readers' snapshot.")] = True,
) -> None:
    """Run the monitoring flow once: discover, fetch, extract, de-duplicate, store, analyse; print a summary."""
    settings = Settings.load(db=db or (DEMO_DB if demo else None), sources=sources)
    if demo:
        summary = _run_demo(settings, batch_size, workers, quiet)
    else:
        summary = _run_flow(str(settings.sources_file), str(settings.db_path), batch_size, workers, None, quiet)
    _print_summary(summary)
    if summary.status != "completed":
        raise typer.Exit(1)
    if nlp:
        _enrich_and_snapshot(settings.db_path)


def _enrich_and_snapshot(db_path: Path) -> None:
    """The NLP stage over what ingest stored, then a fresh snapshot so notebooks see the new rows."""
    from flows.enrich import enrich
    from flows.snapshot import refresh_snapshot

    with err.status("analysing new articles (entities, topics, partnerships)"):
        counts = enrich(db_path=str(db_path))
    out.print(f"nlp: analysed {counts.get('analyzed', 0)} of {counts.get('pending', 0)} pending articles "
              f"({counts.get('analyzer_version')})")
    with err.status("refreshing the readers' snapshot"):
        snap = refresh_snapshot(str(db_path))
    out.print(f"snapshot for readers: {snap.path} ({snap.n_articles} articles, {snap.seconds:.1f}s)")


def _run_demo(settings: Settings, batch_size: int, workers: int, quiet: bool):
    from flows.sample_site import start_sample_site, write_sample_sources

    sources_file = settings.var_dir / "demo" / "sources.toml"
    sources_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        site_cm = start_sample_site(port=DEMO_PORT)
        site = site_cm.__enter__()
    except OSError:
        err.print(f"port {DEMO_PORT} is busy: serving the sample site on a random port (URLs will differ "
                  "from earlier demo runs)")
        site_cm = start_sample_site(port=0)
        site = site_cm.__enter__()
    try:
        write_sample_sources(site.base_url, sources_file, faults=True)  # show failures in fetch_log too
        err.print(f"sample site on {site.base_url}, sources {sources_file}, database {settings.db_path}")
        return _run_flow(str(sources_file), str(settings.db_path), batch_size, workers, DEMO_FETCHER, quiet)
    finally:
        site_cm.__exit__(None, None, None)


def _run_flow(sources_file: str, db_path: str, batch_size: int, workers: int, fetcher_options: dict | None,
              quiet: bool):
    from flows.sources import load_sources

    # fail fast with one-line errors (bad sources file, locked or corrupt database) before Prefect starts
    load_sources(sources_file)
    from flows.store import Store

    Store.open(db_path).close()
    from flows.ingest import ingest, progress_hook

    if quiet:
        return ingest(sources_file=sources_file, db_path=db_path, batch_size=batch_size, max_workers=workers,
                      fetcher_options=fetcher_options)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as progress:
        bar = progress.add_task("starting Prefect", total=None)
        state = {"total": 0}

        def on_event(event: str, info: dict) -> None:
            if event == "source":
                progress.update(bar, description=f"discovering: {info['source']} ({info['kind']})")
            elif event == "discovered":
                state["total"] += info["n"]
                progress.update(bar, total=state["total"])
            elif event == "page":
                progress.update(bar, advance=1, description=f"fetching + extracting: {info['source']}")

        with progress_hook(on_event):
            summary = ingest(sources_file=sources_file, db_path=db_path, batch_size=batch_size,
                             max_workers=workers, fetcher_options=fetcher_options)
        progress.update(bar, description="done")
    return summary


def _print_summary(summary) -> None:
    from rich import box

    table = Table(title=f"ingest run {summary.run_id[:12]}: {summary.status} in {summary.elapsed_s:.1f}s",
                  box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    headers = {"discovered": "found", "fetched": "fetch", "new": "new", "updated": "upd", "not_modified": "same",
               "duplicate": "dup", "nothing_extracted": "empty", "failed": "fail", "relevant": "relev"}
    cols = list(headers)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=18)
    for c in cols:
        table.add_column(headers[c], justify="right", min_width=len(headers[c]), no_wrap=True)
    for s in summary.sources:
        table.add_row(s.name, *(str(getattr(s, c)) for c in cols))
    table.add_row("[bold]total[/bold]", *(f"[bold]{summary.total(c)}[/bold]" for c in cols))
    out.print(table)
    out.print("found: URLs discovered; fetch: pages fetched (200); same: not modified since the last run; "
              "dup: duplicate text or URL variant; empty: no article text; relev: relevant among new and updated")
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status.items()))
    out.print(f"fetch_log: {statuses}")
    out.print(f"database {summary.db_path}: {summary.articles_total} articles in {summary.stories_total} stories")


# ---------------------------------------------------------------- sources check


def sources_check(
    sources: SourcesOpt = None,
) -> None:
    """Validate the sources file and print its sources as a table (errors name the source and field)."""
    from flows.sources import load_sources

    path = Settings.load(sources=sources).sources_file
    found = load_sources(path)
    table = Table(title=f"{path}: {len(found)} sources")
    for c in ("name", "kind", "url", "allowed domains", "max articles", "rate limit"):
        table.add_column(c)
    for s in found:
        where = s.url or f"{len(s.urls)} URLs"
        table.add_row(s.name, s.kind, where, ", ".join(s.allowed_domains) or "-",
                      str(s.max_articles or "-"), f"{s.rate_limit:g}/s" if s.rate_limit else "default")
    out.print(table)


# ---------------------------------------------------------------- sql


def sql(
    query: Annotated[str, typer.Argument(help='One or more read-only statements, e.g. "SELECT count(*) FROM '
                                         'articles".')],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: table, csv or json.")] = "table",
    max_width: Annotated[int, typer.Option("--max-width", help="Truncate table cells to this many "
                                           "characters.")] = 60,
    snapshot: Annotated[bool, typer.Option("--snapshot", help="Query the readers' snapshot of the database "
                                           "(never blocks a running flow; refreshed after each run).")] = False,
) -> None:
    """Run a read-only SQL query against the database (writes are refused)."""
    import duckdb

    from flows.store import Store

    if fmt not in ("table", "csv", "json"):
        raise ConfigError(f"--format: expected table, csv or json, got {fmt!r}")
    path = Settings.load(db=db).db_path
    if snapshot:
        from flows.snapshot import reader_db, snapshot_path

        path = reader_db(path)
        if path != snapshot_path(Settings.load(db=db).db_path):
            raise InputError(f"--snapshot: no snapshot beside {path} yet (run `pantau snapshot` or a flow)")
    with Store.open(path, read_only=True) as store:
        try:
            statements = store.con.extract_statements(query)
        except duckdb.Error as exc:
            raise InputError(f"sql: {_first_line(exc)}") from None
        if not statements:
            raise InputError("sql: empty query")
        for st in statements:
            kind = st.type.name
            if kind not in READ_STATEMENTS:
                raise PantauError(f"sql: refused {kind} statement: `pantau sql` is read-only "
                                  "(use SELECT; the database is written only by pantau flows)")
        try:
            for st in statements[:-1]:
                store.con.execute(st)
            cur = store.con.execute(statements[-1])
            columns = [d[0] for d in cur.description or []]
            rows = cur.fetchall() if columns else []
        except duckdb.Error as exc:
            raise InputError(f"sql: {_first_line(exc)}") from None
    _emit_rows(columns, rows, fmt, max_width)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _emit_rows(columns: list[str], rows: list[tuple], fmt: str, max_width: int) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=_json_default,
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="ellipsis", max_width=max_width)
        for r in rows:
            table.add_row(*(_cell(v, max_width) for v in r))
        out.print(table)
        out.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def _cell(value: Any, width: int) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes | bytearray):
        return f"<{len(value)} bytes>"
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _json_default(value: Any) -> Any:
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return str(value)


# ---------------------------------------------------------------- status


def status(
    db: DbOpt = None,
    runs: Annotated[int, typer.Option("--runs", min=1, help="How many recent runs to show.")] = 10,
) -> None:
    """Recent runs, article and story counts, and fetch outcomes by status."""
    from flows.store import Store

    path = Settings.load(db=db).db_path
    with Store.open(path, read_only=True) as store:
        con = store.con
        recent = con.execute(
            "SELECT run_id, flow, started_at, ended_at, status, counts FROM runs ORDER BY started_at DESC LIMIT ?",
            [runs],
        ).fetchall()
        totals = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE relevant), count(DISTINCT story_id), count(DISTINCT outlet),"
            " min(published), max(published) FROM articles"
        ).fetchone()
        by_status = con.execute(
            "SELECT status, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct"
            " FROM fetch_log GROUP BY status ORDER BY n DESC"
        ).fetchall()
        last_run = recent[0][0] if recent else None
        last_status = dict(con.execute("SELECT status, count(*) FROM fetch_log WHERE run_id = ? GROUP BY status",
                                       [last_run]).fetchall()) if last_run else {}

    t = Table(title=f"{path}: recent runs")
    for c in ("run", "flow", "started (UTC)", "took", "status", "new", "not modified", "failed"):
        t.add_column(c)
    for run_id, flow_name, started, ended, st, counts in recent:
        c = json.loads(counts) if counts else {}
        took = f"{(ended - started).total_seconds():.1f}s" if ended else "-"
        t.add_row(run_id[:12], flow_name, f"{started:%Y-%m-%d %H:%M:%S}", took, st, str(c.get("new", "-")),
                  str(c.get("not_modified", "-")), str(c.get("failed", "-")))
    out.print(t)
    n, relevant, stories, outlets, first, last = totals
    out.print(f"articles {n} ({relevant} relevant) in {stories} stories from {outlets} outlets; "
              f"published {first or '-'} .. {last or '-'}")
    s = Table(title="fetch outcomes (all runs)")
    for c in ("status", "count", "%", "last run"):
        s.add_column(c, justify="right" if c != "status" else "left")
    for st, cnt, pct in by_status:
        s.add_row(st, str(cnt), f"{pct:.1f}", str(last_status.get(st, 0)))
    out.print(s)
