"""Write `nlp.records.Analysis` results into the tables of schema/002_nlp.sql.

Why delete + insert per batch inside one transaction: re-analysing an article (new text, new
analyzer version) must replace all of its rows at once, so a reader never sees half an analysis,
and re-runs are idempotent. Rows are built as DataFrames and inserted in bulk (one INSERT per table
per batch), which is what DuckDB is fast at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pandas as pd

from nlp.records import Analysis

TABLES = ["article_analysis", "mentions", "article_facilities", "article_organizations", "article_officials",
          "article_dates", "article_topics", "partnerships"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def analysis_frames(analyses: Sequence[Analysis], analyzer_version: str) -> dict[str, pd.DataFrame]:
    """One DataFrame per 002 table (columns in table order)."""
    now = _now()
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for a in analyses:
        rows["article_analysis"].append(dict(article_id=a.id, relevant=a.relevant, relevance_score=a.relevance_score,
                                             event_date=a.event_date, analyzer_version=analyzer_version,
                                             analyzed_at=now))
        seen_f = set()
        for f in a.facilities:
            fid = f.facility_id or f"unreg:{f.kind}:{(f.city or '').lower()}"
            if fid in seen_f:
                continue
            seen_f.add(fid)
            rows["article_facilities"].append(dict(article_id=a.id, facility_id=fid, name=f.name, kind=f.kind,
                                                   **{"class": f.facility_class}, city=f.city, province=f.province,
                                                   registered=f.registered))
            for m in f.mentions:
                rows["mentions"].append(dict(article_id=a.id, label="FACILITY", text=m.text, start_char=m.start,
                                             end_char=m.end, entity_id=fid, sentence=m.sentence))
        seen_o = set()
        for o in a.organizations:
            oid = o.org_id or o.name
            if oid in seen_o:
                continue
            seen_o.add(oid)
            rows["article_organizations"].append(dict(article_id=a.id, org_id=oid, name=o.name, kind=o.kind,
                                                      level=o.level, region=o.region, province=o.province))
            for m in o.mentions:
                rows["mentions"].append(dict(article_id=a.id, label="ORG", text=m.text, start_char=m.start,
                                             end_char=m.end, entity_id=oid, sentence=m.sentence))
        seen_p = set()
        for p in a.officials:
            if p.name in seen_p:
                continue
            seen_p.add(p.name)
            rows["article_officials"].append(dict(article_id=a.id, name=p.name, title=p.title,
                                                  organization=p.organization, organization_id=p.organization_id,
                                                  rank=p.rank, honorifics=list(p.honorifics), degrees=list(p.degrees)))
            for m in p.mentions:
                rows["mentions"].append(dict(article_id=a.id, label="PERSON", text=m.text, start_char=m.start,
                                             end_char=m.end, entity_id=p.name, sentence=m.sentence))
        for d in a.dates:
            rows["article_dates"].append(dict(article_id=a.id, text=d.text, date=d.date, start_char=d.start,
                                              weekday_ok=d.weekday_ok))
        for t, s in a.topic_scores.items():
            rows["article_topics"].append(dict(article_id=a.id, topic=t, score=float(s), assigned=t in a.topics))
        for t in a.topics:
            if t not in a.topic_scores:
                rows["article_topics"].append(dict(article_id=a.id, topic=t, score=1.0, assigned=True))
        for p in a.partnerships:
            rows["partnerships"].append(dict(article_id=a.id, unit=p.parties[0], unit_id=p.party_ids[0],
                                             partner=p.parties[1], partner_id=p.party_ids[1], kind=p.kind,
                                             date=p.date, direction=p.direction, evidence=p.evidence))
    return {t: pd.DataFrame(r) for t, r in rows.items()}


def write_analyses(con, analyses: Sequence[Analysis], analyzer_version: str) -> dict[str, int]:
    """Replace the rows of these articles in every 002 table, in one transaction; returns rows per table."""
    if not analyses:
        return {t: 0 for t in TABLES}
    frames = analysis_frames(analyses, analyzer_version)
    ids = pd.DataFrame({"article_id": [a.id for a in analyses]})
    counts = {}
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_pantau_ids", ids)
        for t in TABLES:
            con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT article_id FROM _pantau_ids)")
        for t, df in frames.items():
            counts[t] = len(df)
            if df.empty:
                continue
            cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
            df = df.reindex(columns=cols)
            con.register("_pantau_df", df)
            quoted = ", ".join(f'"{c}"' for c in cols)
            con.execute(f"INSERT INTO {t} ({quoted}) SELECT {quoted} FROM _pantau_df")
            con.unregister("_pantau_df")
        con.unregister("_pantau_ids")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts
