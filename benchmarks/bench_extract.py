"""Throughput and peak memory of `pantau extract` on ~400-word synthetic articles.

Usage: python benchmarks/bench_extract.py [--n 2000] [--n-process 2] [--batch-size 64] [--no-stages]
                                         [--corpus ../shared/data/corpus/articles.jsonl]
Runs the real command (`run_extract`, the function behind `pantau extract`) in a child process and
prints throughput after the one-off model load (what a long run sees), the end-to-end rate including
interpreter start and loading (what a short run sees), the largest process's peak RSS, and the CPU time
of start-up, main process and workers (on a shared machine CPU seconds are steadier than rates).
The synthetic articles are dense on purpose (every paragraph names units, agencies and officials: ~2x the
CPU per article of real news); `--corpus` runs the same measurement on real articles instead (the first
--n lines of a JSONL file such as the development corpus, repeated when it has fewer).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PARAS = [
    "{city} (ANTARA) - Lembaga Pemasyarakatan (Lapas) Kelas IIA {city} bersama Badan Narkotika Nasional Kabupaten "
    "(BNNK) {city} menggelar tes urine bagi petugas dan warga binaan pada {wd} ({d}/{m}/2025).",
    "Kepala Lapas Kelas IIA {city}, {name}, mengatakan kegiatan tersebut merupakan bagian dari komitmen jajaran "
    "untuk mewujudkan lapas yang bersih dari handphone, pungutan liar dan narkoba.",
    "\"Kami ingin memastikan seluruh petugas bebas dari penyalahgunaan narkotika,\" kata {short} di aula Lapas "
    "{city}. Ia menambahkan, kegiatan serupa akan digelar secara rutin setiap bulan.",
    "Kepala BNNK {city}, AKBP {name2}, S.H., M.H., menyampaikan apresiasi atas sinergi yang terjalin. Menurut "
    "{short2}, deteksi dini merupakan langkah penting dalam pencegahan peredaran gelap narkoba.",
    "Kegiatan juga dihadiri perwakilan Kanwil Ditjenpas {prov}, Polres {city} dan Kodim setempat. Sebanyak 150 "
    "warga binaan dan 40 petugas menjalani pemeriksaan, seluruhnya dinyatakan negatif.",
    "Selain tes urine, petugas melakukan razia kamar hunian. Dari razia tersebut tidak ditemukan barang terlarang "
    "seperti telepon genggam maupun senjata tajam.",
    "Sementara itu, Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan {prov}, {name3}, mengapresiasi "
    "langkah yang diambil jajaran Lapas {city} dalam mendukung program pemberantasan narkoba.",
    "Program pembinaan kemandirian bagi warga binaan juga terus berjalan, antara lain pelatihan menjahit, "
    "pertanian, dan perbengkelan yang bekerja sama dengan Dinas Tenaga Kerja Kabupaten {city}.",
]
CITIES = [("Banyuwangi", "Jawa Timur"), ("Kupang", "Nusa Tenggara Timur"), ("Tegal", "Jawa Tengah"),
          ("Samarinda", "Kalimantan Timur"), ("Padang", "Sumatera Barat"), ("Jember", "Jawa Timur")]
NAMES = ["Mochamad Mukaffi", "Haryono Saputra", "Dwi Santosa", "Rudy Fernando", "Imam Jauhari", "Faisol Wahyudi"]
WD = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def make_articles(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        city, prov = rng.choice(CITIES)
        n1, n2, n3 = rng.sample(NAMES, 3)
        paras = []
        while sum(len(p.split()) for p in paras) < 400:
            paras.append(rng.choice(PARAS))
        text = "\n".join(p.format(city=city, prov=prov, wd=rng.choice(WD), d=rng.randint(1, 28), m=rng.randint(1, 12),
                                  name=n1, short=n1.split()[-1], name2=n2, short2=n2.split()[0], name3=n3)
                         for p in paras)
        out.append({"id": f"bench-{i}", "title": f"Tes Urine di Lapas {city}", "text": text,
                    "published": "2025-06-30", "url": None})
    return out


# what `pantau extract` does: the CLI module (every command group), the models, then the run
CHILD = """
import sys, time, resource
sys.path.insert(0, {root!r})
from pathlib import Path
t0 = time.perf_counter()
import flows.cli
from flows.commands.nlp_cmds import run_extract
from nlp.analyze import Analyzer
Analyzer.load()
t1 = time.perf_counter()
c1 = time.process_time()
ok, failed = run_extract(Path({inp!r}), Path({out!r}), batch_size={bs}, n_process={np}, progress=False)
t2 = time.perf_counter()
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(ok, failed, t1 - t0, t2 - t1, c1, time.process_time(), workers.ru_utime + workers.ru_stime)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage CPU profile")
    ap.add_argument("--corpus", type=Path, help="real articles (JSONL with id/title/text) instead of synthetic ones")
    a = ap.parse_args()
    arts = read_corpus(a.corpus, a.n) if a.corpus else make_articles(a.n)
    words = sum(len(x["text"].split()) for x in arts) / len(arts)
    with tempfile.TemporaryDirectory() as td:
        inp, out = Path(td) / "in.jsonl", Path(td) / "out.jsonl"
        inp.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in arts) + "\n", encoding="utf-8")
        code = CHILD.format(root=str(ROOT), inp=str(inp), out=str(out), bs=a.batch_size, np=a.n_process)
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        ok, failed, *times = res.stdout.split()
    load_s, run_s, startup_cpu, parent_cpu, workers_cpu = map(float, times)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = ru.ru_maxrss / 1024
    cpu = ru.ru_utime + ru.ru_stime
    print(f"articles={a.n} ({a.corpus or 'synthetic'}) mean_words={words:.0f} n_process={a.n_process} batch_size={a.batch_size}")
    print(f"ok={ok} failed={failed}")
    print(f"model load incl. imports (once per run; forked workers share it): {load_s:.2f}s")
    print(f"extraction after loading: {run_s:.2f}s -> {a.n / run_s:.1f} articles/s   <- throughput")
    print(f"end to end incl. interpreter start and loading: {wall:.2f}s -> {a.n / wall:.1f} articles/s")
    print(f"peak RSS of the largest process: {peak_mb:.0f} MB")
    print(f"CPU time of all processes: {cpu:.1f}s -> {a.n / cpu:.1f} articles per CPU-second (main process "
          f"{parent_cpu:.1f}s of which start-up {startup_cpu:.1f}s, workers {workers_cpu:.1f}s)")
    if not a.no_stages:
        stages = stage_times(arts[:200])
        print("CPU ms per article by stage (200 articles, in this process): " +
              ", ".join(f"{k}={v:.1f}" for k, v in stages.items()))


