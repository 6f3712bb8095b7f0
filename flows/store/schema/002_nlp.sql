-- 002: what the NLP stage found in each article (nlp.Analyzer output, one batch write per run).
-- Every table is keyed by article_id; re-analysing an article replaces its rows
-- (delete + insert inside one transaction), so re-runs are idempotent.

CREATE TABLE IF NOT EXISTS article_analysis (
    article_id      VARCHAR PRIMARY KEY,
    relevant        BOOLEAN,
    relevance_score DOUBLE,
    event_date      DATE,
    analyzer_version VARCHAR,
    analyzed_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id      VARCHAR NOT NULL,
    label           VARCHAR NOT NULL,      -- FACILITY, ORG, PERSON, DATE, ...
    text            VARCHAR NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    entity_id       VARCHAR,               -- facility_id / org_id / person name it resolved to
    sentence        VARCHAR                -- evidence
);

CREATE TABLE IF NOT EXISTS article_facilities (
    article_id      VARCHAR NOT NULL,
    facility_id     VARCHAR NOT NULL,      -- registry id, or 'unreg:<kind>:<city>'
    name            VARCHAR,
    kind            VARCHAR,               -- lapas, rutan, cabang_rutan, lpka, bapas, rupbasan
    class           VARCHAR,
    city            VARCHAR,
    province        VARCHAR,
    registered      BOOLEAN,
    PRIMARY KEY (article_id, facility_id)
);

CREATE TABLE IF NOT EXISTS article_organizations (
    article_id      VARCHAR NOT NULL,
    org_id          VARCHAR NOT NULL,
    name            VARCHAR,
    kind            VARCHAR,
    level           VARCHAR,
    region          VARCHAR,
    province        VARCHAR,
    PRIMARY KEY (article_id, org_id)
);

CREATE TABLE IF NOT EXISTS article_officials (
    article_id      VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    title           VARCHAR,
    organization    VARCHAR,
    organization_id VARCHAR,
    rank            VARCHAR,
    honorifics      VARCHAR[],
    degrees         VARCHAR[],
    PRIMARY KEY (article_id, name)
);

CREATE TABLE IF NOT EXISTS article_dates (
    article_id      VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    date            DATE,
    start_char      INTEGER,
    weekday_ok      BOOLEAN
);

CREATE TABLE IF NOT EXISTS article_topics (
    article_id      VARCHAR NOT NULL,
    topic           VARCHAR NOT NULL,
    score           DOUBLE NOT NULL,
    assigned        BOOLEAN NOT NULL,      -- score passed the label's threshold
    PRIMARY KEY (article_id, topic)
);

CREATE TABLE IF NOT EXISTS partnerships (
    article_id      VARCHAR NOT NULL,
    unit            VARCHAR NOT NULL,      -- corrections unit (facility or office)
    unit_id         VARCHAR,
    partner         VARCHAR NOT NULL,
    partner_id      VARCHAR,
    kind            VARCHAR NOT NULL,
    date            DATE,
    direction       VARCHAR,
    evidence        VARCHAR
);
