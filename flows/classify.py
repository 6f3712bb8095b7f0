"""Extracted articles -> article rows or `duplicate` log entries: the one de-duplication rule set.

Why its own module: the ingest flow (pages fetched now) and backfill (sitemaps, archives, WARC files)
must file the same page the same way, so both call `classify`. The rules:
- the same canonical URL twice in one batch: the second is a duplicate;
- the same text at the same outlet under another URL: a duplicate (not stored twice);
- the same text at ANOTHER outlet: a syndicated copy, stored (its URL and outlet count) in the same story;
- another URL variant (AMP, mobile, tracking) of a stored article whose text differs: a duplicate;
  only a refetch of the stored URL itself updates the article.
The earliest copy (publication order) names the story, whatever the fetch order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows import dedup
from flows.extract import ExtractedArticle
from flows.store import ArticleRow, Store, article_id_for
from nlp.keywords import RELEVANCE_THRESHOLD, keyword_relevance


@dataclass(slots=True)
class Item:
    """One extracted page: the URL it was fetched under, its source, and the article."""

    url: str
    source: str | None
    article: ExtractedArticle


@dataclass(slots=True)
class Classified:
    rows: list[ArticleRow] = field(default_factory=list)
    # per input item, in input order: ("ok", "new" | "updated" | "unchanged") or ("duplicate", reason)
    outcomes: list[tuple[str, str]] = field(default_factory=list)
    new: set[str] = field(default_factory=set)  # article ids
    changed: set[str] = field(default_factory=set)  # article ids new or updated


def classify(store: Store, index: dedup.StoryIndex, items: list[Item], run_id: str | None) -> Classified:
    out = Classified(outcomes=[("", "")] * len(items))
    order = sorted(range(len(items)), key=lambda i: (items[i].article.published is None,
                                                     items[i].article.published or 0,
                                                     items[i].article.canonical_url))
    hashes = {it.article.canonical_url: dedup.content_hash(it.article.text) for it in items}
    existing = store.existing_articles([it.article.canonical_url for it in items])
    holders = store.content_hash_holders(list(hashes.values()))
    in_batch: set[str] = set()
    for i in order:
        it, a = items[i], items[i].article
        h = hashes[a.canonical_url]
        if a.canonical_url in in_batch:
            out.outcomes[i] = ("duplicate", f"same article as {a.canonical_url}")
            continue
        known = existing.get(a.canonical_url)
        owner = next((c for c, outlet in holders.get(h, []) if outlet == a.outlet and c != a.canonical_url), None)
        if known is None and owner is not None:
            out.outcomes[i] = ("duplicate", f"same text as {owner}")
            continue
        if known is not None and known[0] != h and it.url != known[2]:
            out.outcomes[i] = ("duplicate", f"URL variant of {a.canonical_url}")
            continue
        reason = "unchanged" if known is not None and known[0] == h else ("updated" if known else "new")
        in_batch.add(a.canonical_url)
        holders.setdefault(h, []).append((a.canonical_url, a.outlet))
        article_id = article_id_for(a.canonical_url)
        sig = dedup.minhash(a.text)
        story = known[1] if known and known[1] else index.assign(article_id, sig).story_id
        score = keyword_relevance(a.title, a.text)
        out.rows.append(ArticleRow(
            article_id=article_id, url=it.url, canonical_url=a.canonical_url, source=it.source,
            outlet=a.outlet, story_id=story, published=a.published, title=a.title, text=a.text,
            author=a.author, sitename=a.sitename, language=a.language, content_hash=h,
            minhash=dedup.signature_bytes(sig), relevance=score, relevant=score >= RELEVANCE_THRESHOLD,
            n_words=a.n_words, run_id=run_id,
        ))
        out.outcomes[i] = ("ok", reason)
        if reason != "unchanged":
            out.changed.add(article_id)
        if reason == "new":
            out.new.add(article_id)
    return out
