-- 001: the monitoring backbone. Sources, runs, every fetch outcome, articles and stories.
-- Keys: articles by canonical URL (article_id = sha1 of it); content_hash catches the same
-- body under another URL. Migrations only ever add; never edit an applied file.

CREATE TABLE IF NOT EXISTS sources (
    name            VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,      -- feed, sitemap, listing, urls
    url             VARCHAR,               -- feed / sitemap / listing URL (NULL for urls)
    config          JSON,                  -- the [[source]] table as given
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    flow            VARCHAR NOT NULL,      -- ingest, enrich, backfill, ...
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP,
    status          VARCHAR NOT NULL,      -- running, completed, failed
    sources_file    VARCHAR,
    code_version    VARCHAR,
    model_versions  JSON,
    counts          JSON                   -- discovered, fetched, new, updated, unchanged, failed, ...
);

CREATE TABLE IF NOT EXISTS fetch_log (
    url             VARCHAR NOT NULL,
    source          VARCHAR,
    run_id          VARCHAR,
    status          VARCHAR NOT NULL,      -- ok, not_modified, http_error, timeout, robots_disallowed,
                                           -- too_large, not_html, redirect_loop, connection_error,
                                           -- nothing_extracted, duplicate, invalid_url, feed_error,
                                           -- batch_error (a batch that could not be processed or written)
    http_status     INTEGER,
    reason          VARCHAR,
    attempts        INTEGER,
    bytes           BIGINT,
    elapsed_ms      DOUBLE,
    fetched_at      TIMESTAMP NOT NULL
);

-- Validators for conditional GET, one row per URL ever fetched successfully.
CREATE TABLE IF NOT EXISTS http_cache (
    url             VARCHAR PRIMARY KEY,
    etag            VARCHAR,
    last_modified   VARCHAR,
    body_hash       VARCHAR,
    fetched_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    story_id        VARCHAR PRIMARY KEY,
    title           VARCHAR,
    first_published TIMESTAMP,
    last_published  TIMESTAMP,
    n_articles      INTEGER,
    n_outlets       INTEGER,
    updated_at      TIMESTAMP
);

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,   -- sha1(canonical_url)[:16]
    url             VARCHAR NOT NULL,      -- first URL it was seen under
    canonical_url   VARCHAR NOT NULL UNIQUE,
    source          VARCHAR,               -- sources.name
    outlet          VARCHAR,               -- host / site name of the publisher
    story_id        VARCHAR,
    published       TIMESTAMP,
    title           VARCHAR,
    text            VARCHAR,
    author          VARCHAR,
    sitename        VARCHAR,
    language        VARCHAR,
    content_hash    VARCHAR NOT NULL,      -- sha1 of normalised text
    minhash         BLOB,                  -- signature for near-duplicate clustering
    relevance       DOUBLE,                -- corrections-relevance score in [0, 1]
    relevant        BOOLEAN,
    n_words         INTEGER,
    first_seen      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    run_id          VARCHAR
);

CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);
