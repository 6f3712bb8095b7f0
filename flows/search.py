"""Full-text search over articles with DuckDB's fts extension (BM25 over title + text).

Why this shape:
- **Offline extension.** `INSTALL fts` downloads from extensions.duckdb.org, which is unreachable
  here; the pip package `duckdb-extension-fts` (pinned to duckdb's version) ships the binary at
  `duckdb_extension_fts/extensions/v<duckdb version>/fts.duckdb_extension`. `load_fts` LOADs that
  file by path, so nothing is ever downloaded, and fails with one clear line when it is missing.
- **Indonesian.** The index uses Snowball's Indonesian stemmer (pembebasan -> bebas, narkobanya ->
  narkoba) and an Indonesian stopword table (yang, dan, di, ...), so particles and affixes do not
  dilute BM25.
- **Readers never write.** The index lives in the read-only snapshot (built by
  `flows.snapshot.refresh_snapshot`). Searching a database that has no index (the live DB, an old
  snapshot) builds a throw-away index in memory from a read-only ATTACH instead of writing to it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from flows.errors import InputError, PantauError
from flows.snapshot import quiet
from flows.store.extensions import pip_extension_path

FTS_SCHEMA = "fts_main_articles"
STOPWORDS_TABLE = "fts_stopwords_id"
DEFAULT_STEMMER = "indonesian"

# Common Indonesian function words (conjunctions, prepositions, pronouns, particles, auxiliaries).
INDONESIAN_STOPWORDS = sorted(set("""
ada adalah agar akan aku anda antara apa apabila atas atau bagai bagaimana bagi bahkan bahwa baik banyak
baru beberapa begitu belum berbagai bersama bila bisa boleh bukan dalam dan dapat dari daripada demi
dengan di dia hal hampir hanya harus hingga ia ialah ini itu jadi jika juga kalau kami kamu karena
kata ke kecuali kemudian kepada ketika kita lagi lain lalu maka mampu mana masih masing mau melalui
memang menjadi menurut mereka meski misalnya mungkin namun nya oleh pada padahal para pun saat saja
sambil sampai sangat saya sebagai sebelum sebuah secara sedang sehingga sejak sekitar selain selama
semua sendiri seperti serta setelah setiap sudah supaya tak tanpa tapi telah tentang terhadap
termasuk tersebut tetapi tiap tidak turut untuk walau yaitu yakni yang
""".split()))


@dataclass
class SearchHit:
    """One ranked article; `snippet` is the first passage around a query word (for a terminal line)."""

    article_id: str
    score: float
    title: str | None
    url: str
    outlet: str | None
    published: datetime | None
    relevant: bool | None
    snippet: str

    def to_dict(self) -> dict:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


def fts_extension_path() -> Path | None:
    """The fts binary shipped by the pip package `duckdb-extension-fts`, or None if not installed."""
    return pip_extension_path("fts")


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """LOAD fts from the pip package's file (never a download); one clear error if impossible."""
    path = fts_extension_path()
    errors = []
    if path is not None:
        try:
            con.execute(f"LOAD '{path}'")
            return
        except duckdb.Error as exc:
            errors.append(f"{path}: {str(exc).splitlines()[0]}")
    try:  # an fts already installed in duckdb's extension dir (e.g. a machine with internet)
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("LOAD fts")
        return
    except duckdb.Error as exc:
        errors.append(str(exc).splitlines()[0])
    raise PantauError(
        "full-text search needs DuckDB's fts extension: `pip install duckdb-extension-fts=="
        f"{duckdb.__version__}` ({'; '.join(errors)})"
    )


def has_index(con: duckdb.DuckDBPyConnection, catalog: str | None = None) -> bool:
    q = "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?"
    params: list = [FTS_SCHEMA]
    if catalog:
        q += " AND database_name = ?"
        params.append(catalog)
    return con.execute(q, params).fetchone()[0] > 0


def build_index(con: duckdb.DuckDBPyConnection, stemmer: str = DEFAULT_STEMMER) -> None:
    """(Re)build the BM25 index on `articles(title, text)` in the connection's current database.

    Writes: call it on a writable copy (the snapshot being prepared, or an in-memory table).
    """
    load_fts(con)
    con.execute(f"CREATE OR REPLACE TABLE {STOPWORDS_TABLE} (sw VARCHAR)")
    con.executemany(f"INSERT INTO {STOPWORDS_TABLE} VALUES (?)", [(w,) for w in INDONESIAN_STOPWORDS])
    con.execute(
        "PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', "
        f"stemmer = '{stemmer}', stopwords = '{STOPWORDS_TABLE}', ignore = '(\\.|[^a-z0-9])+', "
        "strip_accents = 1, lower = 1, overwrite = 1)"
    )


def _snippet(text: str | None, terms: list[str], width: int = 160) -> str:
    if not text:
        return ""
    low = text.lower()
    pos = -1
    for t in terms:
        m = re.search(r"\b" + re.escape(t[: max(4, len(t) - 3)]), low)  # prefix: tolerate suffixes
        if m:
            pos = m.start()
            break
    start = max(0, pos - width // 3) if pos >= 0 else 0
    piece = " ".join(text[start : start + width].split())
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")


def search(
    db: str | Path,
    query: str,
    limit: int = 20,
    relevant_only: bool = False,
    all_terms: bool = False,
) -> list[SearchHit]:
    """Rank articles of the database at `db` (opened read-only) by BM25 for `query`."""
    query = (query or "").strip()
    if not query:
        raise InputError("search: empty query")
    if limit < 1:
        raise InputError(f"search: --limit must be >= 1 (got {limit})")
    db = Path(db)
    if not db.exists():
        raise InputError(f"{db}: database not found")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "lock" in msg.lower():
            raise PantauError(f"{db}: database is in use by a writer; search the snapshot instead "
                              "(`pantau snapshot`, then `pantau search --db <snapshot>`)") from None
        raise InputError(f"{db}: cannot open database: {msg}") from None
    try:
        quiet(con)
        load_fts(con)
        if not has_index(con):
            # no index in this file: build a throw-away one in memory, never write to `db`
            con.close()
            con = duckdb.connect()
            quiet(con)
            load_fts(con)
            con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
            con.execute("CREATE TABLE articles AS SELECT article_id, url, title, text, outlet, published, "
                        "relevant FROM src.articles")
            con.execute("CREATE TABLE article_analysis AS SELECT article_id, relevant FROM src.article_analysis")
            build_index(con)
        rel = ("AND COALESCE(aa.relevant, a.relevant) IS TRUE" if relevant_only else "")
        rows = con.execute(
            f"""
            SELECT * FROM (
                SELECT a.article_id, {FTS_SCHEMA}.match_bm25(a.article_id, ?, conjunctive := ?) AS score,
                       a.title, a.url, a.outlet, a.published, COALESCE(aa.relevant, a.relevant) AS relevant, a.text
                FROM articles a LEFT JOIN article_analysis aa USING (article_id)
                WHERE true {rel}
            ) WHERE score IS NOT NULL
            ORDER BY score DESC, published DESC NULLS LAST, article_id
            LIMIT ?
            """,
            [query, 1 if all_terms else 0, int(limit)],
        ).fetchall()
    finally:
        con.close()
    terms = [t for t in re.findall(r"\w+", query.lower()) if t not in INDONESIAN_STOPWORDS]
    return [
        SearchHit(article_id=r[0], score=round(float(r[1]), 4), title=r[2], url=r[3], outlet=r[4], published=r[5],
                  relevant=r[6], snippet=_snippet(r[7], terms))
        for r in rows
    ]
