"""The ingest flow: sources -> discover -> fetch -> extract -> dedup -> relevance -> DuckDB.

Reads like the arrow diagram in docs: discover every source's article URLs (a task per source,
run concurrently, retried on I/O failure), then per batch of URLs: fetch (a task; per-URL
retries, robots, rate limits and size caps live in flows.fetch.Fetcher), extract (a task; pure
CPU), then de-duplicate, score and write the batch in one transaction. Batches interleave
hosts round-robin: politeness is per host (1 request/s by default), so a batch that spans
several outlets fetches them in parallel instead of waiting on one host at a time. Why per-batch commits: a run killed with SIGKILL loses at
most the batch in flight; the next run sees the committed batches' validators, gets 304s for
them and fetches only the rest.

Every URL ends as exactly one fetch_log row per run: the fetcher's status (ok, not_modified,
http_error, timeout, ...) or a later classification (`nothing_extracted`, `duplicate`); a
discovery failure is a `feed_error` row for the source URL. Nothing a single page or source
does can stop the run; only a bad sources file or an unusable database does (one-line errors).

Second runs: URLs seen before are fetched conditionally (If-None-Match / If-Modified-Since
from http_cache); a 304, or a 200 whose body hash equals the stored one, is `not_modified` and
skips extraction. So a second run over unchanged sources adds no article and no story.

Prefect: tasks use NO_CACHE and no result persistence (their inputs hold a live HTTP client and
their outputs whole pages); the Prefect API only sees states, names and the returned summary.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flows.config import prefect_env

prefect_env()

from prefect import flow, task  # noqa: E402 - Prefect reads its settings at import time
from prefect.cache_policies import NO_CACHE  # noqa: E402

from flows import dedup  # noqa: E402
from flows.classify import Item, classify  # noqa: E402
from flows.config import code_version  # noqa: E402
from flows.discover import discover  # noqa: E402
from flows.extract import ExtractedArticle, extract  # noqa: E402
from flows.fetch import Fetcher, FetchOutcome  # noqa: E402
from flows.sources import Source, load_sources  # noqa: E402
from flows.store import ArticleRow, CacheRow, FetchLogRow, Store  # noqa: E402
from nlp.keywords import RELEVANCE_THRESHOLD, SCORER_VERSION  # noqa: E402

DEFAULT_BATCH_SIZE = 25
ERROR_STATUSES = ("http_error", "timeout", "robots_disallowed", "too_large", "not_html", "redirect_loop",
                  "connection_error", "invalid_url", "feed_error", "batch_error")


# ---------------------------------------------------------------- summary records


@dataclass
class SourceSummary:
    name: str
    kind: str
    discovered: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    not_modified: int = 0
    duplicate: int = 0
    nothing_extracted: int = 0
    failed: int = 0
    relevant: int = 0  # of the new and updated articles


@dataclass
class IngestSummary:
    """What one run did; also stored as `runs.counts` (JSON)."""

    run_id: str
    db_path: str
    sources_file: str
    status: str = "completed"
    elapsed_s: float = 0.0
    sources: list[SourceSummary] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    articles_total: int = 0
    stories_total: int = 0
    bytes: int = 0

    def total(self, key: str) -> int:
        return sum(getattr(s, key) for s in self.sources)

    def counts(self) -> dict[str, Any]:
        keys = ("discovered", "fetched", "new", "updated", "not_modified", "duplicate", "nothing_extracted",
                "failed", "relevant")
        return {
            **{k: self.total(k) for k in keys},
            "by_status": dict(sorted(self.by_status.items())),
            "per_source": [asdict(s) for s in self.sources],
            "articles_total": self.articles_total,
            "stories_total": self.stories_total,
            "bytes": self.bytes,
            "elapsed_s": round(self.elapsed_s, 2),
        }


# ---------------------------------------------------------------- progress hook (CLI progress bar)

ProgressFn = Callable[[str, dict], None]
_progress: list[ProgressFn] = []
_progress_lock = threading.Lock()


@contextmanager
def progress_hook(fn: ProgressFn) -> Iterator[None]:
    """Receive ("source", {...}), ("discovered", {...}), ("page", {...}) events while a run goes on.

    A hook and not a flow parameter: Prefect records flow parameters, and a callable is not data.
    """
    with _progress_lock:
        _progress.append(fn)
    try:
        yield
    finally:
        with _progress_lock:
            _progress.remove(fn)


def _emit(event: str, **info: Any) -> None:
    for fn in list(_progress):
        try:
            fn(event, info)
        except Exception:  # noqa: BLE001 - a broken progress bar must not break a run
            pass


# ---------------------------------------------------------------- tasks


@task(name="discover", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE, persist_result=False,
      task_run_name="discover {source.name}")
def discover_task(source: Source, fetcher: Fetcher):
    return discover(source, fetcher)


@task(name="fetch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE, persist_result=False,
      task_run_name="fetch batch {batch_no}")
def fetch_task(pairs: list[tuple[str, Source]], fetcher: Fetcher, validators: dict, batch_no: int,
               max_workers: int = 8) -> list[FetchOutcome]:
    """Fetch a batch whose URLs may come from several sources (so several hosts work in parallel).

    Politeness stays per host inside the Fetcher (rate limit, concurrency, robots); each URL is
    fetched with its own source's rate limit and name.
    """

    def one(url: str, source: Source) -> FetchOutcome:
        v = validators.get(url)
        val = (v[0], v[1]) if v and (v[0] or v[1]) else None
        return fetcher.fetch(url, source.name, val, rate_limit=source.rate_limit)

    out = []
    with ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="pantau-ingest") as pool:
        futures = [pool.submit(one, url, source) for url, source in pairs]
        for fut, (url, source) in zip(futures, pairs, strict=True):
            try:
                outcome = fut.result()
            except Exception as exc:  # noqa: BLE001 - fetch() never raises; defensive
                outcome = FetchOutcome(url, source.name, "connection_error", reason=f"unexpected {exc!r}")
            out.append(outcome)
            _emit("fetched", source=source.name, url=outcome.url, status=outcome.status)
    return out


@task(name="extract", cache_policy=NO_CACHE, persist_result=False, task_run_name="extract batch {batch_no}")
def extract_task(pages: list[tuple[str, str]], batch_no: int) -> list[ExtractedArticle | None]:
    results = []
    for url, html in pages:
        try:
            results.append(extract(html, url))
        except Exception:  # noqa: BLE001 - extract() is defensive already; belt and braces
            results.append(None)
    return results


# ---------------------------------------------------------------- the flow


def _run_name() -> str:
    from prefect.runtime import flow_run

    params = flow_run.parameters or {}
    sources = Path(str(params.get("sources_file", "sources.toml"))).name
    db = Path(str(params.get("db_path", "pantau.duckdb"))).name
    return f"ingest {sources} -> {db}"


def body_hash(html: str) -> str:
    return hashlib.sha1(html.encode("utf-8", errors="replace")).hexdigest()


@flow(name="ingest", flow_run_name=_run_name, validate_parameters=False, persist_result=False, log_prints=False)
def ingest(
    sources_file: str = "sources.toml",
    db_path: str = "var/pantau.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_workers: int = 8,
    fetcher_options: dict | None = None,
    only_sources: list[str] | None = None,
) -> IngestSummary:
    """Run the monitoring once over every source in `sources_file`, writing into `db_path`."""
    started = time.monotonic()
    sources = load_sources(sources_file)
    if only_sources:
        sources = [s for s in sources if s.name in set(only_sources)]
    store = Store.open(db_path)
    runner = _Runner(store, sources_file, batch_size, max_workers)
    try:
        runner.start(sources)
        with Fetcher(**(fetcher_options or {})) as fetcher:
            queues = runner.discover_all(sources, fetcher)
            runner.fetch_all(queues, fetcher)
        runner.finish("completed", started)
    except BaseException:
        runner.finish("failed", started)
        raise
    finally:
        store.close()
    return runner.summary


class _Runner:
    """State of one run: the store, the story index, per-source counters."""

    def __init__(self, store: Store, sources_file: str, batch_size: int, max_workers: int) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.max_workers = max_workers
        self.seen_urls: set[str] = set()
        self.index = dedup.StoryIndex.from_rows(store.story_signatures())
        self.run_id = ""
        self.by_status: Counter[str] = Counter()
        self.summary = IngestSummary(run_id="", db_path=str(store.path), sources_file=str(sources_file))
        self._batch_no = 0
        self._changed: set[str] = set()  # article ids new or updated in the current batch
        self._new: set[str] = set()  # article ids new in the current batch
        self.per_source: dict[str | None, SourceSummary] = {}

    def start(self, sources: list[Source]) -> None:
        import importlib.metadata as md

        def version(pkg: str) -> str | None:
            try:
                return md.version(pkg)
            except md.PackageNotFoundError:
                return None

        models = {"relevance": SCORER_VERSION, "relevance_threshold": RELEVANCE_THRESHOLD,
                  "dedup": f"minhash{dedup.NUM_PERM}-shingle{dedup.SHINGLE}-j{dedup.MATCH_THRESHOLD}",
                  "trafilatura": version("trafilatura"), "htmldate": version("htmldate")}
        self.run_id = self.store.start_run("ingest", self.summary.sources_file, code_version(), models,
                                           run_id=_prefect_run_id())
        self.summary.run_id = self.run_id
        self.store.upsert_sources(sources)

    def finish(self, status: str, started: float) -> None:
        s = self.summary
        s.status = status
        s.elapsed_s = time.monotonic() - started
        s.by_status = dict(self.by_status)
        counts = self.store.counts()
        s.articles_total, s.stories_total = counts["articles"], counts["stories"]
        if self.run_id:
            self.store.finish_run(self.run_id, status, s.counts())

    # -- discovery: all sources at once -----------------------------------------------------

    def discover_all(self, sources: list[Source], fetcher: Fetcher) -> list[tuple[Source, list[str]]]:
        """Discover every source concurrently (different hosts); returns each source's new URLs, in order.

        Discovery outcomes (feed, sitemap, listing pages) are logged here; a source whose
        discovery fails is one `feed_error` row and contributes no URLs.
        """
        futures = []
        for source in sources:
            self.per_source[source.name] = summary = SourceSummary(source.name, source.kind)
            self.summary.sources.append(summary)
            _emit("source", source=source.name, kind=source.kind)
            futures.append(discover_task.submit(source, fetcher))
        queues = []
        for source, fut in zip(sources, futures, strict=True):
            summary = self.per_source[source.name]
            try:
                found = fut.result()
                urls, outcomes = list(found.urls), list(found.outcomes)
            except Exception as exc:  # noqa: BLE001 - one bad source never stops the run
                urls, outcomes = [], []
                self._log_now([FetchLogRow(url=source.url or f"source:{source.name}", source=source.name,
                                           status="feed_error",
                                           reason=f"discovery failed: {type(exc).__name__}: {exc}")], summary)
            if outcomes:
                self._log_now([FetchLogRow.from_outcome(o, self.run_id) for o in outcomes], summary)
            if source.max_articles:
                urls = urls[: source.max_articles]
            urls = [u for u in dict.fromkeys(urls) if u not in self.seen_urls]
            self.seen_urls.update(urls)
            summary.discovered = len(urls)
            _emit("discovered", source=source.name, n=len(urls))
            queues.append((source, urls))
        return queues

    # -- fetching: batches interleaved across sources ---------------------------------------

    def fetch_all(self, queues: list[tuple[Source, list[str]]], fetcher: Fetcher) -> None:
        """Round-robin the URLs across hosts into batches, so one slow or rate-limited host does not
        serialise the run; each batch is fetched, extracted and committed on its own. Within a host
        the sources keep their order in the sources file (so runs are reproducible)."""
        pairs = interleave_by_host(queues)
        for i in range(0, len(pairs), self.batch_size):
            batch = pairs[i : i + self.batch_size]
            try:
                self._run_batch(fetcher, batch)
            except Exception as exc:  # noqa: BLE001 - a batch that cannot be written is logged, the run goes on
                for url, source in batch:
                    self._log_now([FetchLogRow(url=url, source=source.name, status="batch_error",
                                               reason=f"batch failed: {type(exc).__name__}: {exc}")],
                                  self.per_source[source.name])

    def _log_now(self, rows: list[FetchLogRow], summary: SourceSummary, count_failed: bool = True) -> None:
        for r in rows:
            r.run_id = self.run_id
            self.by_status[r.status] += 1
            if count_failed and r.status in ERROR_STATUSES:
                summary.failed += 1
        self.store.log_fetches(rows, self.run_id)

    # -- per batch -------------------------------------------------------------------------

    def _run_batch(self, fetcher: Fetcher, pairs: list[tuple[str, Source]]) -> None:
        self._batch_no += 1
        cached = self.store.validators([u for u, _ in pairs])
        outcomes = fetch_task(pairs, fetcher, cached, self._batch_no, self.max_workers)
        fetch_rows: list[FetchLogRow] = []
        cache_rows: list[CacheRow] = []
        to_extract: list[FetchOutcome] = []
        for o in outcomes:
            self.summary.bytes += o.bytes or 0
            if o.status != "ok" or not o.html:  # not_modified (304) and every failure class
                fetch_rows.append(FetchLogRow.from_outcome(o, self.run_id))
                continue
            self.per_source[o.source].fetched += 1
            bh = body_hash(o.html)
            cache_rows.append(CacheRow(o.url, o.etag, o.last_modified, bh))
            old = cached.get(o.url)
            if old and old[2] == bh:
                fetch_rows.append(FetchLogRow.from_outcome(o, self.run_id, status="not_modified",
                                                           reason="body unchanged since last fetch"))
                continue
            to_extract.append(o)
        extracted = extract_task([(o.final_url or o.url, o.html) for o in to_extract], self._batch_no) \
            if to_extract else []
        articles = self._classify(list(zip(to_extract, extracted, strict=True)), fetch_rows)
        result = self.store.write_batch(self.run_id, articles, fetch_rows, cache_rows)
        for r in fetch_rows:
            self.by_status[r.status] += 1
            summary = self.per_source[r.source]
            if r.status in ERROR_STATUSES:
                summary.failed += 1
            elif r.status in ("not_modified", "duplicate", "nothing_extracted"):
                setattr(summary, r.status, getattr(summary, r.status) + 1)
            _emit("page", source=r.source, url=r.url, status=r.status)
        # new / updated / relevant per source, from what this batch actually wrote
        for a in articles:
            if a.article_id in self._changed:
                summary = self.per_source[a.source]
                if a.article_id in self._new:
                    summary.new += 1
                else:
                    summary.updated += 1
                summary.relevant += bool(a.relevant)
        self._changed.clear()
        self._new.clear()
        _emit("batch", n=len(pairs), new=result.new)

    def _classify(self, pairs: list[tuple[FetchOutcome, ExtractedArticle | None]],
                  fetch_rows: list[FetchLogRow]) -> list[ArticleRow]:
        """Extracted pages -> article rows (new/updated), or duplicate / nothing_extracted log rows."""
        ready = [(o, a) for o, a in pairs if a is not None]
        for o, a in pairs:
            if a is None:
                fetch_rows.append(FetchLogRow.from_outcome(o, self.run_id, status="nothing_extracted",
                                                           reason="no article text found (under 200 characters)"))
        res = classify(self.store, self.index, [Item(o.url, o.source, a) for o, a in ready], self.run_id)
        for (o, _), (status, reason) in zip(ready, res.outcomes, strict=True):
            fetch_rows.append(FetchLogRow.from_outcome(o, self.run_id, status=status, reason=reason))
        self._changed |= res.changed
        self._new |= res.new
        return res.rows


def interleave_by_host(queues: list[tuple[Source, list[str]]]) -> list[tuple[str, Source]]:
    """(url, source) pairs, round-robin across hosts; per host in sources-file order."""
    by_host: dict[str, list[tuple[str, Source]]] = {}
    for source, urls in queues:
        for u in urls:
            by_host.setdefault((urlsplit(u).hostname or "").lower(), []).append((u, source))
    return [p for group in zip_longest(*by_host.values()) for p in group if p]


def _prefect_run_id() -> str | None:
    """The Prefect flow-run id, so `runs.run_id` and the Prefect UI name the same run."""
    try:
        from prefect.runtime import flow_run

        return str(flow_run.id) if flow_run.id else None
    except Exception:  # noqa: BLE001
        return None
