"""Build the demo database from the bundled sample site: ingest (+ NLP enrich) + snapshot.

Why a script: notebooks, the digest and CI all need the same small, real-pipeline database; this
runs exactly what `pantau run --demo` runs (the sample site served on 127.0.0.1, the ingest flow),
then the enrich flow when it is importable, so the NLP tables are filled by the real analyzer,
not by a fake. `--synthetic N` builds a synthetic database instead (benchmarks/gen_synthetic_db.py),
for when the NLP models are not available or more volume is wanted.

    PYTHONPATH=. .venv/bin/python scripts/make_demo_db.py                 # -> var/demo.duckdb
    PYTHONPATH=. .venv/bin/python scripts/make_demo_db.py /tmp/d.duckdb --no-enrich
    PYTHONPATH=. .venv/bin/python scripts/make_demo_db.py --synthetic 5000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DEMO_DB = ROOT / "var" / "demo.duckdb"


def build_demo_db(path: str | Path = DEFAULT_DEMO_DB, enrich: bool = True, snapshot: bool = False,
                  verbose: bool = True) -> dict:
    """Ingest the sample site into `path` (replacing it), then enrich; returns table counts + notes."""
    import os

    from flows.config import prefect_env

    # a private Prefect home: a shared var/prefect may be busy with another run's ephemeral server
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="pantau-demo-prefect-"))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "240")
    prefect_env()
    from flows.commands.ingest_cmds import DEMO_FETCHER
    from flows.ingest import ingest
    from flows.sample_site import start_sample_site, write_sample_sources
    from flows.store.store import Store

    path = Path(path)
    for p in (path, Path(str(path) + ".wal")):
        if p.exists():
            p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    t0 = time.perf_counter()
    site = start_sample_site(port=0)
    try:
        with tempfile.TemporaryDirectory(prefix="pantau-demo-") as tmp:
            sources = write_sample_sources(site.base_url, Path(tmp) / "sources.toml")
            summary = ingest(sources_file=str(sources), db_path=str(path), batch_size=25, max_workers=8,
                             fetcher_options=dict(DEMO_FETCHER))
            notes.append(f"ingest: {getattr(summary, 'status', '?')}")
    finally:
        site.stop()
    if enrich:
        try:
            from flows.enrich import enrich as enrich_flow
        except ImportError as exc:
            notes.append(f"enrich skipped: {exc}")
        else:
            try:
                result = enrich_flow(db_path=str(path))
                notes.append(f"enrich: {result}")
            except Exception as exc:  # noqa: BLE001 - the demo still has articles; say why NLP rows are missing
                notes.append(f"enrich failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    with Store.open(path) as store:
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "stories", "article_analysis", "article_topics", "article_facilities",
                            "article_officials", "partnerships")}
        if snapshot:
            from flows.snapshot import refresh_snapshot

            info = refresh_snapshot(store)
            notes.append(f"snapshot: {info.path}")
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    if verbose:
        for n in notes:
            print(n, file=sys.stderr)
    return {"db": str(path), "counts": counts, "notes": notes}


def build_synthetic_demo_db(path: str | Path, n_articles: int = 3000, seed: int = 7) -> dict:
    """A synthetic demo database (fast, every NLP table filled) for tests and plots without models."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_synthetic_db import generate

    counts = generate(path, n_articles=n_articles, seed=seed, verbose=False)
    return {"db": str(path), "counts": counts, "notes": [f"synthetic: {n_articles} articles, seed {seed}"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", nargs="?", default=str(DEFAULT_DEMO_DB))
    ap.add_argument("--no-enrich", action="store_true", help="only ingest (no NLP tables)")
    ap.add_argument("--snapshot", action="store_true", help="also refresh <db>.snapshot.duckdb")
    ap.add_argument("--synthetic", type=int, metavar="N", help="build N synthetic articles instead")
    args = ap.parse_args(argv)
    if args.synthetic:
        result = build_synthetic_demo_db(args.db, args.synthetic)
    else:
        result = build_demo_db(args.db, enrich=not args.no_enrich, snapshot=args.snapshot)
    print(f"{result['db']}: {result['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
