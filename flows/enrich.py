"""@flow enrich: articles without an up-to-date analysis -> nlp.Analyzer (batched) -> the 002 tables.

Up to date means: an `article_analysis` row exists, written by the current analyzer version, after the
article's last update. Ingest calls `enrich(db_path)` after storing (or the daily deployment does);
each batch is written in its own transaction, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task

from flows.store.analysis_store import write_analyses
from flows.store.store import Store

PENDING_SQL = """
SELECT a.article_id, a.title, a.text, a.published, a.url
FROM articles a
LEFT JOIN article_analysis x ON x.article_id = a.article_id
WHERE a.text IS NOT NULL
  AND (x.article_id IS NULL OR x.analyzer_version IS DISTINCT FROM ? OR x.analyzed_at < a.updated_at)
ORDER BY a.article_id
"""


def pending_articles(con, analyzer_version: str, limit: int | None = None) -> list:
    from nlp.records import ArticleText

    sql = PENDING_SQL + (f" LIMIT {int(limit)}" if limit else "")
    rows = con.execute(sql, [analyzer_version]).fetchall()
    return [ArticleText(id=r[0], title=r[1], text=r[2] or "", published=r[3].date() if r[3] else None, url=r[4])
            for r in rows]


@task
def analyze_and_store(db_path: str, batch_size: int, limit: int | None, model_dir: str | None) -> dict:
    from nlp.analyze import Analyzer
    from nlp.pipeline import ROOT

    analyzer = Analyzer.load(model_dir or ROOT / "models")
    done = 0
    with Store.open(db_path) as store:
        store.migrate()
        arts = pending_articles(store.con, analyzer.analyzer_version, limit)
        batch = []
        for a in analyzer.pipe(arts, batch_size=batch_size):
            batch.append(a)
            if len(batch) >= batch_size:
                write_analyses(store.con, batch, analyzer.analyzer_version)
                done += len(batch)
                batch = []
        if batch:
            write_analyses(store.con, batch, analyzer.analyzer_version)
            done += len(batch)
    return {"pending": len(arts), "analyzed": done, "analyzer_version": analyzer.analyzer_version}


@flow(name="enrich")
def enrich(db_path: str | Path, batch_size: int = 64, limit: int | None = None, model_dir: str | None = None) -> dict:
    """Analyse new/changed articles of the store at db_path; returns counts."""
    counts = analyze_and_store(str(db_path), batch_size, limit, model_dir)
    get_run_logger().info("enrich: %s", counts)
    return counts
