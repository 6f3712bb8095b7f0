"""Readers never block the writer: two real processes, a writer refreshing the snapshot while a reader
reads it, neither waits or fails. And the control: a reader on the LIVE file does block the writer,
which is why readers use the snapshot."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from test_views import add_article

from flows.errors import PantauError
from flows.snapshot import reader_db, refresh_snapshot, snapshot_path
from flows.store.store import Store

ROOT = Path(__file__).resolve().parents[1]

WRITER = textwrap.dedent("""
    import json, sys, time
    from datetime import datetime, timedelta
    sys.path[:0] = [{root!r}, {tests!r}]
    from flows.snapshot import refresh_snapshot
    from flows.store.store import Store
    from test_views import add_article
    db, snap, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(db)                     # holds the write lock for the whole run, like a flow
    t0 = time.perf_counter()
    for i in range(rounds):
        add_article(store.con, f"w{{i}}", datetime(2025, 6, 2) + timedelta(hours=i), True, "w.id", None, None)
        refresh_snapshot(store, snap, search_index=(i % 4 == 0))
    store.close()
    open(sys.argv[4], "w").close()             # tell the reader we are done
    print(json.dumps({{"rounds": rounds, "seconds": time.perf_counter() - t0}}))
""")

READER = textwrap.dedent("""
    import json, sys, time
    sys.path[:0] = [{root!r}]
    from flows.snapshot import open_reader
    from pathlib import Path
    snap, done = sys.argv[1], Path(sys.argv[2])
    counts, errors, longest = [], [], 0.0
    end = time.monotonic() + 180
    while time.monotonic() < end and not done.exists():   # read for as long as the writer writes
        t = time.perf_counter()
        try:
            con = open_reader(snap)
            counts.append(con.execute("SELECT count(*) FROM relevant_articles").fetchone()[0])
            time.sleep(0.05)               # keep it open while the writer replaces the file
            counts.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            con.close()
        except Exception as exc:
            errors.append(repr(exc))
        longest = max(longest, time.perf_counter() - t)
    print(json.dumps({{"reads": len(counts), "counts": counts, "errors": errors, "longest": longest}}))
""")


def test_writer_and_snapshot_reader_run_side_by_side(tmp_path):
    db, snap = tmp_path / "live.duckdb", tmp_path / "live.snapshot.duckdb"
    with Store.open(db) as store:
        add_article(store.con, "seed", None, True, "w.id", None, None)
        refresh_snapshot(store, snap, search_index=False)
    rounds = 12
    done = tmp_path / "writer.done"
    reader = subprocess.Popen([sys.executable, "-c", READER.format(root=str(ROOT)), str(snap), str(done)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)  # the reader is up and holding the snapshot open before the writer starts
    writer = subprocess.run(
        [sys.executable, "-c", WRITER.format(root=str(ROOT), tests=str(ROOT / "tests")), str(db), str(snap),
         str(rounds), str(done)], capture_output=True, text=True, timeout=240)
    r_out, r_err = reader.communicate(timeout=240)
    assert writer.returncode == 0, writer.stderr[-2000:]
    assert reader.returncode == 0, r_err[-2000:]
    w, r = json.loads(writer.stdout.strip().splitlines()[-1]), json.loads(r_out.strip().splitlines()[-1])
    assert w["rounds"] == rounds
    assert r["errors"] == [] and r["reads"] >= 10
    # the reader saw consistent snapshots: counts never go backwards between separate opens
    article_counts = r["counts"][1::2]
    assert article_counts == sorted(article_counts) and article_counts[0] >= 1
    assert len(set(article_counts)) >= 2      # it saw refreshes happen while it kept reading
    con = duckdb.connect(str(snap), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == rounds + 1
    con.close()


def test_a_reader_on_the_live_file_would_block_the_writer(tmp_path):
    """The control experiment: why readers must not open the live database, even read-only."""
    db = tmp_path / "live.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True);"
         " print('open', flush=True); time.sleep(30)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(PantauError, match="in use"):
            Store.open(db)
    finally:
        holder.kill()
        holder.wait()
    Store.open(db).close()  # free again once the reader is gone


def test_snapshot_paths_and_reader_choice(tmp_path, monkeypatch):
    monkeypatch.delenv("PANTAU_SNAPSHOT", raising=False)
    db = tmp_path / "pantau.duckdb"
    assert snapshot_path(db) == tmp_path / "pantau.snapshot.duckdb"
    Store.open(db).close()
    assert reader_db(db) == db                       # no snapshot yet: the live file
    refresh_snapshot(db, search_index=False)
    assert reader_db(db) == tmp_path / "pantau.snapshot.duckdb"
    assert not list(tmp_path.glob(".*tmp*"))         # the temporary copy was renamed, nothing left
    with pytest.raises(PantauError, match="cannot be the live database"):
        refresh_snapshot(db, db)
    monkeypatch.setenv("PANTAU_SNAPSHOT", str(tmp_path / "elsewhere.duckdb"))
    assert snapshot_path(db) == tmp_path / "elsewhere.duckdb"
