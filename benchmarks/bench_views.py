"""Latency and peak memory of every analyst view over a (synthetic) pantau database.

Why one child process per view: peak RSS (ru_maxrss) only ever grows within a process, so each
view runs in its own fresh interpreter; what it prints is that view's own peak, DuckDB's buffers
included. Each view is fully materialised (`SELECT *` fetched into Arrow) three times and the
median is reported, so the number is what a notebook pays to pull the whole view.

    PYTHONPATH=. .venv/bin/python benchmarks/gen_synthetic_db.py var/synth_1m.duckdb --articles 1000000
    PYTHONPATH=. .venv/bin/python benchmarks/bench_views.py var/synth_1m.duckdb
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb


def list_views(db: str) -> list[str]:
    con = duckdb.connect(db, read_only=True)
    try:
        rows = con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name"
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def time_view(db: str, view: str, repeats: int = 3, threads: int | None = None) -> dict:
    """Run in the child: median seconds of `repeats` full materialisations, rows, peak RSS in MiB."""
    con = duckdb.connect(db, read_only=True)
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    times, rows = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        table = con.execute(f"SELECT * FROM {view}").to_arrow_table()
        times.append(time.perf_counter() - t0)
        rows = table.num_rows
        del table
    con.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"view": view, "median_s": statistics.median(times), "min_s": min(times), "rows": rows,
            "peak_rss_mib": peak_mib}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("--views", nargs="*", help="only these views (default: all)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(time_view(args.db, args.one, args.repeats, args.threads)))
        return 0
    # (re)create the views from flows/store/views first, so the numbers are for the current SQL files
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from flows.store.store import Store

    Store.open(args.db).close()
    con = duckdb.connect(args.db, read_only=True)
    (n_articles,) = con.execute("SELECT count(*) FROM articles").fetchone()
    con.close()
    views = args.views or list_views(args.db)
    print(f"{args.db}: {n_articles:,} articles; {len(views)} views; median of {args.repeats} full reads")
    print(f"{'view':<32} {'median s':>9} {'min s':>8} {'rows':>10} {'peak RSS MiB':>13}")
    peak = 0.0
    for view in views:
        cmd = [sys.executable, str(Path(__file__).resolve()), args.db, "--one", view, "--repeats", str(args.repeats)]
        if args.threads:
            cmd += ["--threads", str(args.threads)]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{view:<32} FAILED: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        peak = max(peak, r["peak_rss_mib"])
        print(f"{view:<32} {r['median_s']:>9.3f} {r['min_s']:>8.3f} {r['rows']:>10,} {r['peak_rss_mib']:>13.0f}")
    print(f"peak RSS over all views: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
