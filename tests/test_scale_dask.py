"""The NLP stage on a local Dask cluster of 2 worker processes writes what the single process writes."""

from __future__ import annotations

import pytest

pytest.importorskip("prefect_dask")
pytest.importorskip("distributed")

from prefect_support import ensure_prefect  # noqa: E402

from flows.dedup import content_hash  # noqa: E402
from flows.enrich import pending_articles  # noqa: E402
from flows.scale import analyze_articles, enrich_on_dask, synthetic_article, worker_analyzer  # noqa: E402
from flows.store.analysis_store import TABLES, write_analyses  # noqa: E402
from flows.store.store import ArticleRow, Store, article_id_for  # noqa: E402

N = 16


def _seed(db) -> None:
    rows = []
    for i in range(N):
        a = synthetic_article(i, words=120)
        rows.append(ArticleRow(
            article_id=article_id_for(a.url), url=a.url, canonical_url=a.url, source="syn", outlet="kabarlapas.example",
            story_id=None, published=a.published, title=a.title, text=a.text, author=None, sitename=None,
            language="id", content_hash=content_hash(a.text), minhash=None, relevance=None, relevant=None,
            n_words=len(a.text.split()),
        ))
    with Store.open(db) as s:
        s.write_batch(None, articles=rows)


def _tables(db) -> dict[str, list]:
    out = {}
    with Store.open(db, read_only=True) as s:
        for t in TABLES:
            cols = [c for (c,) in s.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [t]).fetchall() if c != "analyzed_at"]
            sel = ", ".join(cols)
            out[t] = s.con.execute(f"SELECT {sel} FROM {t} ORDER BY ALL").fetchall()
    return out


@pytest.mark.timeout(900)
def test_enrich_on_two_dask_workers_matches_single_process(tmp_path):
    ensure_prefect()
    single_db, dask_db = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    _seed(single_db)
    _seed(dask_db)

    version = worker_analyzer("models").analyzer_version
    with Store.open(single_db) as s:
        arts = pending_articles(s.con, version)
        assert len(arts) == N
        write_analyses(s.con, analyze_articles(arts, batch_size=8), version)

    counts = enrich_on_dask(str(dask_db), batch_size=4, n_workers=2)  # 4 batches over 2 worker processes
    assert counts == {"pending": N, "analyzed": N, "analyzer_version": version}

    single, dask = _tables(single_db), _tables(dask_db)
    assert len(single["article_analysis"]) == N
    assert len(single["article_facilities"]) >= N - 4  # the comparison is not over empty tables
    assert len(single["article_organizations"]) >= N
    for table in TABLES:
        assert dask[table] == single[table], table
    # nothing left to do: a second run analyses nothing
    with Store.open(dask_db) as s:
        assert pending_articles(s.con, version) == []
