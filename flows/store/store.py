"""The DuckDB store: migrations, views, bulk idempotent upserts, run records, read-only readers.

Why this shape:
- **One writer, many readers.** DuckDB lets one process open a file read-write, or any number of
  processes open it read-only. Flows open `Store.open(path)`; `pantau sql`, notebooks and reports
  open `Store.open(path, read_only=True)`, which never migrates and never writes.
- **Versioned migrations.** `schema/NNN_name.sql` files are applied in order, each inside one
  transaction together with its `schema_migrations` row, so a crash mid-migration leaves the
  previous version. Applied files are never edited; a change is a new file.
- **Views are code, not data**: every `views/*.sql` is (re)created after migrations on each
  read-write open, so fixing a view needs no migration.
- **Batches are transactions.** `write_batch` puts articles, their fetch_log rows, their HTTP
  validators and the touched stories in one transaction: a SIGKILL mid-run loses at most the
  batch in flight, and the next run refetches exactly that (its validators were not saved).
- **Idempotent keys.** Articles are keyed by canonical URL (`article_id` = sha1 of it); an upsert
  of an unchanged article (same content hash) writes nothing; the same text under another
  canonical URL is refused (the flow logs it as `duplicate`).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from flows.errors import InputError, PantauError

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
VIEWS_DIR = Path(__file__).resolve().parent / "views"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")


def utcnow() -> datetime:
    """Naive UTC: DuckDB TIMESTAMP columns hold UTC without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def article_id_for(canonical_url: str) -> str:
    """Stable article key: sha1 of the canonical URL, 16 hex chars."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


@dataclass
class ArticleRow:
    """One `articles` row as the flow produces it (first_seen/updated_at are set by the store)."""

    article_id: str
    url: str
    canonical_url: str
    source: str | None
    outlet: str | None
    story_id: str | None
    published: datetime | None
    title: str | None
    text: str
    author: str | None
    sitename: str | None
    language: str | None
    content_hash: str
    minhash: bytes | None
    relevance: float | None
    relevant: bool | None
    n_words: int
    run_id: str | None = None


@dataclass
class FetchLogRow:
    """One `fetch_log` row: the final classification of one URL in one run."""

    url: str
    source: str | None
    status: str
    http_status: int | None = None
    reason: str | None = None
    attempts: int | None = None
    bytes: int | None = None
    elapsed_ms: float | None = None
    fetched_at: datetime = field(default_factory=utcnow)
    run_id: str | None = None

    @classmethod
    def from_outcome(cls, outcome: Any, run_id: str | None = None, status: str | None = None,
                     reason: str | None = None) -> FetchLogRow:
        """From a flows.fetch.FetchOutcome, optionally re-classified (nothing_extracted, duplicate)."""
        return cls(
            url=outcome.url,
            source=outcome.source,
            status=status or outcome.status,
            http_status=outcome.http_status,
            reason=reason if reason is not None else (outcome.reason or None),
            attempts=outcome.attempts,
            bytes=outcome.bytes,
            elapsed_ms=outcome.elapsed_ms,
            fetched_at=_naive_utc(outcome.fetched_at) or utcnow(),
            run_id=run_id,
        )


@dataclass
class CacheRow:
    """Validators for the next conditional GET of `url`, and a hash of the body we saw."""

    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    fetched_at: datetime = field(default_factory=utcnow)


@dataclass
class BatchResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    stories_touched: int = 0


_ARTICLE_COLS = [f.name for f in fields(ArticleRow)]
_FETCH_COLS = ["url", "source", "run_id", "status", "http_status", "reason", "attempts", "bytes", "elapsed_ms",
               "fetched_at"]
_UPDATABLE = ["url", "source", "outlet", "story_id", "published", "title", "text", "author", "sitename", "language",
              "content_hash", "minhash", "relevance", "relevant", "n_words", "updated_at", "run_id"]


class Store:
    """A DuckDB file with pantau's schema. Use as a context manager; `con` is the raw connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        """Open (and for writers create + migrate) the database; errors are one clear line."""
        path = Path(path)
        if read_only and not path.exists():
            raise InputError(f"{path}: database not found (run `pantau run --db {path}` first)")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise PantauError(f"{path}: database is in use by another process (a run still writing?)") from None
            raise InputError(f"{path}: cannot open database: {msg.splitlines()[0]}") from None
        except duckdb.Error as exc:
            raise InputError(f"{path}: not a usable DuckDB database: {str(exc).splitlines()[0]}") from None
        store = cls(con, path, read_only)
        if not read_only:
            try:
                store.migrate()
                store.apply_views()
            except Exception:
                con.close()
                raise
        return store

    def close(self) -> None:
        if not self.read_only:
            try:
                self.con.execute("CHECKPOINT")  # fold the WAL in, so readers open a self-contained file
            except duckdb.Error:
                pass
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # ---------------------------------------------------------------- schema

    @staticmethod
    def migration_files(schema_dir: Path = SCHEMA_DIR) -> list[tuple[int, Path]]:
        found = []
        for p in sorted(schema_dir.glob("*.sql")):
            m = _MIGRATION_NAME.match(p.name)
            if not m:
                raise PantauError(f"{p}: migration files must be named NNN_name.sql")
            found.append((int(m.group(1)), p))
        versions = [v for v, _ in found]
        if len(versions) != len(set(versions)):
            raise PantauError(f"{schema_dir}: two migration files share a version number")
        return found

    def migrate(self, schema_dir: Path = SCHEMA_DIR) -> list[str]:
        """Apply pending migrations in version order; returns the names applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " checksum VARCHAR, applied_at TIMESTAMP NOT NULL)"
        )
        done = {v for (v,) in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, path in self.migration_files(schema_dir):
            if version in done:
                continue
            sql = path.read_text(encoding="utf-8")
            try:
                with self.transaction() as con:
                    con.execute(sql)
                    con.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                        [version, path.name, hashlib.sha1(sql.encode()).hexdigest(), utcnow()],
                    )
            except duckdb.Error as exc:
                raise PantauError(f"{path}: migration failed: {str(exc).splitlines()[0]}") from None
            applied.append(path.name)
        return applied

    def apply_views(self, views_dir: Path = VIEWS_DIR) -> list[str]:
        """(Re)create every view file in name order; a broken view names its file."""
        names = []
        for path in sorted(views_dir.glob("*.sql")):
            try:
                self.con.execute(path.read_text(encoding="utf-8"))
            except duckdb.Error as exc:
                raise PantauError(f"{path}: view failed: {str(exc).splitlines()[0]}") from None
            names.append(path.name)
        return names

    def schema_version(self) -> int:
        try:
            (v,) = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(v)

    # ---------------------------------------------------------------- runs and sources

    def start_run(self, flow: str, sources_file: str | None = None, code_version: str | None = None,
                  model_versions: dict | None = None, run_id: str | None = None) -> str:
        """Record a run as `running`; earlier runs still `running` were killed, mark them `interrupted`.

        Safe because DuckDB admits one writing process: no other run can be live right now.
        """
        run_id = run_id or uuid.uuid4().hex
        now = utcnow()
        with self.transaction() as con:
            con.execute(
                "UPDATE runs SET status = 'interrupted', ended_at = coalesce(ended_at, ?) WHERE status = 'running'",
                [now],
            )
            con.execute(
                "INSERT INTO runs (run_id, flow, started_at, status, sources_file, code_version, model_versions)"
                " VALUES (?, ?, ?, 'running', ?, ?, ?)",
                [run_id, flow, now, sources_file, code_version, json.dumps(model_versions or {})],
            )
        return run_id

    def update_run_counts(self, run_id: str, counts: dict) -> None:
        self.con.execute("UPDATE runs SET counts = ? WHERE run_id = ?", [json.dumps(counts), run_id])

    def finish_run(self, run_id: str, status: str = "completed", counts: dict | None = None) -> None:
        self.con.execute(
            "UPDATE runs SET status = ?, ended_at = ?, counts = coalesce(?, counts) WHERE run_id = ?",
            [status, utcnow(), json.dumps(counts) if counts is not None else None, run_id],
        )

    def upsert_sources(self, sources: Iterable[Any]) -> int:
        """Record the sources of this run (flows.sources.Source or anything with name/kind/url/to_config)."""
        rows = [
            (s.name, s.kind, s.url, json.dumps(s.to_config() if hasattr(s, "to_config") else {}), utcnow())
            for s in sources
        ]
        if not rows:
            return 0
        with self.transaction() as con:
            con.executemany(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
                " url = excluded.url, config = excluded.config, updated_at = excluded.updated_at",
                rows,
            )
        return len(rows)

    # ---------------------------------------------------------------- lookups for the flow

    def validators(self, urls: Sequence[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
        """url -> (etag, last_modified, body_hash) for URLs fetched before."""
        if not urls:
            return {}
        rows = self.con.execute(
            "SELECT url, etag, last_modified, body_hash FROM http_cache WHERE url IN (SELECT unnest(?))",
            [list(urls)],
        ).fetchall()
        return {u: (e, lm, bh) for u, e, lm, bh in rows}

    def content_hash_owners(self, hashes: Sequence[str]) -> dict[str, str]:
        """content_hash -> canonical_url of the stored article that has that text."""
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, min(canonical_url) FROM articles WHERE content_hash IN (SELECT unnest(?))"
            " GROUP BY content_hash",
            [list(set(hashes))],
        ).fetchall()
        return dict(rows)

    def content_hash_holders(self, hashes: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """content_hash -> [(canonical_url, outlet), ...] of stored articles with that text."""
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, canonical_url, outlet FROM articles WHERE content_hash IN (SELECT unnest(?))"
            " ORDER BY canonical_url",
            [list(set(hashes))],
        ).fetchall()
        out: dict[str, list[tuple[str, str | None]]] = {}
        for h, c, o in rows:
            out.setdefault(h, []).append((c, o))
        return out

    def existing_articles(self, canonical_urls: Sequence[str]) -> dict[str, tuple[str, str | None, str]]:
        """canonical_url -> (content_hash, story_id, url it was first stored under) for stored articles."""
        if not canonical_urls:
            return {}
        rows = self.con.execute(
            "SELECT canonical_url, content_hash, story_id, url FROM articles"
            " WHERE canonical_url IN (SELECT unnest(?))",
            [list(set(canonical_urls))],
        ).fetchall()
        return {c: (h, s, u) for c, h, s, u in rows}

    def story_signatures(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(article_id, story_id, minhash) of every stored article, oldest first (for dedup.StoryIndex)."""
        cur = self.con.execute(
            "SELECT article_id, story_id, minhash FROM articles WHERE minhash IS NOT NULL"
            " ORDER BY coalesce(published, first_seen), article_id"
        )
        while True:
            chunk = cur.fetchmany(2000)
            if not chunk:
                return
            yield from chunk

    # ---------------------------------------------------------------- writes

    def log_fetches(self, outcomes: Iterable[Any], run_id: str | None = None) -> int:
        """Append fetch_log rows (FetchLogRow or FetchOutcome) in one transaction."""
        rows = [o if isinstance(o, FetchLogRow) else FetchLogRow.from_outcome(o, run_id) for o in outcomes]
        if not rows:
            return 0
        with self.transaction():
            self._insert_fetch_rows(rows, run_id)
        return len(rows)

    def _insert_fetch_rows(self, rows: list[FetchLogRow], run_id: str | None) -> None:
        if not rows:
            return
        import pandas as pd  # lazily: readers (`pantau sql`, `status`) should not pay for pandas
        frame = pd.DataFrame(
            [{**asdict(r), "run_id": r.run_id or run_id, "fetched_at": _naive_utc(r.fetched_at)} for r in rows],
            columns=_FETCH_COLS,
        )
        frame["http_status"] = frame["http_status"].astype("Int32")
        frame["attempts"] = frame["attempts"].astype("Int32")
        frame["bytes"] = frame["bytes"].astype("Int64")
        frame["elapsed_ms"] = frame["elapsed_ms"].astype("Float64")
        self.con.register("_fetch_batch", frame)
        try:
            self.con.execute(f"INSERT INTO fetch_log ({', '.join(_FETCH_COLS)}) SELECT {', '.join(_FETCH_COLS)}"
                             " FROM _fetch_batch")
        finally:
            self.con.unregister("_fetch_batch")

    def _upsert_cache(self, rows: list[CacheRow]) -> None:
        if not rows:
            return
        import pandas as pd

        latest = {r.url: r for r in rows}  # one row per URL per statement (DuckDB refuses two)
        frame = pd.DataFrame(
            [(r.url, r.etag, r.last_modified, r.body_hash, _naive_utc(r.fetched_at)) for r in latest.values()],
            columns=["url", "etag", "last_modified", "body_hash", "fetched_at"],
        ).astype({"etag": "object", "last_modified": "object", "body_hash": "object"})
        self.con.register("_cache_batch", frame)  # one bulk statement; executemany runs one per row
        try:
            self.con.execute(
                "INSERT INTO http_cache SELECT url, etag, last_modified, body_hash, fetched_at FROM _cache_batch"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
                " body_hash = excluded.body_hash, fetched_at = excluded.fetched_at"
            )
        finally:
            self.con.unregister("_cache_batch")

    def _upsert_articles(self, rows: list[ArticleRow], run_id: str | None) -> BatchResult:
        result = BatchResult()
        latest: dict[str, ArticleRow] = {}
        for r in rows:
            latest[r.canonical_url] = r
        existing = self.existing_articles(list(latest))
        changed = []
        for canon, r in latest.items():
            old = existing.get(canon)
            if old is None:
                result.new += 1
                changed.append(r)
            elif old[0] != r.content_hash:
                result.updated += 1
                changed.append(r)
            else:
                result.unchanged += 1
        if not changed:
            return result
        import pandas as pd

        now = utcnow()
        frame = pd.DataFrame(
            [{**asdict(r), "run_id": r.run_id or run_id, "published": _naive_utc(r.published)} for r in changed],
            columns=_ARTICLE_COLS,
        )
        frame["first_seen"] = now
        frame["updated_at"] = now
        frame["published"] = pd.to_datetime(frame["published"])
        frame["relevance"] = frame["relevance"].astype("Float64")
        frame["relevant"] = frame["relevant"].astype("boolean")
        frame["n_words"] = frame["n_words"].astype("Int32")
        cols = [*_ARTICLE_COLS, "first_seen", "updated_at"]
        self.con.register("_article_batch", frame)
        try:
            self.con.execute(
                f"INSERT INTO articles ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _article_batch"
                " ON CONFLICT (canonical_url) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in _UPDATABLE if c != "url")
            )
        finally:
            self.con.unregister("_article_batch")
        return result

    def refresh_stories(self, story_ids: Iterable[str]) -> int:
        """Recompute stories rows (counts, outlets, first/last published, title) from their articles."""
        ids = sorted({s for s in story_ids if s})
        if not ids:
            return 0
        self.con.execute(
            """
            INSERT INTO stories (story_id, title, first_published, last_published, n_articles, n_outlets, updated_at)
            SELECT story_id,
                   arg_min(title, coalesce(published, first_seen)),
                   min(published), max(published), count(*), count(DISTINCT outlet), ?
            FROM articles WHERE story_id IN (SELECT unnest(?)) GROUP BY story_id
            ON CONFLICT (story_id) DO UPDATE SET title = excluded.title,
                first_published = excluded.first_published, last_published = excluded.last_published,
                n_articles = excluded.n_articles, n_outlets = excluded.n_outlets, updated_at = excluded.updated_at
            """,
            [utcnow(), ids],
        )
        # a story whose last article moved away is empty now: drop it
        self.con.execute(
            "DELETE FROM stories WHERE story_id IN (SELECT unnest(?))"
            " AND story_id NOT IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL)",
            [ids],
        )
        return len(ids)

    def write_batch(
        self,
        run_id: str | None,
        articles: list[ArticleRow] = (),  # type: ignore[assignment]
        fetches: list[FetchLogRow] = (),  # type: ignore[assignment]
        cache: list[CacheRow] = (),  # type: ignore[assignment]
    ) -> BatchResult:
        """Articles + their fetch_log rows + validators + touched stories, in ONE transaction."""
        with self.transaction():
            result = self._upsert_articles(list(articles), run_id)
            self._insert_fetch_rows(list(fetches), run_id)
            self._upsert_cache(list(cache))
            result.stories_touched = self.refresh_stories(a.story_id for a in articles)
        return result

    # ---------------------------------------------------------------- readers

    def query(self, sql: str, params: Sequence[Any] | None = None):
        """Result as a pandas DataFrame."""
        return self.con.execute(sql, params or []).df()

    def counts(self) -> dict[str, int]:
        """Row counts of the core tables (for `pantau status`, tests and the run summary)."""
        out = {}
        for table in ("sources", "runs", "fetch_log", "http_cache", "articles", "stories"):
            try:
                (n,) = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            except duckdb.CatalogException:
                n = 0
            out[table] = int(n)
        return out
