"""Pages/second and peak memory of the ingest flow on the bundled sample site (loopback, extraction included).

Usage: python benchmarks/bench_ingest.py [--repeat 3] [--faults] [--workers 8]

What is measured, per repetition, on a fresh DuckDB file (the first repetition is reported apart:
it pays one-time loads such as the language-id model, pandas and the schema migrations):
- cold run: the whole Prefect flow (discover feeds/sitemaps/listings, fetch every article page over
  HTTP on 127.0.0.1, extract with trafilatura/htmldate, MinHash dedup, relevance, DuckDB writes);
  pages/s = article pages fetched with a 200 / flow wall time;
- warm run: the same sources again (conditional GET: every page answers 304);
- extraction alone: `flows.extract.extract` over the fetched HTML in memory, to separate CPU from I/O.
Prefect's server start-up (ephemeral, once per process) is reported separately and excluded.
Peak memory: ru_maxrss of this process (the flow, the fetch threads and the sample site; not the
Prefect server subprocess) and the tracemalloc peak of Python allocations during one cold run.
Fault pages are off by default: their deliberate 3 s timeouts measure patience, not throughput.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.config import prefect_env  # noqa: E402

FETCHER = {"rate_limit": None, "timeout": 2.0, "total_timeout": 3.0, "retries": 1, "backoff": 0.05,
           "per_host_concurrency": 8}


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=4, help="runs on fresh databases: the first is reported "
                    "apart (one-time loads), the last is traced for memory, the rest give the median")
    ap.add_argument("--faults", action="store_true", help="include the fault pages (timeouts, 404s, ...)")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=25)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="pantau-bench-"))
    os.environ.setdefault("PANTAU_VAR", str(tmp / "var"))
    prefect_env()
    from prefect import flow

    from flows.extract import extract
    from flows.fetch import Fetcher
    from flows.ingest import ingest
    from flows.sample_site import start_sample_site, write_sample_sources

    @flow(name="bench-warmup")
    def warmup() -> int:
        return 1

    t0 = time.perf_counter()
    warmup()
    startup = time.perf_counter() - t0
    rss_base = rss_mib()

    cold, warm, pages, peaks, first = [], [], 0, [], None
    with start_sample_site() as site:
        sources = write_sample_sources(site.base_url, tmp / "sources.toml", faults=args.faults)
        for i in range(args.repeat):
            db = tmp / f"bench-{i}.duckdb"
            trace = i == args.repeat - 1  # tracemalloc slows Python down: only on the last repetition
            if trace:
                tracemalloc.start()
            t = time.perf_counter()
            s = ingest(sources_file=str(sources), db_path=str(db), fetcher_options=FETCHER,
                       max_workers=args.workers, batch_size=args.batch_size)
            elapsed = time.perf_counter() - t
            if trace:
                peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
                tracemalloc.stop()
            elif i == 0:
                first = (s.total("fetched"), elapsed)  # pays one-time loads: langid model, pandas, migrations
            else:
                cold.append((s.total("fetched"), elapsed))
            pages = s.total("fetched")
            t = time.perf_counter()
            s2 = ingest(sources_file=str(sources), db_path=str(db), fetcher_options=FETCHER,
                        max_workers=args.workers, batch_size=args.batch_size)
            warm.append((s2.total("not_modified"), time.perf_counter() - t))
        # extraction alone, on the same pages
        urls = [e.url for e in site.expected]
        with Fetcher(**FETCHER) as f:
            html = [(o.url, o.html) for o in f.fetch_many(urls, "bench") if o.html]
        t = time.perf_counter()
        for _ in range(3):
            for url, h in html:
                extract(h, url)
        extract_rate = 3 * len(html) / (time.perf_counter() - t)

    if not cold:  # --repeat < 3: fall back to what was timed
        cold = [first] if first else [(pages, elapsed)]
    cold_rate = statistics.median(n / t for n, t in cold)
    warm_rate = statistics.median(n / t for n, t in warm)
    rows = [
        ("article pages per cold run", f"{pages}"),
        (f"cold run: pages/s (median of {len(cold)})", f"{cold_rate:.1f}"),
        ("cold run: seconds (median)", f"{statistics.median(t for _, t in cold):.2f}"),
        ("first run in a fresh process: pages/s", f"{first[0] / first[1]:.1f}" if first else "-"),
        ("warm run (304s): pages/s (median)", f"{warm_rate:.1f}"),
        ("extraction alone: pages/s", f"{extract_rate:.1f}"),
        ("Prefect start-up + first flow (s)", f"{startup:.1f}"),
        ("peak RSS of this process (MiB)", f"{rss_mib():.0f}"),
        ("  of which before the first run (MiB)", f"{rss_base:.0f}"),
        ("tracemalloc peak during a cold run (MiB)", f"{peaks[0]:.1f}" if peaks else "-"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"bench_ingest: sample site on loopback, workers={args.workers}, batch={args.batch_size}, "
          f"faults={'on' if args.faults else 'off'}, cpus={os.cpu_count()}")
    print("-" * (width + 12))
    for k, v in rows:
        print(f"{k:<{width}}  {v:>8}")


if __name__ == "__main__":
    main()
