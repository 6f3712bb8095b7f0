"""Generate a synthetic pantau database (articles + NLP rows) for benchmarks, notebooks and tests.

Why SQL inside DuckDB: a million articles with their analysis, topics, facilities, officials and
partnerships are produced by a handful of vectorised INSERT ... SELECT FROM range(n) statements
(hash-based pseudo-randomness, so the same seed gives the same database), in tens of seconds
instead of the hours a Python loop would take. The text is synthetic Indonesian in the style of
press releases, never copied from real articles. Facilities are invented per kota/kabupaten of
the region registry (a few hundred, as nationwide), officials and partners are invented names.

    PYTHONPATH=. .venv/bin/python benchmarks/gen_synthetic_db.py var/synth_1m.duckdb --articles 1000000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from flows.store.store import Store  # noqa: E402

REGIONS_CSV = ROOT / "nlp" / "registry" / "regions.csv"

TOPICS = [
    "anti_narcotics", "illegal_phones", "extortion_integrity", "election_neutrality", "official_visit",
    "cooperation_agreement", "security_incident", "rehabilitation_programs", "remission_release",
    "overcrowding", "inmate_services",
]
# Short synthetic headline stems per topic (same order as TOPICS).
HEADLINES = [
    "Tes urine petugas dan warga binaan bersama BNNK di",
    "Razia kamar hunian temukan handphone di",
    "Pencanangan zona integritas menuju WBK di",
    "Deklarasi netralitas petugas jelang Pilkada di",
    "Kunjungan kerja Kakanwil ke",
    "Penandatanganan perjanjian kerja sama pembinaan di",
    "Narapidana kabur, petugas lakukan pengejaran di",
    "Pelatihan menjahit bagi warga binaan di",
    "Remisi HUT RI diberikan kepada warga binaan",
    "Kelebihan kapasitas hunian kembali terjadi di",
    "Layanan video call bagi keluarga dibuka di",
]
OUTLETS = 40
PARTNER_KINDS = ["visit", "meeting", "agreement", "joint_operation", "program", "attendance"]
FIRST_NAMES = ["Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irwan", "Joko", "Kadek", "Lukman", "Made",
               "Nyoman", "Rudi", "Slamet", "Teguh", "Wahyu", "Yusuf", "Zainal", "Ratna", "Sri"]
LAST_NAMES = ["Santoso", "Wibowo", "Saputra", "Hidayat", "Nugroho", "Siregar", "Simanjuntak", "Pratama",
              "Kurniawan", "Setiawan", "Gunawan", "Harahap", "Lubis", "Suryadi", "Wijaya", "Hakim"]


def _sql_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + s.replace("'", "''") + "'" for s in items) + "]"


def generate(path: str | Path, n_articles: int = 1_000_000, seed: int = 7, start: str = "2023-01-02",
             days: int = 1100, verbose: bool = True) -> dict[str, int]:
    """Create (or replace) `path` with `n_articles` synthetic articles; returns row counts per table."""
    path = Path(path)
    for p in (path, Path(str(path) + ".wal")):
        if p.exists():
            p.unlink()
    t0 = time.perf_counter()

    def step(name: str) -> None:
        if verbose:
            print(f"  {name:<22} {time.perf_counter() - t0:7.1f} s", file=sys.stderr)

    store = Store.open(path)
    con = store.con
    s = int(seed)
    # facilities: one invented UPT per kota/kabupaten of the region registry
    con.execute(f"""
        CREATE TEMP TABLE fac AS
        WITH r AS (
            SELECT region AS city, province, row_number() OVER (ORDER BY province, region) - 1 AS idx
            FROM read_csv('{REGIONS_CSV}', header = true, all_varchar = true)
            WHERE kind IN ('kota', 'kabupaten')
        )
        SELECT idx, city, province,
               CASE WHEN hash(idx, {s}) % 100 < 55 THEN 'lapas' WHEN hash(idx, {s}) % 100 < 85 THEN 'rutan'
                    WHEN hash(idx, {s}) % 100 < 95 THEN 'bapas' WHEN hash(idx, {s}) % 100 < 98 THEN 'lpka'
                    ELSE 'rupbasan' END AS kind,
               ['I', 'IIA', 'IIB', 'III'][CAST(1 + hash(idx, {s}, 1) % 4 AS BIGINT)] AS class
        FROM r
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE fac AS
        SELECT *, kind || '-' || regexp_replace(lower(city), '[^a-z0-9]+', '-', 'g') || '-' || idx AS facility_id,
               CASE kind WHEN 'lapas' THEN 'Lapas' WHEN 'rutan' THEN 'Rutan' WHEN 'bapas' THEN 'Bapas'
                         WHEN 'lpka' THEN 'LPKA' ELSE 'Rupbasan' END || ' Kelas ' || class || ' ' || city AS name
        FROM fac
    """)
    (n_fac,) = con.execute("SELECT count(*) FROM fac").fetchone()
    step(f"facilities ({n_fac})")
    topics, heads = _sql_list(TOPICS), _sql_list(HEADLINES)
    # articles: the skeleton every other table hangs from
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT i,
               md5(i::VARCHAR || '-{s}')[1:16] AS article_id,
               CAST(1 + hash(i, {s}, 2) % {len(TOPICS)} AS BIGINT) AS t1,
               CAST(1 + hash(i, {s}, 3) % {len(TOPICS)} AS BIGINT) AS t2,
               (hash(i, {s}, 4) % 100) < 30 AS two_topics,
               -- facilities skewed: a few facilities get much of the coverage
               CAST(floor({n_fac} * pow((hash(i, {s}, 5) % 1000000) / 1000000.0, 2.2)) AS INTEGER) AS f1,
               CAST(hash(i, {s}, 6) % {n_fac} AS INTEGER) AS f2,
               CAST(hash(i, {s}, 7) % 100 AS INTEGER) AS r_fac,
               CAST(floor({OUTLETS} * pow((hash(i, {s}, 8) % 1000000) / 1000000.0, 1.8)) AS INTEGER) AS outlet_idx,
               TIMESTAMP '{start}' + to_seconds(CAST(i AS DOUBLE) * {days} * 86400 / {n_articles})
                   + to_seconds(hash(i, {s}, 9) % 86400) AS published,
               (hash(i, {s}, 10) % 100) < 85 AS relevant,
               CAST(hash(i, {s}, 11) % 100 AS INTEGER) AS r_date,
               CAST(hash(i, {s}, 12) % 100 AS INTEGER) AS r_off,
               CAST(hash(i, {s}, 13) % 100 AS INTEGER) AS r_part,
               i // CAST(1 + hash(i // 4, {s}) % 4 AS BIGINT) AS story_n
        FROM range({n_articles}) t(i)
    """)
    step("skeleton")
    con.execute(f"""
        INSERT INTO articles (article_id, url, canonical_url, source, outlet, story_id, published, title, text,
                              author, sitename, language, content_hash, minhash, relevance, relevant, n_words,
                              first_seen, updated_at, run_id)
        SELECT g.article_id,
               'https://berita' || g.outlet_idx || '.example.id/daerah/' || g.i || '?utm_source=rss',
               'https://berita' || g.outlet_idx || '.example.id/daerah/' || g.i,
               'synthetic-' || g.outlet_idx, 'berita' || g.outlet_idx || '.example.id',
               'st' || md5(g.story_n::VARCHAR)[1:12], g.published,
               {heads}[g.t1] || ' ' || f.name,
               {heads}[g.t1] || ' ' || f.name || ', ' || ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat'][1 + g.i % 5]
                 || '. Kegiatan ini dilaksanakan oleh petugas ' || f.name || ' di Provinsi ' || f.province
                 || ' sebagai bagian dari program pembinaan dan pengamanan. Kepala ' || f.name
                 || ' menyampaikan bahwa sinergi dengan aparat penegak hukum terus diperkuat demi '
                 || 'mewujudkan lingkungan yang aman dan bersih dari narkoba. Nomor ' || g.i || '.',
               NULL, 'Berita ' || g.outlet_idx, 'id', md5(g.article_id), NULL,
               CASE WHEN g.relevant THEN 0.9 ELSE 0.1 END, g.relevant, 60,
               g.published + INTERVAL 2 HOUR, g.published + INTERVAL 2 HOUR, 'synthetic'
        FROM gen g JOIN fac f ON f.idx = g.f1
    """)
    step("articles")
    con.execute(f"""
        INSERT INTO article_analysis
        SELECT article_id, relevant, CASE WHEN relevant THEN 0.9 ELSE 0.1 END,
               CASE WHEN r_date < 70 THEN CAST(published AS DATE) - CAST(r_date % 3 AS INTEGER) END,
               'synthetic-{s}', published + INTERVAL 3 HOUR
        FROM gen
    """)
    con.execute(f"""
        INSERT INTO article_topics
        SELECT article_id, {topics}[t1], 0.8, true FROM gen
        UNION ALL
        SELECT article_id, {topics}[t2], 0.6, true FROM gen WHERE two_topics AND t2 <> t1
        UNION ALL
        SELECT article_id, {topics}[1 + (t1 % {len(TOPICS)})], 0.2, false FROM gen
        WHERE NOT (two_topics AND t2 = 1 + (t1 % {len(TOPICS)}))
    """)
    step("analysis + topics")
    con.execute("""
        INSERT INTO article_facilities
        SELECT g.article_id, f.facility_id, f.name, f.kind, f.class, f.city, f.province, true
        FROM gen g JOIN fac f ON f.idx = g.f1 WHERE g.r_fac < 90
        UNION ALL
        SELECT g.article_id, f.facility_id, f.name, f.kind, f.class, f.city, f.province, true
        FROM gen g JOIN fac f ON f.idx = g.f2 WHERE g.r_fac < 10 AND g.f2 <> g.f1
    """)
    con.execute("""
        INSERT INTO mentions
        SELECT g.article_id, 'FACILITY', f.name, 0, length(f.name), f.facility_id, NULL
        FROM gen g JOIN fac f ON f.idx = g.f1 WHERE g.r_fac < 90
    """)
    step("facilities + mentions")
    firsts, lasts = _sql_list(FIRST_NAMES), _sql_list(LAST_NAMES)
    # heads rotate every ~9 months per facility: roster views see first/last seen per head
    con.execute(f"""
        INSERT INTO article_officials
        SELECT g.article_id,
               {firsts}[CAST(1 + hash(g.f1, (date_diff('day', TIMESTAMP '{start}', g.published) // 270), {s}) % {len(FIRST_NAMES)} AS BIGINT)]
                 || ' ' ||
               {lasts}[CAST(1 + hash(g.f1, (date_diff('day', TIMESTAMP '{start}', g.published) // 270), {s}, 1) % {len(LAST_NAMES)} AS BIGINT)],
               CASE f.kind WHEN 'lapas' THEN 'Kalapas' WHEN 'rutan' THEN 'Karutan' WHEN 'bapas' THEN 'Kabapas'
                           WHEN 'lpka' THEN 'Kepala LPKA' ELSE 'Kepala Rupbasan' END || ' ' || f.city,
               f.name, f.facility_id, NULL, [], ['S.H.']
        FROM gen g JOIN fac f ON f.idx = g.f1 WHERE g.r_fac < 90 AND g.r_off < 35
    """)
    step("officials")
    kinds = _sql_list(PARTNER_KINDS)
    con.execute(f"""
        INSERT INTO partnerships
        SELECT g.article_id, f.name, f.facility_id,
               p.prefix || ' ' || pf.city, lower(p.prefix) || ':' || pf.facility_id,
               {kinds}[CAST(1 + hash(g.i, {s}, 20) % {len(PARTNER_KINDS)} AS BIGINT)],
               CAST(g.published AS DATE), 'partner->unit', NULL
        FROM gen g
        JOIN fac f ON f.idx = g.f1
        JOIN fac pf ON pf.idx = CASE WHEN g.r_part < 20 THEN g.f1 ELSE g.f2 END
        JOIN (SELECT unnest(['BNNK', 'Polres', 'Kejari', 'Kodim', 'Pemkab', 'Pengadilan Negeri', 'Bawaslu',
                             'KPU']) AS prefix, generate_subscripts(['', '', '', '', '', '', '', ''], 1) AS k) p
          ON p.k = 1 + hash(g.i, {s}, 21) % 8
        WHERE g.r_fac < 90 AND g.r_part < 30
    """)
    step("partnerships")
    con.execute("""
        INSERT INTO stories
        SELECT story_id, arg_min(title, published), min(published), max(published), count(*),
               count(DISTINCT outlet), now()
        FROM articles GROUP BY story_id
    """)
    step("stories")
    con.execute("DROP TABLE gen")
    con.execute("DROP TABLE fac")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "article_analysis", "article_topics", "article_facilities",
                        "article_officials", "partnerships", "stories", "mentions")}
    store.close()
    step("checkpoint")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", help="database file to create (replaced if it exists)")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(args.db, args.articles, args.seed)
    dt = time.perf_counter() - t0
    size = Path(args.db).stat().st_size / 2**20
    print(f"{args.db}: {counts} in {dt:.1f} s, {size:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
