"""Benchmark the trained NER (models/ner): words/s on real corpus articles, 1 and 2 processes, peak memory.

Why: `pantau extract` must run >= 100 articles/s of ~400 words on 2 cores, so the statistical NER
alone has to tag well over 60,000 words/s there. Reads ../shared/data/corpus/articles.jsonl (never
copied into the repo); `--synthetic` uses generated text instead when the corpus is absent.

    .venv/bin/python benchmarks/bench_ner.py [--model models/ner] [--articles 1000] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.ner_data import shared_data_root  # noqa: E402


def load_texts(n: int, synthetic: bool) -> list[str]:
    path = shared_data_root() / "corpus" / "articles.jsonl"
    if not synthetic and path.exists():
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        return (texts * (n // max(1, len(texts)) + 1))[:n]
    rng = random.Random(0)
    vocab = ("petugas lapas kelas IIA Banyuwangi razia kamar hunian warga binaan Kepala Budi Santoso mengatakan "
             "BNNK tes urine narkoba , . Senin (10/2/2025) Kanwil Ditjenpas Jawa Timur kunjungan kerja").split()
    return [" ".join(rng.choice(vocab) for _ in range(400)) for _ in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(REPO / "models" / "ner"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()

    import spacy

    nlp = spacy.load(args.model)
    texts = load_texts(args.articles, args.synthetic)
    words = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    list(nlp.pipe(texts[:50]))  # warm up
    print(f"model {args.model}: {len(texts)} articles, {words} words ({words / len(texts):.0f} words/article)")
    for n_process in args.processes:
        start, cpu_start = time.perf_counter(), time.process_time()
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=n_process))
        secs, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        # CPU time of this process only counts for n_process=1 (workers are children); on a shared
        # machine it is the steadier figure, wall-clock the honest one.
        cpu_note = f", {words / cpu:,.0f} words per CPU-second" if n_process == 1 else ""
        print(f"n_process={n_process}: {words / secs:,.0f} words/s wall, {len(texts) / secs:,.1f} articles/s, "
              f"{ents} entities, {secs:.1f}s{cpu_note}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB (main process), {children_mb:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
