"""The analyst views (flows/store/views/*.sql) on a small hand-built database with known answers.

Why hand-built rows rather than the synthetic generator: every expected count below is worked out
from the few rows inserted here (relevance from article_analysis overriding articles.relevant,
event date overriding publication date, reprints sharing a story, unassigned topics ignored), so a
wrong join or filter changes a number and fails a test.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from flows.store.store import VIEWS_DIR, Store

F1 = ("lapas-banyuwangi", "Lapas Kelas IIA Banyuwangi", "lapas", "IIA", "Banyuwangi", "Jawa Timur")
F2 = ("rutan-depok", "Rutan Kelas I Depok", "rutan", "I", "Depok", "Jawa Barat")


def add_article(con, aid, published, relevant, outlet, story=None, analysis=None, title=None, text=None):
    """One articles row (+ article_analysis when analysis=(relevant, event_date))."""
    url = f"https://{outlet}/berita/{aid}"
    now = datetime(2025, 8, 1)
    con.execute(
        "INSERT INTO articles (article_id, url, canonical_url, source, outlet, story_id, published, title, text,"
        " language, content_hash, relevance, relevant, n_words, first_seen, updated_at)"
        " VALUES (?, ?, ?, 'test', ?, ?, ?, ?, ?, 'id', ?, ?, ?, 20, ?, ?)",
        [aid, url, url, outlet, story, published, title or f"Judul {aid}", text or f"Isi berita {aid}.",
         f"hash-{aid}", 0.9 if relevant else 0.1, relevant, now, now],
    )
    if analysis is not None:
        rel, event_date = analysis
        con.execute("INSERT INTO article_analysis VALUES (?, ?, ?, ?, 'test', ?)",
                    [aid, rel, 0.9 if rel else 0.1, event_date, now])


def add_topic(con, aid, topic, assigned=True):
    con.execute("INSERT INTO article_topics VALUES (?, ?, ?, ?)", [aid, topic, 0.8 if assigned else 0.2, assigned])


def add_facility(con, aid, fac):
    con.execute("INSERT INTO article_facilities VALUES (?, ?, ?, ?, ?, ?, ?, true)", [aid, *fac])


def add_official(con, aid, name, title, org_id):
    con.execute("INSERT INTO article_officials (article_id, name, title, organization, organization_id)"
                " VALUES (?, ?, ?, ?, ?)", [aid, name, title, title, org_id])


def add_partnership(con, aid, unit, unit_id, partner, partner_id, kind, when):
    con.execute("INSERT INTO partnerships VALUES (?, ?, ?, ?, ?, ?, ?, 'partner->unit', 'bukti')",
                [aid, unit, unit_id, partner, partner_id, kind, when])


def build_small_db(path) -> Store:
    store = Store.open(path)
    con = store.con
    # a1 + a2: one press release (story s1) in week 2025-W23, anti-narcotics at Lapas Banyuwangi
    add_article(con, "a1", datetime(2025, 6, 3, 9), True, "o1.id", "s1", (True, date(2025, 6, 2)))
    add_article(con, "a2", datetime(2025, 6, 4, 9), True, "o2.id", "s1", (True, None))
    # a3: published in W24 but the event happened in W23 (event date wins); names two facilities
    add_article(con, "a3", datetime(2025, 6, 10, 9), True, "o1.id", "s2", (True, date(2025, 6, 5)))
    # a4: articles.relevant says yes, the analysis says no: the analysis wins -> excluded
    add_article(con, "a4", datetime(2025, 6, 3, 12), True, "o2.id", "s3", (False, None))
    # a5: no analysis row yet, relevant by articles.relevant; week 2025-W21; no story
    add_article(con, "a5", datetime(2025, 5, 20, 9), True, "o2.id", None, None)
    # a6: July, the new head of Lapas Banyuwangi
    add_article(con, "a6", datetime(2025, 7, 1, 9), True, "o3.id", "s4", (True, None))
    # a7: undated: in profiles, not in time series
    add_article(con, "a7", None, True, "o3.id", "s5", (True, None))
    for aid in ("a1", "a2", "a4", "a6", "a7"):
        add_topic(con, aid, "anti_narcotics")
    add_topic(con, "a1", "illegal_phones", assigned=False)
    add_topic(con, "a3", "security_incident")
    add_topic(con, "a5", "official_visit")
    for aid in ("a1", "a2", "a3", "a6", "a7"):
        add_facility(con, aid, F1)
    for aid in ("a3", "a4", "a5"):
        add_facility(con, aid, F2)
    add_official(con, "a1", "Budi Santoso", "Kalapas Banyuwangi", F1[0])
    add_official(con, "a2", "Budi Santoso", "Kepala Lapas Kelas IIA Banyuwangi", F1[0])
    add_official(con, "a1", "Ketut Akbar", "Kakanwil Ditjenpas NTT", "corrections_office:ntt")
    add_official(con, "a5", "Sri Wahyuni", "Plt. Karutan Depok", None)
    add_official(con, "a6", "Agus Wibowo", "Kalapas Banyuwangi", F1[0])
    add_partnership(con, "a1", F1[1], F1[0], "BNNK Banyuwangi", "bnnk:banyuwangi", "joint_operation", date(2025, 6, 2))
    add_partnership(con, "a2", F1[1], F1[0], "BNNK Banyuwangi", "bnnk:banyuwangi", "joint_operation", None)
    add_partnership(con, "a2", F1[1], F1[0], "BNNK Banyuwangi", "bnnk:banyuwangi", "meeting", None)
    add_partnership(con, "a5", F2[1], F2[0], "Polres Depok", None, "visit", None)
    add_partnership(con, "a4", F2[1], F2[0], "Kejari Depok", None, "visit", None)  # irrelevant article
    return store


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    store = build_small_db(tmp_path_factory.mktemp("views") / "v.duckdb")
    yield store.con
    store.close()


def rows(con, sql, params=()):
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


W23, W21, W27 = date(2025, 6, 2), date(2025, 5, 19), date(2025, 6, 30)


def test_every_view_file_states_its_question_and_all_views_exist(con):
    files = sorted(VIEWS_DIR.glob("*.sql"))
    assert files
    names = set()
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.lstrip().startswith("--") and "Question" in text, f"{f.name}: header must say which question"
        names |= set(re.findall(r"CREATE OR REPLACE VIEW (\w+)", text))
    existing = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert names <= existing
    for required in ("topic_weekly", "topic_monthly", "topic_weekly_by_province", "topic_weekly_by_facility",
                     "topic_weekly_by_facility_kind", "topic_monthly_by_facility_kind", "facility_profile",
                     "facility_timeline", "partnership_edges", "official_roster", "incident_timeline",
                     "coverage_by_outlet", "topic_spikes", "spikes_current"):
        assert required in names
    for name in names:  # every view binds and runs
        con.execute(f"SELECT * FROM {name}").fetchall()


def test_relevant_articles_uses_analysis_relevance_and_event_date(con):
    r = {x["article_id"]: x for x in rows(con, "SELECT * FROM relevant_articles")}
    assert set(r) == {"a1", "a2", "a3", "a5", "a6", "a7"}  # a4 excluded by article_analysis
    assert r["a3"]["article_date"] == date(2025, 6, 5) and r["a3"]["iso_week"] == "2025-W23"
    assert r["a2"]["article_date"] == date(2025, 6, 4)   # no event date: published
    assert r["a7"]["article_date"] is None
    assert r["a5"]["story_key"] == "a5" and r["a1"]["story_key"] == "s1"


def test_topic_weekly_and_monthly_counts(con):
    w = {(x["week_start"], x["topic"]): x for x in rows(con, "SELECT * FROM topic_weekly")}
    assert w[(W23, "anti_narcotics")]["n_articles"] == 2 and w[(W23, "anti_narcotics")]["n_stories"] == 1
    assert w[(W23, "security_incident")]["n_articles"] == 1
    assert w[(W21, "official_visit")]["n_articles"] == 1
    assert w[(W27, "anti_narcotics")]["n_articles"] == 1
    assert (W23, "illegal_phones") not in w           # unassigned topic
    assert len(w) == 4                                # a4 (irrelevant) and a7 (undated) add nothing
    m = {(x["month"], x["topic"]): x["n_articles"] for x in rows(con, "SELECT * FROM topic_monthly")}
    assert m == {("2025-06", "anti_narcotics"): 2, ("2025-06", "security_incident"): 1,
                 ("2025-05", "official_visit"): 1, ("2025-07", "anti_narcotics"): 1}


def test_topic_trends_by_province_facility_and_kind(con):
    p = {(x["topic"], x["province"]): x["n_articles"]
         for x in rows(con, "SELECT * FROM topic_weekly_by_province WHERE week_start = ?", [W23])}
    assert p == {("anti_narcotics", "Jawa Timur"): 2, ("security_incident", "Jawa Timur"): 1,
                 ("security_incident", "Jawa Barat"): 1}
    k = {(x["topic"], x["facility_kind"]): x["n_articles"]
         for x in rows(con, "SELECT * FROM topic_monthly_by_facility_kind WHERE month = '2025-06'")}
    assert k == {("anti_narcotics", "lapas"): 2, ("security_incident", "lapas"): 1, ("security_incident", "rutan"): 1}
    f = rows(con, "SELECT * FROM topic_weekly_by_facility WHERE facility_id = ? AND topic = 'anti_narcotics'"
                  " ORDER BY week_start", [F1[0]])
    assert [(x["week_start"], x["n_articles"], x["n_stories"]) for x in f] == [(W23, 2, 1), (W27, 1, 1)]
    assert f[0]["facility_name"] == F1[1] and f[0]["province"] == "Jawa Timur"
    fw = {x["facility_id"]: x["n_articles"] for x in rows(con, "SELECT * FROM facility_weekly WHERE week_start = ?", [W23])}
    assert fw == {F1[0]: 3, F2[0]: 1}


def test_facility_profile_and_timeline(con):
    prof = {x["facility_id"]: x for x in rows(con, "SELECT * FROM facility_profile")}
    f1 = prof[F1[0]]
    assert f1["n_articles"] == 5 and f1["n_stories"] == 4          # a1+a2 share s1; a7 undated still counts
    assert f1["first_date"] == date(2025, 6, 2) and f1["last_date"] == date(2025, 7, 1)
    assert f1["top_topics"][0] == "anti_narcotics"
    assert f1["latest_head"] == "Agus Wibowo" and f1["n_heads_seen"] == 2
    assert f1["top_partners"] == ["BNNK Banyuwangi"] and f1["n_partners"] == 1
    assert prof[F2[0]]["n_articles"] == 2                          # a3, a5 (a4 irrelevant)
    t = {x["month"]: x for x in rows(con, "SELECT * FROM facility_timeline WHERE facility_id = ?", [F1[0]])}
    assert set(t) == {"2025-06", "2025-07"}
    assert t["2025-06"]["n_articles"] == 3
    assert t["2025-06"]["topics"] == ["anti_narcotics", "security_incident"]
    assert t["2025-06"]["officials"] == ["Budi Santoso"] and t["2025-07"]["officials"] == ["Agus Wibowo"]
    assert t["2025-06"]["partners"] == ["BNNK Banyuwangi"] and t["2025-07"]["partners"] is None


def test_partnership_edges_and_nodes(con):
    e = {(x["unit_key"], x["partner_key"]): x for x in rows(con, "SELECT * FROM partnership_edges")}
    assert set(e) == {(F1[0], "bnnk:banyuwangi"), (F2[0], "polres depok")}  # Kejari only in an irrelevant article
    bnnk = e[(F1[0], "bnnk:banyuwangi")]
    assert bnnk["n_mentions"] == 3 and bnnk["n_articles"] == 2 and bnnk["n_stories"] == 1
    assert bnnk["kinds"] == ["joint_operation", "meeting"]
    assert dict(bnnk["kind_counts"]) == {"joint_operation": 2, "meeting": 1}
    assert bnnk["first_date"] == date(2025, 6, 2) and bnnk["last_date"] == date(2025, 6, 4)  # a2: article date
    assert e[(F2[0], "polres depok")]["first_date"] == date(2025, 5, 20)
    nodes = {x["node_key"]: x for x in rows(con, "SELECT * FROM partnership_nodes")}
    assert nodes[F1[0]]["role"] == "unit" and nodes["bnnk:banyuwangi"]["role"] == "partner"
    assert nodes[F1[0]]["degree"] == 1 and len(nodes) == 4


def test_official_roster_heads_first_and_last_seen(con):
    r = {(x["facility_id"], x["name"]): x for x in rows(con, "SELECT * FROM official_roster")}
    assert set(r) == {(F1[0], "Budi Santoso"), (F1[0], "Agus Wibowo"), (F2[0], "Sri Wahyuni")}
    budi = r[(F1[0], "Budi Santoso")]
    assert (budi["first_seen"], budi["last_seen"], budi["n_articles"]) == (date(2025, 6, 2), date(2025, 6, 4), 2)
    assert not budi["is_latest"] and r[(F1[0], "Agus Wibowo")]["is_latest"]
    assert r[(F2[0], "Sri Wahyuni")]["linked_by"] == "sole_facility" and budi["linked_by"] == "id"
    seen = {x["name"]: x for x in rows(con, "SELECT * FROM officials_seen")}
    assert seen["Ketut Akbar"]["ever_facility_head"] is False and seen["Budi Santoso"]["ever_facility_head"]


def test_incident_timeline(con):
    inc = rows(con, "SELECT * FROM incident_timeline ORDER BY facility_id")
    assert [(x["article_id"], x["facility_id"], x["article_date"]) for x in inc] == [
        ("a3", F1[0], date(2025, 6, 5)), ("a3", F2[0], date(2025, 6, 5))]
    assert inc[0]["url"] == "https://o1.id/berita/a3"


def test_coverage_by_outlet(con):
    c = {x["outlet"]: x for x in rows(con, "SELECT * FROM coverage_by_outlet")}
    assert (c["o1.id"]["n_articles"], c["o1.id"]["n_relevant"], c["o1.id"]["n_stories"]) == (2, 2, 2)
    assert (c["o2.id"]["n_articles"], c["o2.id"]["n_relevant"]) == (3, 2)
    assert c["o2.id"]["relevant_share"] == pytest.approx(0.667)
    # first to publish: s1 by o1 (a1 before a2), s2 by o1, a5 by o2, s4 by o3; s5 (a7) has no date
    assert (c["o1.id"]["n_first_reports"], c["o2.id"]["n_first_reports"], c["o3.id"]["n_first_reports"]) == (2, 1, 1)


def test_spikes_against_trailing_baseline(tmp_path):
    """8 quiet weeks (1 article/week) then 6 articles in one week: a spike for the topic and the facility."""
    store = Store.open(tmp_path / "s.duckdb")
    con = store.con
    start = datetime(2025, 3, 3, 9)  # a Monday
    n = 0
    for week in range(9):
        for _ in range(1 if week < 8 else 6):
            aid = f"s{n}"
            add_article(con, aid, start + timedelta(weeks=week, hours=n), True, "o.id", None, (True, None))
            add_topic(con, aid, "overcrowding")
            add_facility(con, aid, F1)
            n += 1
    # another topic that stays flat: never a spike
    for week in range(9):
        aid = f"f{week}"
        add_article(con, aid, start + timedelta(weeks=week), True, "o.id", None, (True, None))
        add_topic(con, aid, "remission_release")
    spikes = rows(con, "SELECT * FROM topic_spikes WHERE is_spike ORDER BY scope")
    assert [(x["scope"], x["topic"], x["facility_id"], x["iso_week"]) for x in spikes] == [
        ("facility", "overcrowding", F1[0], "2025-W18"), ("topic", "overcrowding", None, "2025-W18")]
    top = spikes[1]
    assert top["n_articles"] == 6 and top["baseline_mean"] == 1.0 and top["baseline_weeks"] == 8
    current = rows(con, "SELECT * FROM spikes_current")
    assert {(x["scope"], x["topic"]) for x in current} == {("facility", "overcrowding"), ("topic", "overcrowding")}
    flat = rows(con, "SELECT * FROM topic_spikes WHERE topic = 'remission_release' AND week_start = ?",
                [date(2025, 4, 28)])
    assert flat[0]["baseline_mean"] == 1.0 and flat[0]["z"] == 0 and not flat[0]["is_spike"]
    store.close()
