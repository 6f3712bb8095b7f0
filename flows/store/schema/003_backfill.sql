-- 003: backfill checkpoints. One row per finished (or failed) unit of a backfill job, so a
-- re-run after a crash skips what is done. A job is one date range ("2025-01-01..2025-03-31");
-- a unit is one slice of input: a chunk of a URL list, of a sitemap, a day's archive page,
-- or a chunk of a WARC file's records. Units are written after their articles are committed,
-- so a crash between the two only means the unit is redone (article upserts are idempotent).

CREATE TABLE IF NOT EXISTS backfill_progress (
    job_id          VARCHAR NOT NULL,      -- "<date_from>..<date_to>"
    unit_id         VARCHAR NOT NULL,      -- "warc:/abs/file.warc.gz#3", "sitemap:<url>#0:<hash>", ...
    kind            VARCHAR NOT NULL,      -- sitemap, listing, urls, warc
    status          VARCHAR NOT NULL,      -- done, failed (failed units are retried by the next run)
    n_items         INTEGER,               -- URLs / records looked at
    n_new           INTEGER,               -- articles inserted
    n_updated       INTEGER,
    n_unchanged     INTEGER,
    n_out_of_range  INTEGER,               -- extracted, but published outside the job's dates
    n_failed        INTEGER,               -- fetch failures, nothing extracted, duplicates
    error           VARCHAR,
    run_id          VARCHAR,
    finished_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, unit_id)
);
