"""Readers never block the writer: a read-only snapshot of the database, refreshed by the writer.

Why: DuckDB admits ONE process that opens a file read-write, and a process that opens it read-only
also takes a (shared) lock, so a notebook left open on `var/pantau.duckdb` would make the next
scheduled flow fail with "database is locked". Readers therefore never open the live file. After
each flow run the writer (which already holds the lock) CHECKPOINTs, copies the now self-contained
file to a temporary name beside the snapshot, adds the full-text index and a `snapshot_info` row
to the copy, and atomically renames it over `var/pantau.snapshot.duckdb`. A reader that has the
old snapshot open keeps reading the old inode undisturbed (POSIX rename); the next open sees the
new one. Readers open the snapshot with `read_only=True`, so any number of them can coexist, and
none of them holds a lock on the live file. See docs/readers.md.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from flows.errors import InputError, PantauError
from flows.store.store import Store, utcnow

SNAPSHOT_ENV = "PANTAU_SNAPSHOT"


@dataclass
class SnapshotInfo:
    path: Path
    source: Path
    taken_at: datetime
    n_articles: int
    seconds: float
    search_index: bool


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """No progress bar on stderr (CLI tables, logs). Jupyter without ipywidgets refuses the setting: ignore."""
    try:
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error:
        pass
    return con


def snapshot_path(db_path: str | Path) -> Path:
    """Where the snapshot of `db_path` lives: $PANTAU_SNAPSHOT, else `<stem>.snapshot.duckdb` beside it."""
    env = os.environ.get(SNAPSHOT_ENV)
    if env:
        return Path(env)
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.snapshot{db_path.suffix or '.duckdb'}")


def reader_db(db_path: str | Path, prefer_snapshot: bool = True) -> Path:
    """The file a reader should open: the snapshot of `db_path` when it exists, else `db_path` itself."""
    db_path = Path(db_path)
    if prefer_snapshot and not db_path.name.endswith(".snapshot.duckdb"):
        snap = snapshot_path(db_path)
        if snap.exists():
            return snap
    return db_path


def open_reader(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection for notebooks / reports; a clear error when the file is missing or locked."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: database not found (build it with `pantau run` / `pantau snapshot`)")
    try:
        con = duckdb.connect(str(path), read_only=True)
        quiet(con)
        return con
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "lock" in msg.lower():
            raise PantauError(f"{path}: locked by a writer; open the snapshot ({snapshot_path(path)}) instead") from None
        raise InputError(f"{path}: cannot open database: {msg}") from None


def refresh_snapshot(source: Store | str | Path, snapshot: str | Path | None = None,
                     search_index: bool = True) -> SnapshotInfo:
    """Copy the database to its snapshot atomically. Call it from the writer after a flow run.

    `source` is the writer's open Store (the normal case: no second open, no lock contention), or a
    path, which is then opened read-write for the duration (fails clearly if a run is writing).
    """
    t0 = time.perf_counter()
    own = not isinstance(source, Store)
    store = Store.open(source) if own else source
    try:
        if store.read_only:
            raise PantauError(f"{store.path}: a snapshot is taken by the writer; open the database read-write")
        src = Path(store.path).resolve()
        dest = Path(snapshot) if snapshot else snapshot_path(src)
        if dest.resolve() == src:
            raise PantauError(f"{dest}: the snapshot cannot be the live database itself")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
        store.con.execute("CHECKPOINT")  # everything committed is now in the main file, the WAL is empty
        shutil.copyfile(src, tmp)        # the writer holds the lock and is not writing: the copy is consistent
    finally:
        if own:
            store.close()
    try:
        con = duckdb.connect(str(tmp))
        try:
            quiet(con)
            (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
            taken = utcnow()
            con.execute("CREATE OR REPLACE TABLE snapshot_info (source VARCHAR, taken_at TIMESTAMP, "
                        "n_articles BIGINT)")
            con.execute("INSERT INTO snapshot_info VALUES (?, ?, ?)", [str(src), taken, n])
            if search_index:
                from flows.search import build_index

                build_index(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, dest)  # atomic: readers see the old or the new snapshot, never half of one
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            if leftover.exists():
                leftover.unlink()
    return SnapshotInfo(path=dest, source=src, taken_at=taken, n_articles=int(n),
                        seconds=round(time.perf_counter() - t0, 3), search_index=search_index)
