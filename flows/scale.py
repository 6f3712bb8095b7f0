"""Scale-out: the NLP stage on Dask (prefect-dask), DuckLake storage, and synthetic load.

Three parts, one concern (running pantau past one process or one machine):

1. **Dask enrichment** (`enrich_dask`): the enrich step split into article batches, each a
   Prefect task submitted to a `DaskTaskRunner`. Workers load the Analyzer once per process (a
   module-level cache) and return plain rows; the parent writes them in bulk, because DuckDB
   admits one writer. See docs/scale.md for when this pays off.
2. **DuckLake** (`attach_ducklake`, `publish_to_ducklake`): a catalog (DuckDB/SQLite/Postgres
   file) plus Parquet data files; many readers on many machines, snapshots, time travel.
3. **Synthetic load** (`synthetic_article`, `article_html`): generated Indonesian corrections
   news for benchmarks and tests.

Why generated and not copied: tests and benchmarks must never carry real article text. These
read like the press releases pantau monitors (a facility, its head, a partner agency, a dated
event, a topic) and are varied enough per seed that two articles are not near-duplicates, so
de-duplication and story clustering behave as on real feeds. Deterministic for a given index.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

FACILITIES = [
    ("Lapas Kelas IIA Kupang", "Kupang", "NTT"), ("Lapas Kelas IIA Banyuwangi", "Banyuwangi", "Jawa Timur"),
    ("Rutan Kelas I Depok", "Depok", "Jawa Barat"), ("LPKA Kelas I Tangerang", "Tangerang", "Banten"),
    ("Bapas Kelas I Makassar", "Makassar", "Sulawesi Selatan"), ("Lapas Narkotika Kelas IIA Bangli", "Bangli", "Bali"),
    ("Rutan Kelas IIB Sinjai", "Sinjai", "Sulawesi Selatan"), ("Lapas Perempuan Kelas III Kupang", "Kupang", "NTT"),
    ("Lapas Kelas IIA Pekanbaru", "Pekanbaru", "Riau"), ("Rupbasan Kelas I Jakarta Barat", "Jakarta Barat", "DKI Jakarta"),
    ("Lapas Kelas IIB Pamekasan", "Pamekasan", "Jawa Timur"), ("Rutan Kelas IIB Padang", "Padang", "Sumatera Barat"),
]
HEADS = ["Yohanes Bria", "Mochamad Hidayat", "Ketut Sudarsana", "Rina Wulandari", "Agus Salim Harahap",
         "Dewi Kartikasari", "Imam Syafii", "Fransiskus Nuba", "Siti Rahmawati", "Budi Santoso Putra"]
PARTNERS = ["BNNK {city}", "Polres {city}", "Kejari {city}", "Pemkab {city}", "Dinas Kesehatan {city}",
            "Kodim {city}", "Ombudsman RI Perwakilan {prov}", "KPU {city}", "Bawaslu {city}", "Kemenag {city}"]
EVENTS = [
    ("razia kamar hunian", "petugas menemukan sejumlah barang terlarang seperti telepon genggam dan kabel"),
    ("tes urine bagi petugas dan warga binaan", "seluruh sampel urine dinyatakan negatif narkoba"),
    ("penandatanganan perjanjian kerja sama", "kedua pihak sepakat memperkuat pembinaan kemandirian"),
    ("kunjungan kerja", "rombongan meninjau blok hunian, dapur, klinik dan ruang kunjungan keluarga"),
    ("apel siaga menjelang hari raya", "seluruh petugas diminta meningkatkan kewaspadaan di pos penjagaan"),
    ("pelatihan keterampilan menjahit", "hasil karya warga binaan akan dipasarkan melalui galeri produk"),
    ("deklarasi netralitas petugas", "petugas berjanji tidak terlibat politik praktis selama pemilihan"),
    ("penyerahan remisi", "sebagian warga binaan langsung bebas setelah menerima pengurangan masa pidana"),
    ("sosialisasi pencegahan pungutan liar", "layanan kunjungan ditegaskan gratis tanpa pungutan apa pun"),
    ("pemeriksaan kesehatan gratis", "tenaga medis memeriksa tekanan darah dan gula darah warga binaan"),
]
FILLER = [
    "Kegiatan ini merupakan wujud komitmen jajaran pemasyarakatan dalam mewujudkan Zero Halinar.",
    "Menurutnya, sinergi antarinstansi sangat penting agar pembinaan berjalan aman dan tertib.",
    "Ia menambahkan bahwa seluruh rangkaian acara berlangsung tertib hingga selesai sekitar pukul {hour}.00 WITA.",
    "Pihaknya berharap kerja sama serupa dapat terus dilanjutkan pada tahun-tahun mendatang.",
    "Saat ini {facility} dihuni sekitar {inmates} warga binaan, jauh melebihi kapasitas {capacity} orang.",
    "Para warga binaan tampak antusias mengikuti setiap sesi yang diberikan oleh narasumber.",
    "Langkah tersebut juga sejalan dengan arahan Direktur Jenderal Pemasyarakatan terkait deteksi dini.",
    "Ke depan, pihaknya akan mengevaluasi pelaksanaan kegiatan agar manfaatnya dirasakan lebih luas.",
    "Petugas pengamanan juga memeriksa setiap sudut ruangan termasuk kamar mandi dan plafon.",
    "Kegiatan ditutup dengan doa bersama dan foto bersama seluruh peserta dan undangan.",
    "Ia mengimbau masyarakat untuk melaporkan apabila menemukan praktik pungutan liar di lingkungan {facility}.",
    "Program tersebut menyasar {n} warga binaan yang telah memenuhi syarat administratif dan substantif.",
]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@dataclass(frozen=True)
class SyntheticArticle:
    id: str
    url: str
    title: str
    text: str  # paragraphs separated by blank lines
    published: datetime

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n")


def synthetic_article(i: int, start: date = date(2025, 1, 1), base: str = "https://kabarlapas.example",
                      words: int = 400) -> SyntheticArticle:
    """Article number `i`: a ~`words`-word press-release-style text published start + i//3 days."""
    rnd = random.Random(i * 7919 + 13)
    facility, city, prov = FACILITIES[rnd.randrange(len(FACILITIES))]
    head = HEADS[rnd.randrange(len(HEADS))]
    partner = PARTNERS[rnd.randrange(len(PARTNERS))].format(city=city, prov=prov)
    event, outcome = EVENTS[rnd.randrange(len(EVENTS))]
    published = datetime.combine(start + timedelta(days=i // 3), datetime.min.time()) + timedelta(hours=8 + i % 9)
    event_day = published.date() - timedelta(days=rnd.randrange(0, 3))
    stamp = f"{WEEKDAYS[event_day.weekday()]} ({event_day.day:02d}/{event_day.month:02d}/{event_day.year})"
    short = facility.replace(" Kelas IIA", "").replace(" Kelas IIB", "").replace(" Kelas III", "").replace(" Kelas I", "")
    title = f"{short} dan {partner} Gelar {event.capitalize()} (No. {i})"
    paras = [
        f"{city.upper()} - {facility} bersama {partner} menggelar {event} pada {stamp}. "
        f"Kegiatan nomor {i} ini dipimpin langsung oleh Kepala {short}, {head}.",
        f"Dalam keterangannya, {head} menyampaikan bahwa {outcome}. "
        f"Ia menegaskan jajarannya akan terus bersinergi dengan {partner}.",
    ]
    fill = {"facility": short, "hour": 9 + rnd.randrange(8), "inmates": 300 + rnd.randrange(900),
            "capacity": 200 + rnd.randrange(300), "n": 10 + rnd.randrange(190)}
    n_words = sum(len(p.split()) for p in paras)
    while n_words < words:
        sentences = rnd.sample(FILLER, 3)
        para = " ".join(s.format(**fill) for s in sentences) + f" (catatan {rnd.randrange(10**6)})"
        paras.append(para)
        n_words += len(para.split())
    return SyntheticArticle(f"syn-{i:06d}", f"{base.rstrip('/')}/berita/{published:%Y/%m/%d}/{i}-{event.split()[0]}",
                            title, "\n\n".join(paras), published)


def article_html(a: SyntheticArticle, site: str = "Kabar Lapas") -> str:
    """A plausible news page around the article: nav, byline, related links and footer noise."""
    body = "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{escape(a.title)} - {site}</title>'
        f'<meta property="article:published_time" content="{a.published:%Y-%m-%dT%H:%M:%S}+08:00">'
        f'<link rel="canonical" href="{escape(a.url)}"><meta property="og:site_name" content="{site}"></head>'
        f'<body><header><nav><a href="/">Beranda</a> <a href="/hukum">Hukum</a> <a href="/daerah">Daerah</a></nav>'
        f"</header><main><article><h1>{escape(a.title)}</h1>"
        f'<div class="date">{a.published:%d/%m/%Y %H:%M} WITA</div><div class="content">{body}</div>'
        f'<div class="baca-juga">Baca juga: <a href="/lain">Harga cabai naik di pasar</a></div></article></main>'
        f"<footer>© 2025 {site}. Hak cipta dilindungi.</footer></body></html>"
    )


# ---------------------------------------------------------------- the NLP stage on Dask

_ANALYZERS: dict[str, object] = {}  # per-process cache: one Analyzer per worker process and model dir


def worker_analyzer(model_dir: str):
    """The Analyzer of this process, loaded on first use (seconds) and reused by every later batch."""
    analyzer = _ANALYZERS.get(model_dir)
    if analyzer is None:
        from nlp.analyze import Analyzer

        analyzer = _ANALYZERS[model_dir] = Analyzer.load(model_dir)
    return analyzer


def analyze_articles(articles: list, model_dir: str = "models", batch_size: int = 32) -> list:
    """Single-process reference: the same Analyzer over the same articles, in order."""
    return list(worker_analyzer(model_dir).pipe(articles, batch_size=batch_size))


def batches(items: list, size: int) -> list[list]:
    size = max(1, size)
    return [items[i:i + size] for i in range(0, len(items), size)]


def dask_task_runner(n_workers: int = 2, threads_per_worker: int = 1, address: str | None = None):
    """A DaskTaskRunner: a local cluster of worker *processes* (the NLP stage is CPU-bound Python,
    so threads would share one GIL), or an existing scheduler at `address` ("tcp://host:8786")."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        from flows.errors import ConfigError

        raise ConfigError("the Dask scale-out needs the optional extra: pip install 'pantau[dask]' "
                          f"(prefect-dask, dask[distributed]): {exc}") from None
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": n_workers, "threads_per_worker": threads_per_worker,
                                          "processes": True, "dashboard_address": ":0"})


@functools.cache
def _flows():
    """Build the Prefect task and flow lazily: importing flows.scale must not import Prefect."""
    from flows.config import prefect_env

    prefect_env()
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    # no timeout_seconds: a task on a Dask worker thread cannot be interrupted (Prefect only warns);
    # a stuck batch is bounded by the flow's timeout instead
    @task(name="analyze-batch", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE,
          persist_result=False, task_run_name="analyze batch {batch_no}")
    def analyze_batch(articles: list, model_dir: str, batch_no: int) -> list:
        return list(worker_analyzer(model_dir).pipe(articles, batch_size=len(articles) or 1))

    @flow(name="analyze-dask", persist_result=False, validate_parameters=False,
          flow_run_name="analyze {n_articles} articles on dask")
    def analyze_dask(articles: list, n_articles: int, model_dir: str = "models", batch_size: int = 32) -> list:
        futures = [analyze_batch.submit(b, model_dir, i) for i, b in enumerate(batches(articles, batch_size))]
        out: list = []
        for fut in futures:  # in submission order: results line up with the input, like the single process
            out.extend(fut.result())
        return out

    @task(name="analyzer-version", retries=1, cache_policy=NO_CACHE, persist_result=False)
    def analyzer_version(model_dir: str) -> str:
        return worker_analyzer(model_dir).analyzer_version

    @flow(name="enrich-dask", persist_result=False, validate_parameters=False, timeout_seconds=6 * 3600,
          flow_run_name="enrich {db_path} on dask")
    def enrich_dask(db_path: str, model_dir: str = "models", batch_size: int = 64, limit: int | None = None) -> dict:
        """flows.enrich on a cluster: the parent selects pending articles and writes; workers analyse."""
        from flows.deploy import NLP_LIMIT, _slot
        from flows.enrich import pending_articles
        from flows.store.analysis_store import write_analyses
        from flows.store.store import Store

        with _slot(NLP_LIMIT), Store.open(db_path) as store:
            version = analyzer_version.submit(model_dir).result()
            arts = pending_articles(store.con, version, limit)
            futures = [analyze_batch.submit(b, model_dir, i) for i, b in enumerate(batches(arts, batch_size))]
            done = 0
            for fut in futures:  # one bulk write per batch, by the one writer
                analyses = fut.result()
                write_analyses(store.con, analyses, version)
                done += len(analyses)
        return {"pending": len(arts), "analyzed": done, "analyzer_version": version}

    return analyze_batch, analyze_dask, enrich_dask


def analyze_on_dask(articles: list, model_dir: str = "models", batch_size: int = 32, n_workers: int = 2,
                    address: str | None = None) -> list:
    """Analyses of `articles` computed on a Dask cluster, in input order."""
    _, analyze_dask, _ = _flows()
    runner = dask_task_runner(n_workers=n_workers, address=address)
    return analyze_dask.with_options(task_runner=runner)(articles, len(articles), str(model_dir), batch_size)


def enrich_on_dask(db_path: str, model_dir: str = "models", batch_size: int = 64, limit: int | None = None,
                   n_workers: int = 2, address: str | None = None) -> dict:
    """Run the enrich step of `db_path` with the NLP on Dask; returns counts like flows.enrich."""
    _, _, enrich_dask = _flows()
    runner = dask_task_runner(n_workers=n_workers, address=address)
    return enrich_dask.with_options(task_runner=runner)(str(db_path), str(model_dir), batch_size, limit)


# ---------------------------------------------------------------- DuckLake: storage past one machine

LAKE_TABLES = ("articles", "stories", "article_analysis", "article_facilities", "article_organizations",
               "article_officials", "article_dates", "article_topics", "partnerships")


def ducklake_extension_path():
    """The ducklake binary shipped by the pip package `duckdb-extension-ducklake` (same version as duckdb)."""
    from flows.store.extensions import pip_extension_path

    return pip_extension_path("ducklake")


def load_ducklake(con) -> None:
    """LOAD ducklake from the pip package's file (never a download); one clear error if impossible."""
    import duckdb

    from flows.errors import ConfigError

    path = ducklake_extension_path()
    if path is not None:
        try:
            con.execute(f"LOAD '{path}'")
            return
        except duckdb.Error as exc:
            raise ConfigError(f"{path}: cannot load the ducklake extension: {str(exc).splitlines()[0]}") from None
    try:  # already installed in DuckDB's extension directory (a machine with internet access)
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("LOAD ducklake")
    except duckdb.Error:
        raise ConfigError(f"DuckLake needs its DuckDB extension: pip install duckdb-extension-ducklake=="
                          f"{duckdb.__version__} (or, with internet, INSTALL ducklake)") from None


def attach_ducklake(con, catalog: str, data_path: str | None = None, name: str = "lake",
                    read_only: bool = False) -> None:
    """ATTACH a DuckLake: `catalog` is a DuckDB file (one machine), `sqlite:...` or `postgres:...`
    (many writers on many machines); `data_path` a folder or object-store URL for the Parquet files."""
    load_ducklake(con)
    options = []
    if data_path:
        options.append(f"DATA_PATH '{data_path}'")
    if read_only:
        options.append("READ_ONLY")
    opts = f" ({', '.join(options)})" if options else ""
    con.execute(f"ATTACH 'ducklake:{catalog}' AS {name}{opts}")


def publish_to_ducklake(db_path: str, catalog: str, data_path: str | None = None,
                        tables: tuple[str, ...] = LAKE_TABLES) -> dict[str, int]:
    """Copy the analyst tables of a pantau database into a DuckLake, as ONE lake snapshot.

    Why a full replace per publish and not row-level sync: the lake is a read replica for other
    machines; one transaction per publish gives readers a consistent version, and DuckLake keeps
    earlier versions for time travel (`FROM lake.articles AT (VERSION => n)`). Reads the pantau
    file read-only, so it can run against the snapshot while a flow writes the live file.
    """
    import duckdb

    con = duckdb.connect()
    try:
        attach_ducklake(con, catalog, data_path)
        con.execute(f"ATTACH '{db_path}' AS src (READ_ONLY)")
        present = {t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'").fetchall()}
        counts = {}
        con.execute("BEGIN TRANSACTION")
        for t in tables:
            if t not in present:
                continue
            con.execute(f"DROP TABLE IF EXISTS lake.{t}")
            con.execute(f"CREATE TABLE lake.{t} AS SELECT * FROM src.{t}")
            (counts[t],) = con.execute(f"SELECT count(*) FROM lake.{t}").fetchone()
        con.execute("COMMIT")
        return counts
    finally:
        con.close()
