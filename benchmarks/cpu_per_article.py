"""CPU milliseconds per article of the Analyzer in one process: the steadier number for comparing two versions.

Usage: python benchmarks/cpu_per_article.py [ROOT] [--n 300] [--passes 4] [--corpus FILE]

Why: on a shared machine, throughput runs taken a minute apart differ by up to a third. Running this script for
two checkouts *at the same time* (`python ... OLD & python ... NEW; wait`) puts both under the same load; the best
of several passes drops the passes another job disturbed. ROOT is the checkout whose code is measured (default:
this one), so an older worktree can be compared without installing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--passes", type=int, default=4)
    ap.add_argument("--corpus", type=Path, help="real articles (JSONL) instead of the synthetic ones")
    a = ap.parse_args()
    root = str(Path(a.root).resolve())
    os.chdir(root)
    sys.path[:0] = [root, str(Path(__file__).resolve().parent)]
    import bench_extract  # this script's copy; `nlp` comes from ROOT, first on sys.path

    rows = bench_extract.read_corpus(a.corpus, a.n) if a.corpus else bench_extract.make_articles(a.n)
    an, arts = bench_extract.warm_analyzer(rows)
    best = float("inf")
    for _ in range(a.passes):
        t = time.process_time()
        list(an.pipe(arts))
        best = min(best, time.process_time() - t)
    print(f"{root}: {1000 * best / len(arts):.2f} CPU ms per article (best of {a.passes} passes, {len(arts)} articles)")


if __name__ == "__main__":
    main()
