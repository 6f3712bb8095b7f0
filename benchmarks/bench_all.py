"""ONE table: every stage's throughput and peak memory, next to the floor (bare trafilatura + spaCy).

Usage:
    PYTHONPATH=. .venv/bin/python benchmarks/bench_all.py [--pages 200] [--nlp 100] [--rows 20000]
                                                       [--trend-db var/synth_1m.duckdb]

Why one child process per stage: peak RSS (ru_maxrss) only grows within a process, so each stage
runs in a fresh interpreter and reports its own peak (imports and models included). Stages:

- fetch      Fetcher.fetch_many, 8 threads, no rate limit, synthetic pages over HTTP on 127.0.0.1.
- ingest     fetch -> extract -> dedup -> store (flows.backfill.run_backfill over a URL list: the
             same steps as flows.ingest without discovery and without Prefect), pages/s end to end.
- extract    flows.extract.extract (trafilatura + htmldate + canonical URL) on the pages in memory.
- dedup      content hash + MinHash/LSH story assignment + keyword relevance (writer-side CPU).
- floor      bare trafilatura.extract(html) + spacy.blank("id") tokenisation of the same pages.
- nlp        nlp.analyze.Analyzer.pipe on synthetic ~400-word articles (model load timed apart).
- db         bulk inserts: Store.write_batch of article rows, then write_analyses of NLP rows.
- trend      topic_weekly / articles_weekly fully fetched from a database of 1M synthetic articles
             (benchmarks/gen_synthetic_db.py; generated if --trend-db does not exist).

Articles are synthetic (flows.scale.synthetic_article): no real article text is used. Numbers are
medians of --repeat runs where a stage repeats; the machine's load is printed with the table
because a shared machine can make any of them several times slower.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STAGES = ("fetch", "ingest", "extract", "dedup", "floor", "nlp", "db", "trend")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pages(n: int) -> dict[str, str]:
    from flows.scale import article_html, synthetic_article

    return {f"/berita/{i}": article_html(synthetic_article(i)) for i in range(n)}


class _Site:
    """Synthetic article pages over HTTP/1.1 on 127.0.0.1 (robots.txt allows everything)."""

    def __init__(self, n: int) -> None:
        pages = _pages(n)

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                body = (b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt"
                        else pages.get(self.path, "").encode("utf-8"))
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt"
                                 else "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.urls = [self.base + p for p in pages]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def _fetcher():
    from flows.fetch import Fetcher

    return Fetcher(rate_limit=None, per_host_concurrency=8, retries=0, timeout=10)


# ---------------------------------------------------------------- stages (each in its own process)


def stage_fetch(a) -> dict:
    site = _Site(a.pages)
    times = []
    for _ in range(a.repeat):
        with _fetcher() as f:
            t = time.perf_counter()
            ok = sum(1 for o in f.fetch_many(site.urls, max_workers=8) if o.ok)
            times.append(time.perf_counter() - t)
        assert ok == a.pages, f"only {ok}/{a.pages} pages fetched"
    site.close()
    return {"items": a.pages, "seconds": statistics.median(times), "unit": "pages"}


def stage_ingest(a) -> dict:
    from flows.backfill import run_backfill

    site = _Site(a.pages)
    times = []
    for _ in range(a.repeat):
        with tempfile.TemporaryDirectory() as d, _fetcher() as f:
            t = time.perf_counter()
            rep = run_backfill(Path(d) / "b.duckdb", "2000-01-01", "2100-01-01", urls=site.urls, fetcher=f,
                               workers=8)
            times.append(time.perf_counter() - t)
        assert rep.new == a.pages, rep
    site.close()
    return {"items": a.pages, "seconds": statistics.median(times), "unit": "pages"}


def stage_extract(a) -> dict:
    from flows.extract import extract

    pages = _pages(a.pages)
    extract(next(iter(pages.values())), "https://x.example/warmup")  # language model, lxml warm-up
    times = []
    for _ in range(a.repeat):
        t = time.perf_counter()
        n = sum(1 for p, html in pages.items() if extract(html, "https://kabarlapas.example" + p))
        times.append(time.perf_counter() - t)
    assert n == a.pages
    return {"items": a.pages, "seconds": statistics.median(times), "unit": "articles"}


def stage_dedup(a) -> dict:
    from flows.dedup import StoryIndex, content_hash, minhash
    from flows.scale import synthetic_article
    from nlp.keywords import keyword_relevance

    arts = [synthetic_article(i) for i in range(a.pages)]
    times = []
    for _ in range(a.repeat):
        index = StoryIndex()
        t = time.perf_counter()
        for x in arts:
            content_hash(x.text)
            index.assign(x.id, minhash(x.text))
            keyword_relevance(x.title, x.text)
        times.append(time.perf_counter() - t)
    return {"items": a.pages, "seconds": statistics.median(times), "unit": "articles",
            "note": "content hash + MinHash/LSH story + keyword relevance (the writer-side CPU)"}


def stage_floor(a) -> dict:
    import spacy
    import trafilatura

    pages = list(_pages(a.pages).values())
    nlp = spacy.blank("id")
    len(nlp(trafilatura.extract(pages[0]) or ""))  # warm-up
    times, t_extract = [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        tokens, spent = 0, 0.0
        for html in pages:
            t1 = time.perf_counter()
            text = trafilatura.extract(html) or ""
            spent += time.perf_counter() - t1
            tokens += len(nlp(text))
        times.append(time.perf_counter() - t)
        t_extract.append(spent)
    ms = 1000 * statistics.median(t_extract) / a.pages
    return {"items": a.pages, "seconds": statistics.median(times), "unit": "articles",
            "note": f"trafilatura.extract {ms:.1f} ms + tokenise {1000 * statistics.median(times) / a.pages - ms:.1f} "
                    f"ms per article; {tokens // a.pages} tokens/article"}


def stage_nlp(a) -> dict:
    from flows.scale import synthetic_article
    from nlp.analyze import Analyzer
    from nlp.records import ArticleText

    arts = []
    for i in range(a.nlp):
        s = synthetic_article(i)
        arts.append(ArticleText(id=s.id, text=s.text, title=s.title, published=s.published.date(), url=s.url))
    t = time.perf_counter()
    analyzer = Analyzer.load(ROOT / "models")
    load = time.perf_counter() - t
    list(analyzer.pipe(arts[:4]))  # warm-up
    t = time.perf_counter()
    out = list(analyzer.pipe(arts, batch_size=32))
    secs = time.perf_counter() - t
    words = sum(len(x.text.split()) for x in arts) // len(arts)
    return {"items": len(out), "seconds": secs, "unit": "articles",
            "note": f"~{words} words; model load {load:.1f} s ({analyzer.analyzer_version})"}


def _analysis(i: int):
    from nlp.records import Analysis, DateMention, Facility, Official, Organization, Partnership

    return Analysis(
        id=f"a{i}", relevant=True, relevance_score=0.9, topics=["official_visit"],
        topic_scores={"official_visit": 0.8, "anti_narcotics": 0.1},
        facilities=[Facility("Lapas Kelas IIA Kupang", "lapas", "Kupang", "NTT", "lapas-kupang", True, "IIA")],
        organizations=[Organization("BNNK Kupang", "bnn", "city", "Kupang", "NTT", "bnn:kupang")],
        officials=[Official(f"Pejabat {i}", "Kalapas", "Lapas Kupang", "lapas-kupang")],
        dates=[DateMention("Selasa (03/06/2025)", None, 10, 29, True)],
        partnerships=[Partnership(("Lapas Kupang", "BNNK Kupang"), "visit", None, "kunjungan kerja")],
    )


def stage_db(a) -> dict:
    from flows.dedup import content_hash
    from flows.scale import synthetic_article
    from flows.store.analysis_store import write_analyses
    from flows.store.store import ArticleRow, Store, article_id_for

    texts = [synthetic_article(i).text for i in range(50)]
    rows = [ArticleRow(article_id_for(f"https://x.example/{i}"), f"https://x.example/{i}", f"https://x.example/{i}",
                       "bench", "x.example", f"s-{i}", None, f"judul {i}", texts[i % 50], None, None, "id",
                       content_hash(f"{i} {texts[i % 50]}"), None, 0.9, True, 400) for i in range(a.rows)]
    analyses = [_analysis(i) for i in range(a.rows)]
    with tempfile.TemporaryDirectory() as d, Store.open(Path(d) / "db.duckdb") as store:
        t = time.perf_counter()
        for i in range(0, len(rows), 1000):
            store.write_batch(None, articles=rows[i:i + 1000])
        art_s = time.perf_counter() - t
        t = time.perf_counter()
        n_rows = 0
        for i in range(0, len(analyses), 1000):
            n_rows += sum(write_analyses(store.con, analyses[i:i + 1000], "bench").values())
        nlp_s = time.perf_counter() - t
    return {"items": a.rows + n_rows, "seconds": art_s + nlp_s, "unit": "rows",
            "note": f"articles {a.rows / art_s:,.0f} rows/s (~3 KB text each); NLP tables "
                    f"{n_rows / nlp_s:,.0f} rows/s ({n_rows} rows); batches of 1000"}


def stage_trend(a) -> dict:
    import duckdb

    db = Path(a.trend_db)
    generated = ""
    if not db.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from gen_synthetic_db import generate

        t = time.perf_counter()
        generate(db, n_articles=a.trend_rows, verbose=False)
        generated = f"; generated in {time.perf_counter() - t:.0f} s"
    con = duckdb.connect(str(db), read_only=True)
    (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
    lat = {}
    for view in ("articles_weekly", "topic_weekly"):
        times = []
        for _ in range(a.repeat):
            t = time.perf_counter()
            con.execute(f"SELECT * FROM {view}").fetch_arrow_table()
            times.append(time.perf_counter() - t)
        lat[view] = statistics.median(times)
    con.close()
    return {"items": 1, "seconds": lat["topic_weekly"], "unit": "query",
            "note": f"{n:,} articles; articles_weekly {lat['articles_weekly']:.2f} s{generated}"}


# ---------------------------------------------------------------- driver


def run_stage(name: str, args) -> dict:
    cmd = [sys.executable, __file__, "--stage", name, "--pages", str(args.pages), "--nlp", str(args.nlp),
           "--rows", str(args.rows), "--repeat", str(args.repeat), "--trend-db", args.trend_db,
           "--trend-rows", str(args.trend_rows)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"stage": name, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(lines[-1])


LABELS = {
    "fetch": "fetch (HTTP, loopback, 8 threads)",
    "ingest": "ingest: fetch+extract+dedup+store",
    "extract": "extract (trafilatura+htmldate+URL)",
    "dedup": "dedup + relevance",
    "floor": "FLOOR: bare trafilatura + spaCy blank('id')",
    "nlp": "NLP: nlp.analyze.Analyzer",
    "db": "DB bulk inserts (DuckDB)",
    "trend": "trend view topic_weekly (1M articles)",
}


def print_table(results: list[dict]) -> None:
    print(f"{'stage':<45} {'items':>7} {'seconds':>8} {'rate':>14} {'ms/item':>9} {'peak MB':>8}  note")
    for r in results:
        label = LABELS.get(r["stage"], r["stage"])
        if "error" in r:
            print(f"{label:<45} ERROR {r['error']}")
            continue
        rate = r["items"] / r["seconds"] if r["seconds"] else float("inf")
        if r["unit"] == "query":
            rate_s, per = "-", f"{r['seconds'] * 1000:,.0f}"
        else:
            rate_s, per = f"{rate:,.1f} {r['unit']}/s", f"{1000 / rate:.2f}"
        print(f"{label:<45} {r['items']:>7} {r['seconds']:>8.2f} {rate_s:>14} {per:>9} {r['peak_mb']:>8.0f}  "
              f"{r.get('note', '')}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    ap.add_argument("--only", nargs="*", choices=STAGES, help="run only these stages")
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--nlp", type=int, default=100)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--trend-db", default=str(ROOT / "var" / "synth_1m.duckdb"))
    ap.add_argument("--trend-rows", type=int, default=1_000_000)
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = ap.parse_args(argv)
    if args.stage:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        result = globals()[f"stage_{args.stage}"](args)
        print(json.dumps({"stage": args.stage, **result, "peak_mb": round(peak_mb(), 1)}))
        return 0
    t0, load0 = time.time(), os.getloadavg()[0]
    results = [run_stage(s, args) for s in (args.only or STAGES)]
    print(f"# bench_all: {os.cpu_count()} CPUs, load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end, "
          f"{time.time() - t0:.0f} s total; python {sys.version.split()[0]}")
    print_table(results)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