def read_corpus(path: Path, n: int) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows.append({"id": r["id"], "title": r.get("title") or "", "text": r.get("text") or "",
                             "published": r.get("published"), "url": r.get("url")})
    if not rows:
        raise SystemExit(f"{path}: no articles")
    picks = (rows[i % len(rows)] for i in range(n))
    return [dict(r, id=f"{r['id']}#{i}") for i, r in enumerate(picks)]


def warm_analyzer(rows: list[dict]):
    """(the loaded Analyzer, the rows as ArticleText) after one warm-up batch: what an in-process measurement
    starts from. `nlp` is imported from the first checkout on sys.path."""
    from datetime import date

    from nlp.analyze import Analyzer
    from nlp.records import ArticleText

    an = Analyzer.load()
    arts = [ArticleText(r["id"], r["text"], r["title"], date(2025, 6, 30)) for r in rows]
    list(an.pipe(arts[:5]))
    return an, arts


def stage_times(rows: list[dict]) -> dict[str, float]:
    """Where the time goes: spaCy (tokenise + sentences), the rule stages, topics, partnerships."""
    sys.path.insert(0, str(ROOT))
    an, arts = warm_analyzer(rows)
    from nlp import dates, facilities, organizations

    texts = [an.full_text(a) for a in arts]
    out = {}
    t = time.process_time()
    list(an.nlp.pipe(texts, batch_size=64))
    out["spacy"] = time.process_time() - t
    t = time.process_time()
    for text, a in zip(texts, arts, strict=True):
        fm = facilities.find_mentions(text, an.registry)
        facs, links = facilities.resolve(fm, text, an.registry)
        orgs = organizations.resolve(organizations.find_hits(text, an.registry, [(m.start, m.end) for m in fm]),
                                     text, an.registry)
        an.officials.find(text, facs, links, orgs)
        dates.find_dates(text, a.published)
    out["rules"] = time.process_time() - t
    if an.topic_model is not None:
        t = time.process_time()
        an.topic_model.predict([a.title or "" for a in arts], [a.text for a in arts])
        out["topics"] = time.process_time() - t
    t = time.process_time()
    results = list(an.pipe(arts))
    out["all"] = time.process_time() - t
    if an.partnership_fn is not None:
        t = time.process_time()
        for text, r in zip(texts, results, strict=True):
            an.partnership_fn(text, r)  # the text, as the Analyzer passes it
        out["partnerships"] = time.process_time() - t
    return {k: 1000 * v / len(arts) for k, v in out.items()}


if __name__ == "__main__":
    main()
