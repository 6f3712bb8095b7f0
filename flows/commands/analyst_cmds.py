"""`pantau export`, `pantau report`, `pantau search`, `pantau snapshot`: the analyst side of the CLI.

Why readers default to the snapshot: DuckDB lets one process write a file, and a read-only
opener also locks it, so reading the live database while a flow runs either fails or makes the
flow fail. Without --db, these commands read `<db>.snapshot.duckdb` when it exists (refreshed by
`pantau snapshot` or by the flows after each run) and fall back to the live file otherwise.
Heavy imports (matplotlib, jinja2) sit inside the commands so `pantau --help` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.config import Settings

out = Console()
err = Console(stderr=True)

DB_HELP = ("DuckDB file to read [default: the snapshot of $PANTAU_DB / var/pantau.duckdb when it exists, "
           "else the database itself].")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("report")(report)
    app.command("search")(search)
    app.command("snapshot")(snapshot)


def _reader_path(db: Path | None) -> Path:
    from flows.snapshot import reader_db

    if db is not None:
        return Path(db)
    return reader_db(Settings.load().db_path)


def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="Output folder: <table>/month=YYYY-MM/*.parquet.")],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Export articles and the NLP tables to Parquet, partitioned by month (hive style)."""
    from flows.export import export_parquet

    path = _reader_path(db)
    result = export_parquet(path, parquet)
    table = Table(title=f"export of {path} -> {result.out_dir} ({result.seconds:.1f}s)")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in result.rows.items():
        table.add_row(name, f"{n:,}")
    out.print(table)
    out.print(f"{len(result.months)} month partition(s)"
              + (f": {result.months[0]} .. {result.months[-1]}" if result.months else ""))


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write (self-contained).")],
    week: Annotated[str | None, typer.Option("--week", "-w",
                                    help="ISO week, e.g. 2025-W23 [default: latest week with data].")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Write the weekly digest: topic trends, spikes, top facilities, partnership graph, incidents, sources."""
    from flows.report import write_report

    path = _reader_path(db)
    written = write_report(path, week, output)
    out.print(f"wrote {written} ({written.stat().st_size / 1024:.0f} KiB) from {path}")


def search(
    query: Annotated[str, typer.Argument(help="Words to look for (Indonesian stemming; stopwords ignored).")],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Number of hits.")] = 10,
    relevant_only: Annotated[bool, typer.Option("--relevant", help="Only corrections-relevant articles.")] = False,
    all_terms: Annotated[bool, typer.Option(
        "--all", help="Every word must occur (default: any, ranked by BM25).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit instead of a table.")] = False,
) -> None:
    """Full-text search (BM25, DuckDB fts) over article titles and texts."""
    from flows.search import search as run_search

    path = _reader_path(db)
    hits = run_search(path, query, limit=limit, relevant_only=relevant_only, all_terms=all_terms)
    if as_json:
        for h in hits:
            typer.echo(json.dumps(h.to_dict(), ensure_ascii=False))
        return
    if not hits:
        out.print(f"no article matches {query!r} in {path}")
        return
    table = Table(title=f"{len(hits)} hit(s) for {query!r} in {path}", show_lines=True)
    for c in ("score", "published", "outlet", "title / snippet / url"):
        table.add_column(c)
    for h in hits:
        when = h.published.strftime("%Y-%m-%d") if h.published else ""
        table.add_row(f"{h.score:.2f}", when, h.outlet or "", f"[bold]{h.title or ''}[/bold]\n{h.snippet}\n{h.url}")
    out.print(table)


def snapshot(
    db: Annotated[Path | None, typer.Option(
        "--db", help="Live database [env PANTAU_DB; default var/pantau.duckdb].")] = None,
    to: Annotated[Path | None, typer.Option(
        "--to", help="Snapshot file [env PANTAU_SNAPSHOT; default <db>.snapshot.duckdb].")] = None,
    no_index: Annotated[bool, typer.Option("--no-search-index", help="Skip building the full-text index.")] = False,
) -> None:
    """Refresh the read-only snapshot that notebooks, reports and search read (needs the write lock)."""
    from flows.snapshot import refresh_snapshot

    settings = Settings.load(db=db)
    info = refresh_snapshot(settings.db_path, to, search_index=not no_index)
    out.print(f"snapshot {info.path}: {info.n_articles:,} articles from {info.source} in {info.seconds:.1f}s"
              + (" (with search index)" if info.search_index else ""))
