"""Export articles and the NLP tables to Parquet, partitioned by month (hive style `month=YYYY-MM/`).

Why: Parquet is what analysts' other tools (pandas, polars, R arrow, Spark, another DuckDB) read
without a lock on the live database, and month partitions let them read one month without scanning
the rest. Every table is partitioned by its ARTICLE's month, the same date the views use
(COALESCE(event_date, published), then first_seen for undated articles), so one month's
partitions of all tables join with each other.

The export is written to a temporary folder beside `out_dir` and swapped in with renames, so a
reader of the previous export never sees a half-written tree; a `manifest.json` lists row counts.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from flows.errors import InputError, PantauError
from flows.snapshot import quiet
from flows.store.store import utcnow

# (table, columns to export or None = all). minhash is an internal dedup signature: left out.
TABLES: list[tuple[str, str | None]] = [
    ("articles", "* EXCLUDE (minhash)"),
    ("article_analysis", None),
    ("article_topics", None),
    ("article_facilities", None),
    ("article_organizations", None),
    ("article_officials", None),
    ("article_dates", None),
    ("mentions", None),
    ("partnerships", None),
]
MANIFEST = "manifest.json"


@dataclass
class ExportResult:
    out_dir: Path
    rows: dict[str, int] = field(default_factory=dict)
    months: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["out_dir"] = str(self.out_dir)
        return d


def _connect(db: str | Path | duckdb.DuckDBPyConnection) -> tuple[duckdb.DuckDBPyConnection, bool]:
    if isinstance(db, duckdb.DuckDBPyConnection):
        return db, False
    path = Path(db)
    if not path.exists():
        raise InputError(f"{path}: database not found")
    try:
        return duckdb.connect(str(path), read_only=True), True
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "lock" in msg.lower():
            raise PantauError(f"{path}: in use by a writer; export the snapshot instead (`pantau snapshot`)") from None
        raise InputError(f"{path}: cannot open database: {msg}") from None


def export_parquet(db: str | Path | duckdb.DuckDBPyConnection, out_dir: str | Path) -> ExportResult:
    """Write `out_dir/<table>/month=YYYY-MM/*.parquet` for articles + NLP tables; returns row counts."""
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MANIFEST).exists():
        raise InputError(f"{out_dir}: exists and is not a pantau export (no {MANIFEST}); refusing to replace it")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    con, own = _connect(db)
    result = ExportResult(out_dir=out_dir)
    try:
        quiet(con)
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _export_month AS
            SELECT a.article_id,
                   strftime(COALESCE(CAST(aa.event_date AS TIMESTAMP), a.published, a.first_seen), '%Y-%m') AS month
            FROM articles a LEFT JOIN article_analysis aa USING (article_id)
        """)
        existing = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database()"
        ).fetchall()}
        for table, cols in TABLES:
            if table not in existing:
                continue
            select = f"t.{cols}" if cols and cols.startswith("*") else "t.*"
            sql = (f"SELECT {select}, m.month FROM {table} t JOIN _export_month m ON m.article_id = t.article_id")
            (n,) = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
            result.rows[table] = int(n)
            dest = tmp / table
            dest.mkdir()
            if n:
                con.execute(f"COPY ({sql}) TO '{dest}' (FORMAT parquet, PARTITION_BY (month), "
                            "OVERWRITE_OR_IGNORE true, COMPRESSION zstd)")
        result.months = [r[0] for r in con.execute(
            "SELECT DISTINCT month FROM _export_month WHERE month IS NOT NULL ORDER BY 1").fetchall()]
        con.execute("DROP TABLE IF EXISTS _export_month")
    except duckdb.Error as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PantauError(f"export to {out_dir} failed: {str(exc).splitlines()[0]}") from None
    finally:
        if own:
            con.close()
    result.seconds = round(time.perf_counter() - t0, 3)
    manifest = {"exported_at": utcnow().isoformat(), "partitioning": "hive: month=YYYY-MM (article date)",
                "rows": result.rows, "months": result.months}
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp, out_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
    return result
