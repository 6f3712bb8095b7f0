"""Backfill: months of archive into the store, resumable after a crash.

Inputs (any mix): sources (sitemaps filtered by `news:publication_date` / `lastmod`, listing or
archive pages, URL lists from a sources TOML), plain URL files, and WARC files (Common Crawl News
is the realistic bulk source: one WARC holds tens of thousands of pages from many outlets).

Why units and a progress table: a backfill runs for hours; a crash, an OOM kill or a reboot must
not mean starting over, and must not store anything twice. The work is cut into *units* (a chunk
of a URL list, a chunk of a sitemap, one day's archive page, a chunk of a WARC file's records),
each with a stable id. A unit's articles are written in one `Store.write_batch` transaction, then
its row goes into `backfill_progress` (migration 003). A re-run of the same date range skips
units whose row says `done`; a crash between the two writes only means that unit is redone, which
is harmless because article upserts are keyed by canonical URL and unchanged texts write nothing.

Date filtering happens twice: before fetching, from what the sitemap says (a
`news:publication_date` outside the range drops the URL; a `lastmod` before the range start
drops it, since an article last modified before the range cannot be published inside it), and
after extraction, on the article's own publication date (WARC records without one fall back to
the crawl date). Articles outside the range are counted, not stored.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from flows.classify import Item, classify
from flows.dedup import StoryIndex
from flows.errors import ConfigError, InputError
from flows.extract import ExtractedArticle, extract
from flows.fetch import Fetcher, FetchOutcome, decode_body
from flows.sources import Source, host_allowed, load_sources, url_problem
from flows.store.store import CacheRow, FetchLogRow, Store, utcnow

URL_CHUNK = 50  # URLs per unit: small enough that a crash loses little, big enough for bulk writes
WARC_CHUNK = 200  # WARC records per unit
MAX_WARC_RECORD = 5 * 1024 * 1024  # bytes; bigger HTML payloads are skipped like Fetcher's size cap
MAX_SITEMAP_DEPTH = 3

_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_DATE_PLACEHOLDER = re.compile(r"\{date(?::([^}]*))?\}")


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class DateRange:
    """Inclusive range of publication dates."""

    start: date
    end: date

    @classmethod
    def parse(cls, date_from: str | date, date_to: str | date) -> DateRange:
        start, end = _as_date(date_from, "--from"), _as_date(date_to, "--to")
        if end < start:
            raise ConfigError(f"--to {end} is before --from {start}")
        return cls(start, end)

    @property
    def job_id(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __contains__(self, value: date | datetime) -> bool:
        d = value.date() if isinstance(value, datetime) else value
        return self.start <= d <= self.end

    def days(self) -> Iterator[date]:
        d = self.start
        while d <= self.end:
            yield d
            d += timedelta(days=1)


def _as_date(value: str | date, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{label} {value!r}: expected a date as YYYY-MM-DD") from None


@dataclass
class Page:
    """One HTML page to extract: fetched now (`outcome` set) or read from a WARC (`crawled` set)."""

    url: str
    html: str
    source: str | None
    outcome: FetchOutcome | None = None
    crawled: datetime | None = None


@dataclass
class Unit:
    """A resumable slice of work; `pages()` does the I/O (fetching) only when the unit is not done.

    `failures` collects fetch outcomes that produced no page (logged to fetch_log with the unit).
    """

    unit_id: str
    kind: str
    source: str | None
    n_items: int
    pages: Callable[[Unit], Iterator[Page]]
    failures: list[FetchOutcome] = field(default_factory=list)


@dataclass
class UnitResult:
    unit_id: str
    status: str = "done"
    n_items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    out_of_range: int = 0
    failed: int = 0
    error: str | None = None


@dataclass
class BackfillReport:
    job_id: str
    run_id: str | None = None
    units_done: int = 0
    units_skipped: int = 0
    units_failed: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    out_of_range: int = 0
    failed: int = 0

    def add(self, r: UnitResult) -> None:
        if r.status == "done":
            self.units_done += 1
        else:
            self.units_failed += 1
        self.items += r.n_items
        self.new += r.new
        self.updated += r.updated
        self.unchanged += r.unchanged
        self.out_of_range += r.out_of_range
        self.failed += r.failed

    def counts(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("job_id", "run_id")}


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None
    published: datetime | None = None


# ---------------------------------------------------------------- pages -> stored articles


def _keep(art: ExtractedArticle, page: Page, rng: DateRange) -> bool:
    when = art.published or page.crawled
    return True if when is None else when in rng


def store_pages(store: Store, index: StoryIndex, pages: Iterable[Page], rng: DateRange | None,
                run_id: str | None, extra_fetches: Iterable[FetchOutcome] = ()) -> UnitResult:
    """extract -> date filter -> `flows.classify` (the ingest flow's de-duplication rules) -> one write_batch,
    so pages from a WARC file and pages fetched now are filed alike."""
    result = UnitResult(unit_id="")
    fetches = [FetchLogRow.from_outcome(o, run_id) for o in extra_fetches]
    result.failed += len(fetches)
    cache: list[CacheRow] = []
    kept: list[tuple[Page, ExtractedArticle]] = []
    for page in pages:
        result.n_items += 1
        art = extract(page.html, page.url)
        if art is None:
            result.failed += 1
            fetches.append(_log(page, run_id, "nothing_extracted", "no article text"))
            continue
        if page.outcome is not None and (page.outcome.etag or page.outcome.last_modified):
            cache.append(CacheRow(page.url, page.outcome.etag, page.outcome.last_modified,
                                  hashlib.sha1(page.html.encode("utf-8", "replace")).hexdigest()))
        if rng is not None and not _keep(art, page, rng):
            result.out_of_range += 1
            continue
        kept.append((page, art))

    res = classify(store, index, [Item(page.url, page.source, art) for page, art in kept], run_id)
    for (page, _), (status, reason) in zip(kept, res.outcomes, strict=True):
        result.failed += status == "duplicate"
        fetches.append(_log(page, run_id, status, reason))
    batch = store.write_batch(run_id, articles=res.rows, fetches=fetches, cache=cache)
    result.new, result.updated, result.unchanged = batch.new, batch.updated, batch.unchanged
    return result


def _log(page: Page, run_id: str | None, status: str, reason: str | None = None) -> FetchLogRow:
    if page.outcome is not None:
        return FetchLogRow.from_outcome(page.outcome, run_id, status=status, reason=reason)
    return FetchLogRow(url=page.url, source=page.source, status=status, reason=reason,
                       fetched_at=page.crawled or utcnow(), run_id=run_id)


# ---------------------------------------------------------------- unit sources: URLs


def _chunk_id(prefix: str, i: int, urls: list[str]) -> str:
    """Stable while the chunk's URLs are unchanged; a changed list only redoes the changed chunks."""
    digest = hashlib.sha1("\n".join(urls).encode()).hexdigest()[:10]
    return f"{prefix}#{i}:{digest}"


def _fetch_pages(fetcher: Fetcher, urls: list[str], source: str | None, rate_limit: float | None,
                 workers: int) -> Callable[[Unit], Iterator[Page]]:
    def pages(unit: Unit) -> Iterator[Page]:
        for out in fetcher.fetch_many(urls, source, max_workers=workers, rate_limit=rate_limit):
            if out.ok and out.html:
                yield Page(out.final_url or out.url, out.html, source, outcome=out)
            else:
                unit.failures.append(out)
    return pages


def url_units(urls: list[str], kind: str, origin: str, source: str | None, fetcher: Fetcher,
              rate_limit: float | None = None, workers: int = 4, chunk: int | None = None) -> Iterator[Unit]:
    urls = list(dict.fromkeys(urls))
    chunk = chunk or URL_CHUNK
    for i in range(0, len(urls), chunk):
        part = urls[i:i + chunk]
        yield Unit(_chunk_id(f"{kind}:{origin}", i // chunk, part), kind, source, len(part),
                   _fetch_pages(fetcher, part, source, rate_limit, workers))


def read_url_file(path: str | Path) -> list[str]:
    """One URL a line; blank lines and `#` comments skipped; a bad line names file and line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"{p}: URL file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read URL file ({exc})") from None
    urls = []
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        problem = url_problem(line)
        if problem:
            raise ConfigError(f"{p}:{n}: {problem}")
        urls.append(line)
    return urls


# ---------------------------------------------------------------- unit sources: sitemaps


def _parse_dt(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    return dt.replace(tzinfo=None)


def parse_sitemap(content: bytes) -> tuple[list[SitemapEntry], list[SitemapEntry]]:
    """(child sitemaps, URL entries) of a sitemap or sitemap index; gzip is unpacked.

    Dates: `lastmod`, and `news:news/news:publication_date` of Google News sitemaps.
    """
    if content[:2] == b"\x1f\x8b":
        content = gzip.decompress(content)
    root = ET.fromstring(content)
    children, entries = [], []
    for el in root.iter():
        tag = el.tag
        if tag not in (f"{_SM}sitemap", f"{_SM}url", "sitemap", "url"):
            continue
        loc = (el.findtext(f"{_SM}loc") or el.findtext("loc") or "").strip()
        if not loc:
            continue
        lastmod = _parse_dt(el.findtext(f"{_SM}lastmod") or el.findtext("lastmod"))
        published = _parse_dt(el.findtext(f"{_NEWS}news/{_NEWS}publication_date"))
        entry = SitemapEntry(loc, lastmod, published)
        (children if tag.endswith("sitemap") else entries).append(entry)
    return children, entries


def sitemap_keeps(entry: SitemapEntry, rng: DateRange) -> bool:
    """Pre-fetch filter: a publication date must be in range; a lastmod must not precede it."""
    if entry.published is not None:
        return entry.published in rng
    if entry.lastmod is not None:
        return entry.lastmod.date() >= rng.start
    return True


def sitemap_leaves(fetcher: Fetcher, url: str, rng: DateRange, source: str | None,
                   problems: list[FetchOutcome], depth: int = 0) -> Iterator[tuple[str, list[str]]]:
    """(leaf sitemap URL, its URLs in range), walking sitemap indexes and pruning old children."""
    out = fetcher.fetch(url, source, expect="xml")
    if not out.ok or not out.content:
        problems.append(out)
        return
    try:
        children, entries = parse_sitemap(out.content)
    except (ET.ParseError, OSError, EOFError) as exc:
        out.status, out.reason = "feed_error", f"not a sitemap: {exc}"
        problems.append(out)
        return
    urls = [e.loc for e in entries if sitemap_keeps(e, rng) and not url_problem(e.loc)]
    if urls:
        yield url, urls
    if depth >= MAX_SITEMAP_DEPTH:
        return
    for child in children:
        if child.lastmod is not None and child.lastmod.date() < rng.start:
            continue  # nothing in it changed since before the range: nothing in it is in range
        yield from sitemap_leaves(fetcher, urljoin(url, child.loc), rng, source, problems, depth + 1)


# ---------------------------------------------------------------- unit sources: listing / archive pages


_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"'#]+)""", re.IGNORECASE)


def listing_links(html: str, base: str, source: Source) -> list[str]:
    """Article links on a listing page: same site (or allowed_domains), matching link_pattern."""
    domains = source.allowed_domains or ((urlsplit(base).hostname or ""),)
    pattern = re.compile(source.link_pattern) if source.link_pattern else None
    links = []
    for href in _HREF.findall(html):
        url = urljoin(base, href.strip())
        if url_problem(url) or not host_allowed(url, domains) or url.rstrip("/") == base.rstrip("/"):
            continue
        if pattern is not None and not pattern.search(url):
            continue
        links.append(url.split("#")[0])
    return list(dict.fromkeys(links))


def archive_pages(source: Source, rng: DateRange) -> list[tuple[str, date | None]]:
    """Listing URLs to read: one per day when the URL has a `{date}` / `{date:%Y/%m/%d}` placeholder."""
    assert source.url is not None
    m = _DATE_PLACEHOLDER.search(source.url)
    if not m:
        return [(source.url, None)]
    fmt = m.group(1) or "%Y-%m-%d"
    return [(_DATE_PLACEHOLDER.sub(d.strftime(fmt), source.url), d) for d in rng.days()]


# ---------------------------------------------------------------- unit sources: WARC


def warc_units(path: str | Path, chunk: int | None = None, source: str | None = None) -> Iterator[Unit]:
    """Chunks of HTML response records of one WARC file (.warc or .warc.gz), read in one pass.

    Records are read for every chunk (cheap), but extraction happens only for units not done.
    Non-HTML, non-200, revisit and oversized records count as items but yield no page.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    p = Path(path).resolve()
    chunk = chunk or WARC_CHUNK
    source = source or f"warc:{p.name}"
    try:
        stream = p.open("rb")
    except OSError as exc:
        raise InputError(f"{p}: cannot open WARC file ({exc.strerror or exc})") from None
    with stream:
        pages: list[Page] = []
        n_items, index = 0, 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                n_items += 1
                page = _warc_page(record, source)
                if page is not None:
                    pages.append(page)
                if n_items == chunk:
                    yield _warc_unit(p, index, n_items, pages, source)
                    pages, n_items, index = [], 0, index + 1
        except ArchiveLoadFailed as exc:
            raise InputError(f"{p}: not a readable WARC file ({str(exc).splitlines()[0]})") from None
        if n_items:
            yield _warc_unit(p, index, n_items, pages, source)


def _warc_unit(p: Path, index: int, n_items: int, pages: list[Page], source: str) -> Unit:
    held = list(pages)
    return Unit(f"warc:{p}#{index}", "warc", source, n_items, lambda unit: iter(held))


def _warc_page(record, source: str) -> Page | None:
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    ctype = http.get_header("Content-Type") or ""
    if ctype and not any(t in ctype.lower() for t in ("text/html", "application/xhtml")):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url or url_problem(url):
        return None
    body = record.content_stream().read(MAX_WARC_RECORD + 1)
    if not body or len(body) > MAX_WARC_RECORD:
        return None
    charset = None
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", ctype, re.IGNORECASE)
    if m:
        charset = m.group(1)
    html, _ = decode_body(body, charset)
    return Page(url, html, source, crawled=_parse_dt(record.rec_headers.get_header("WARC-Date")))


# ---------------------------------------------------------------- planning


def plan_units(rng: DateRange, fetcher: Fetcher | None, sources: Iterable[Source] = (),
               urls: Iterable[str] = (), warc_files: Iterable[str | Path] = (), url_origin: str = "urls",
               problems: list[FetchOutcome] | None = None, workers: int = 4,
               warc_chunk: int | None = None) -> Iterator[Unit]:
    """All units of a backfill, lazily (sitemaps are walked and WARC files read as units are taken)."""
    problems = problems if problems is not None else []
    urls = list(urls)
    if urls:
        assert fetcher is not None
        yield from url_units(urls, "urls", url_origin, None, fetcher, workers=workers)
    for src in sources:
        assert fetcher is not None
        if src.kind == "urls":
            yield from url_units(list(src.urls), "urls", src.name, src.name, fetcher, src.rate_limit, workers)
        elif src.kind == "sitemap":
            for leaf, leaf_urls in sitemap_leaves(fetcher, src.url or "", rng, src.name, problems):
                leaf_urls = [u for u in leaf_urls if src.allows(u)]
                yield from url_units(leaf_urls, "sitemap", leaf, src.name, fetcher, src.rate_limit, workers)
        elif src.kind == "listing":
            yield from _listing_units(src, rng, fetcher, problems, workers)
        else:  # feeds only hold the latest items: nothing to backfill from them
            continue
    for path in warc_files:
        yield from warc_units(path, warc_chunk)


def _listing_units(src: Source, rng: DateRange, fetcher: Fetcher, problems: list[FetchOutcome],
                   workers: int) -> Iterator[Unit]:
    for page_url, day in archive_pages(src, rng):
        out = fetcher.fetch(page_url, src.name, rate_limit=src.rate_limit)
        if not out.ok or not out.html:
            problems.append(out)
            continue
        links = listing_links(out.html, out.final_url or page_url, src)
        if src.max_articles:
            links = links[: src.max_articles]
        origin = f"{src.name}@{day.isoformat()}" if day else page_url
        yield from url_units(links, "listing", origin, src.name, fetcher, src.rate_limit, workers)


# ---------------------------------------------------------------- running


def done_units(store: Store, job_id: str) -> set[str]:
    rows = store.con.execute(
        "SELECT unit_id FROM backfill_progress WHERE job_id = ? AND status = 'done'", [job_id]
    ).fetchall()
    return {u for (u,) in rows}


def record_unit(store: Store, job_id: str, unit: Unit, r: UnitResult, run_id: str | None) -> None:
    store.con.execute(
        "INSERT INTO backfill_progress VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (job_id, unit_id) DO UPDATE SET status = excluded.status, n_items = excluded.n_items,"
        " n_new = excluded.n_new, n_updated = excluded.n_updated, n_unchanged = excluded.n_unchanged,"
        " n_out_of_range = excluded.n_out_of_range, n_failed = excluded.n_failed, error = excluded.error,"
        " run_id = excluded.run_id, finished_at = excluded.finished_at",
        [job_id, unit.unit_id, unit.kind, r.status, r.n_items, r.new, r.updated, r.unchanged, r.out_of_range,
         r.failed, r.error, run_id, utcnow()],
    )


def process_unit(store: Store, index: StoryIndex, unit: Unit, rng: DateRange, run_id: str | None) -> UnitResult:
    """Run one unit; an exception inside it marks the unit failed (retried next run), never the job."""
    try:
        result = store_pages(store, index, unit.pages(unit), rng, run_id)
        if unit.failures:
            store.log_fetches(unit.failures, run_id)
            result.failed += len(unit.failures)
    except Exception as exc:  # noqa: BLE001 - one bad unit never stops a backfill
        result = UnitResult(unit.unit_id, status="failed", error=f"{type(exc).__name__}: {exc}"[:500])
    result.unit_id = unit.unit_id
    result.n_items = unit.n_items
    return result


def run_backfill(
    db: str | Path,
    date_from: str | date,
    date_to: str | date,
    sources_file: str | Path | None = None,
    urls_file: str | Path | None = None,
    warc_files: Iterable[str | Path] = (),
    urls: Iterable[str] = (),
    fetcher: Fetcher | None = None,
    workers: int = 4,
    warc_chunk: int | None = None,
    after_unit: Callable[[UnitResult], None] | None = None,
    log: Callable[[str], None] | None = None,
    run_id: str | None = None,
) -> BackfillReport:
    """The whole backfill, without Prefect (the `backfill` flow wraps this).

    `after_unit` is called after each unit is recorded (progress bars; tests use it to crash).
    `warc_chunk` records per WARC unit (default WARC_CHUNK); keep it constant across re-runs of a
    job, since unit ids of WARC files count chunks.
    """
    from flows.config import code_version

    rng = DateRange.parse(date_from, date_to)
    warc_files = [Path(w) for w in warc_files]
    for w in warc_files:
        if not w.is_file():
            raise ConfigError(f"{w}: WARC file not found")
    sources = load_sources(sources_file) if sources_file else []
    url_list = list(urls) + (read_url_file(urls_file) if urls_file else [])
    if not (sources or url_list or warc_files):
        raise ConfigError("backfill needs --sources FILE, --urls FILE or --warc FILE")
    own_fetcher = fetcher is None and bool(sources or url_list)
    if own_fetcher:
        fetcher = Fetcher()
    report = BackfillReport(rng.job_id)
    try:
        with Store.open(db) as store:
            run_id = store.start_run("backfill", sources_file=str(sources_file or urls_file or ""),
                                     code_version=code_version(), run_id=run_id)
            report.run_id = run_id
            if sources:
                store.upsert_sources(sources)
            finished = done_units(store, rng.job_id)
            index = StoryIndex.from_rows(store.story_signatures())
            problems: list[FetchOutcome] = []
            status = "failed"
            try:
                units = plan_units(rng, fetcher, sources, url_list, warc_files,
                                   url_origin=str(Path(urls_file).resolve()) if urls_file else "urls",
                                   problems=problems, workers=workers, warc_chunk=warc_chunk)
                for unit in units:
                    if unit.unit_id in finished:
                        report.units_skipped += 1
                        continue
                    result = process_unit(store, index, unit, rng, run_id)
                    record_unit(store, rng.job_id, unit, result, run_id)
                    report.add(result)
                    if log:
                        log(f"{unit.unit_id}: {result.status} new={result.new} out_of_range={result.out_of_range}"
                            f" failed={result.failed}" + (f" error={result.error}" if result.error else ""))
                    if after_unit:
                        after_unit(result)
                if problems:
                    store.log_fetches(problems, run_id)
                    report.failed += len(problems)
                status = "completed"
            finally:
                store.finish_run(run_id, status, report.counts())
    finally:
        if own_fetcher and fetcher is not None:
            fetcher.close()
    return report


def _run_name() -> str:
    from prefect.runtime import flow_run

    p = flow_run.parameters or {}
    inputs = [Path(str(x)).name for x in (p.get("warc_files") or [])]
    for key in ("sources_file", "urls_file"):
        if p.get(key):
            inputs.insert(0, Path(str(p[key])).name)
    return f"backfill {p.get('date_from')}..{p.get('date_to')} {'+'.join(inputs) or '-'}"


def _flow():
    from flows.config import prefect_env

    prefect_env()  # Prefect reads its settings at import time
    from prefect import flow, get_run_logger

    @flow(name="backfill", flow_run_name=_run_name, log_prints=False, retries=0)
    def backfill(
        date_from: str,
        date_to: str,
        sources_file: str | None = None,
        urls_file: str | None = None,
        warc_files: list[str] | None = None,
        db: str | None = None,
        workers: int = 4,
    ) -> dict:
        """Backfill a date range from sources, a URL file and/or WARC files; resumable (see module doc)."""
        from prefect.runtime import flow_run

        from flows.config import Settings

        logger = get_run_logger()
        report = run_backfill(
            Settings.load(db=db).db_path, date_from, date_to, sources_file=sources_file, urls_file=urls_file,
            warc_files=warc_files or [], workers=workers, log=logger.info,
            run_id=str(flow_run.id) if flow_run.id else None,  # runs.run_id = the Prefect flow-run id
        )
        logger.info("backfill %s: %s", report.job_id, report.counts())
        return {"job_id": report.job_id, "run_id": report.run_id, **report.counts()}

    return backfill


backfill = _flow()
