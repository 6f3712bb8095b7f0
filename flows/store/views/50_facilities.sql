-- Facility profile views: one facility's coverage, topics, heads and partners, overall and over time.

-- Question: what is each facility's coverage summary (articles, stories, dates, top topics, latest head,
-- top partners)?
CREATE OR REPLACE VIEW facility_profile AS
WITH base AS (
    SELECT facility_id, mode(facility_name) AS facility_name, any_value(facility_kind) AS facility_kind,
           any_value(facility_class) AS facility_class, any_value(city) AS city, any_value(province) AS province,
           bool_or(registered) AS registered,
           count(*) AS n_articles, count(DISTINCT story_key) AS n_stories,
           count(DISTINCT outlet) AS n_outlets, min(article_date) AS first_date, max(article_date) AS last_date
    FROM facility_articles GROUP BY facility_id
),
topic_counts AS (
    SELECT facility_id, topic, count(*) AS n FROM topic_facility_facts GROUP BY facility_id, topic
),
topics AS (
    SELECT facility_id, list(topic ORDER BY n DESC, topic)[1:3] AS top_topics FROM topic_counts GROUP BY facility_id
),
heads AS (
    SELECT facility_id, arg_max(name, last_seen) AS latest_head, count(*) AS n_heads_seen
    FROM official_roster GROUP BY facility_id
),
partners AS (
    SELECT unit_key AS facility_id, list(partner ORDER BY n_articles DESC, partner)[1:5] AS top_partners,
           count(*) AS n_partners
    FROM partnership_edges GROUP BY unit_key
)
SELECT b.*, t.top_topics, h.latest_head, COALESCE(h.n_heads_seen, 0) AS n_heads_seen,
       p.top_partners, COALESCE(p.n_partners, 0) AS n_partners
FROM base b
LEFT JOIN topics t USING (facility_id)
LEFT JOIN heads h USING (facility_id)
LEFT JOIN partners p USING (facility_id);

-- Question: how does a facility's coverage change month by month: how many articles, which topics,
-- which officials (tied to it by organization_id) and which partners?
CREATE OR REPLACE VIEW facility_timeline AS
WITH fa AS MATERIALIZED (  -- computed once, shared by the four aggregates below
    SELECT facility_id, month_start, month, article_id, story_key
    FROM facility_articles WHERE month_start IS NOT NULL
),
base AS (
    SELECT facility_id, month_start, any_value(month) AS month,
           count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
    FROM fa GROUP BY facility_id, month_start
),
topics AS (
    SELECT fa.facility_id, fa.month_start, list_sort(list(DISTINCT t.topic)) AS topics
    FROM fa JOIN article_topics t ON t.article_id = fa.article_id AND t.assigned
    GROUP BY fa.facility_id, fa.month_start
),
officials AS (
    SELECT fa.facility_id, fa.month_start, list_sort(list(DISTINCT o.name)) AS officials
    FROM fa JOIN article_officials o ON o.article_id = fa.article_id AND o.organization_id = fa.facility_id
    GROUP BY fa.facility_id, fa.month_start
),
partners AS (
    SELECT fa.facility_id, fa.month_start, list_sort(list(DISTINCT p.partner)) AS partners
    FROM fa JOIN partnerships p ON p.article_id = fa.article_id AND p.unit_id = fa.facility_id
    GROUP BY fa.facility_id, fa.month_start
)
SELECT b.*, t.topics, o.officials, p.partners
FROM base b
LEFT JOIN topics t USING (facility_id, month_start)
LEFT JOIN officials o USING (facility_id, month_start)
LEFT JOIN partners p USING (facility_id, month_start);
