-- Coverage views: who publishes corrections news.

-- Question: per outlet, how many articles were stored, how many are relevant, how many distinct stories,
-- and how often was the outlet the FIRST to publish a story (earliest published article of the story)?
CREATE OR REPLACE VIEW coverage_by_outlet AS
WITH a AS (
    SELECT a.article_id, a.outlet, a.published, COALESCE(a.story_id, a.article_id) AS story_key,
           COALESCE(aa.relevant, a.relevant) IS TRUE AS is_relevant
    FROM articles a LEFT JOIN article_analysis aa USING (article_id)
),
firsts AS (
    SELECT story_key, arg_min(outlet, published) AS first_outlet
    FROM a WHERE is_relevant AND published IS NOT NULL GROUP BY story_key
),
first_counts AS (
    SELECT first_outlet AS outlet, count(*) AS n_first_reports FROM firsts GROUP BY first_outlet
)
SELECT a.outlet, count(*) AS n_articles, count(*) FILTER (WHERE is_relevant) AS n_relevant,
       round(count(*) FILTER (WHERE is_relevant) / count(*), 3) AS relevant_share,
       count(DISTINCT story_key) FILTER (WHERE is_relevant) AS n_stories,
       COALESCE(any_value(f.n_first_reports), 0) AS n_first_reports,
       min(published) AS first_published, max(published) AS last_published
FROM a LEFT JOIN first_counts f ON f.outlet IS NOT DISTINCT FROM a.outlet
GROUP BY a.outlet;

-- Question: per outlet and week, how many relevant articles and stories?
CREATE OR REPLACE VIEW coverage_by_outlet_weekly AS
SELECT outlet, week_start, any_value(iso_week) AS iso_week,
       count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM relevant_articles WHERE week_start IS NOT NULL GROUP BY outlet, week_start;
