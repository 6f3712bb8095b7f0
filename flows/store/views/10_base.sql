-- Base views every analyst view builds on.
-- Question: which articles count, on which date, in which week and month?
--   relevant_articles: one row per RELEVANT article (article_analysis.relevant when the NLP stage has
--   run, else articles.relevant) with its analyst date = COALESCE(event_date, published), the ISO week
--   ('2025-W23', week starting Monday) and the month ('2025-06'). story_key is the near-duplicate
--   story (or the article itself when unclustered), so "stories" counts events, not reprints.
CREATE OR REPLACE VIEW relevant_articles AS
SELECT
    a.article_id,
    a.url,
    a.title,
    a.outlet,
    a.source,
    a.story_id,
    COALESCE(a.story_id, a.article_id)                                  AS story_key,
    a.published,
    aa.event_date,
    CAST(COALESCE(aa.event_date, a.published) AS DATE)                  AS article_date,
    CAST(date_trunc('week', COALESCE(aa.event_date, a.published)) AS DATE) AS week_start,
    strftime(COALESCE(aa.event_date, a.published), '%G-W%V')            AS iso_week,
    CAST(date_trunc('month', COALESCE(aa.event_date, a.published)) AS DATE) AS month_start,
    strftime(COALESCE(aa.event_date, a.published), '%Y-%m')             AS month,
    COALESCE(aa.relevance_score, a.relevance)                           AS relevance
FROM articles a
LEFT JOIN article_analysis aa USING (article_id)
WHERE COALESCE(aa.relevant, a.relevant) IS TRUE;

-- Question: which topics does each relevant article carry (assigned = passed the label threshold)?
CREATE OR REPLACE VIEW topic_facts AS
SELECT r.article_id, r.story_key, r.article_date, r.week_start, r.iso_week, r.month_start, r.month,
       t.topic, t.score
FROM relevant_articles r
JOIN article_topics t ON t.article_id = r.article_id AND t.assigned;

-- Question: which facilities does each relevant article name (one row per article x facility)?
CREATE OR REPLACE VIEW facility_articles AS
SELECT r.*, af.facility_id, af.name AS facility_name, af.kind AS facility_kind, af.class AS facility_class,
       af.city, af.province, af.registered
FROM relevant_articles r
JOIN article_facilities af ON af.article_id = r.article_id;

-- Question: which facilities does each topic-tagged relevant article name (article x topic x facility)?
CREATE OR REPLACE VIEW topic_facility_facts AS
SELECT t.*, af.facility_id, af.name AS facility_name, af.kind AS facility_kind, af.province
FROM topic_facts t
JOIN article_facilities af ON af.article_id = t.article_id;
