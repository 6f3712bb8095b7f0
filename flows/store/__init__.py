"""pantau's DuckDB store: `Store.open(path, read_only=False)`; see flows/store/store.py and docs/store.md."""

from flows.store.store import (
    ArticleRow,
    BatchResult,
    CacheRow,
    FetchLogRow,
    Store,
    article_id_for,
    utcnow,
)

__all__ = ["ArticleRow", "BatchResult", "CacheRow", "FetchLogRow", "Store", "article_id_for", "utcnow"]
