-- Partnership network views: corrections units and the outside organisations they work with.
-- A partnership's date is its own date when the extractor found one, else the article date.

-- Question: which unit-partner pairs appear, how often, as what kinds, first and last when?
-- Nodes are keyed by their resolved id (facility / org id) and fall back to the lowercased name.
CREATE OR REPLACE VIEW partnership_edges AS
WITH p AS (
    SELECT COALESCE(p.unit_id, lower(p.unit)) AS unit_key, p.unit,
           COALESCE(p.partner_id, lower(p.partner)) AS partner_key, p.partner,
           p.kind, p.article_id, r.story_key,
           COALESCE(p.date, r.article_date) AS edge_date
    FROM partnerships p
    JOIN relevant_articles r ON r.article_id = p.article_id
)
SELECT unit_key, mode(unit) AS unit, partner_key, mode(partner) AS partner,
       count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles, count(DISTINCT story_key) AS n_stories,
       list_sort(list(DISTINCT kind)) AS kinds, histogram(kind) AS kind_counts,
       min(edge_date) AS first_date, max(edge_date) AS last_date
FROM p GROUP BY unit_key, partner_key;

-- Question: which nodes does the network have, in which role, with how many distinct neighbours?
CREATE OR REPLACE VIEW partnership_nodes AS
WITH ends AS (
    SELECT unit_key AS node_key, unit AS label, 'unit' AS role, partner_key AS other, n_articles,
           first_date, last_date FROM partnership_edges
    UNION ALL
    SELECT partner_key, partner, 'partner', unit_key, n_articles, first_date, last_date FROM partnership_edges
)
SELECT node_key, mode(label) AS label, mode(role) AS role, count(DISTINCT other) AS degree,
       CAST(sum(n_articles) AS BIGINT) AS n_articles, min(first_date) AS first_date, max(last_date) AS last_date
FROM ends GROUP BY node_key;
