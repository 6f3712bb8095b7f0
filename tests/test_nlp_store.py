"""analysis_store and the enrich task: 002 tables filled from Analysis records, re-runs idempotent,
only new / changed articles re-analysed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flows.enrich import analyze_and_store, pending_articles
from flows.store.analysis_store import write_analyses
from flows.store.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _insert_article(con, aid: str, text: str, updated: datetime) -> None:
    con.execute(
        "INSERT INTO articles (article_id, url, canonical_url, title, text, published, content_hash, n_words, "
        "first_seen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [aid, f"http://x/{aid}", f"http://x/{aid}", "Razia di Lapas", text, datetime(2025, 2, 11), aid, 10,
         updated, updated])


TEXT = ("Kepala Lapas Kelas IIA Banyuwangi, Mochamad Mukaffi, menerima kunjungan BNNK Banyuwangi pada "
        "Senin (10/2/2025). Petugas Lapas Banyuwangi menggelar tes urine.")


def test_enrich_writes_tables_and_is_idempotent(tmp_path):
    db = tmp_path / "p.duckdb"
    with Store.open(db) as st:
        st.migrate()
        _insert_article(st.con, "a1", TEXT, datetime(2025, 2, 11, 9))
        _insert_article(st.con, "a2", "Warga binaan Rutan Kelas I Depok mengikuti pelatihan.", datetime(2025, 2, 11, 9))
    first = analyze_and_store.fn(str(db), 64, None, None)
    assert first["analyzed"] == 2
    second = analyze_and_store.fn(str(db), 64, None, None)
    assert second["pending"] == 0  # nothing changed: nothing re-analysed
    with Store.open(db, read_only=True) as st:
        con = st.con
        assert con.execute("SELECT count(*) FROM article_analysis").fetchone()[0] == 2
        facs = con.execute("SELECT article_id, facility_id, kind FROM article_facilities ORDER BY 1").fetchall()
        assert ("a1", "lapas-banyuwangi", "lapas") in facs
        assert con.execute("SELECT event_date FROM article_analysis WHERE article_id='a1'").fetchone()[0].isoformat() \
            == "2025-02-10"
        off = con.execute("SELECT name, organization_id FROM article_officials WHERE article_id='a1'").fetchall()
        assert off == [("Mochamad Mukaffi", "lapas-banyuwangi")]
        ev = con.execute("SELECT sentence FROM mentions WHERE article_id='a1' AND label='ORG'").fetchall()
        assert ev and "BNNK Banyuwangi" in ev[0][0]


def test_changed_article_is_reanalysed_and_rows_replaced(tmp_path):
    db = tmp_path / "p.duckdb"
    with Store.open(db) as st:
        st.migrate()
        _insert_article(st.con, "a1", TEXT, datetime(2025, 2, 11, 9))
    analyze_and_store.fn(str(db), 64, None, None)
    with Store.open(db) as st:
        st.con.execute("UPDATE articles SET text = ?, updated_at = ? WHERE article_id = 'a1'",
                       ["Petugas Rutan Kelas I Depok menggelar razia.", datetime(2099, 1, 1)])
        from nlp.analyze import Analyzer

        assert [a.id for a in pending_articles(st.con, Analyzer.load().analyzer_version)] == ["a1"]
    analyze_and_store.fn(str(db), 64, None, None)
    with Store.open(db, read_only=True) as st:
        facs = st.con.execute("SELECT facility_id FROM article_facilities WHERE article_id='a1'").fetchall()
        assert facs == [("rutan-depok",)]
        assert st.con.execute("SELECT count(*) FROM article_officials").fetchone()[0] == 0


def test_write_analyses_replaces_not_appends(tmp_path):
    from nlp.records import Analysis, Facility

    with Store.open(tmp_path / "p.duckdb") as st:
        st.migrate()
        a = Analysis(id="z", relevant=True, facilities=[Facility(name="Lapas X", kind="lapas", city="X")])
        write_analyses(st.con, [a], "v1")
        write_analyses(st.con, [a], "v1")
        assert st.con.execute("SELECT count(*) FROM article_facilities").fetchone()[0] == 1
        assert st.con.execute("SELECT facility_id FROM article_facilities").fetchone()[0] == "unreg:lapas:x"


def test_retrained_topic_model_changes_the_version_so_enrich_redoes_stored_topics(tmp_path):
    """`pantau train topics` rewrites models/topics/: the version carries the files' fingerprint, and a stored
    analysis of another version is pending again."""
    from nlp.analyze import ANALYZER_VERSION, Analyzer, _model_fingerprint

    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "model.pkl.gz").write_bytes(b"model one")
    first = _model_fingerprint(tmp_path)
    (tmp_path / "topics" / "stack.json").write_text('{"threshold": 0.35}')
    second = _model_fingerprint(tmp_path)
    (tmp_path / "topics" / "model.pkl.gz").write_bytes(b"model two")
    assert len({first, second, _model_fingerprint(tmp_path)}) == 3
    version = Analyzer.load().analyzer_version
    assert version.startswith(ANALYZER_VERSION + "+topics-") and version.endswith(_model_fingerprint(ROOT / "models"))
