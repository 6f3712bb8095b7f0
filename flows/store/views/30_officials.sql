-- Official views: who is named, in which role, when.

-- Question: every naming of an official in a relevant article, with its date, and whether the title
-- makes the person the HEAD of a corrections facility (Kalapas, Karutan, Kabapas, "Kepala Lapas ...",
-- "Kepala LPKA ...", "Plt. Kalapas", ...).
CREATE OR REPLACE VIEW official_mentions AS
SELECT o.article_id, o.name, o.title, o.organization, o.organization_id, o.rank,
       r.article_date, r.url, r.title AS article_title, r.outlet,
       regexp_matches(
           lower(COALESCE(o.title, '')),
           '^(plt\.?|plh\.?|pj\.?)?\s*(kalapas|karutan|kabapas|kalpka|karupbasan|kacabrutan'
           || '|kepala\s+(lapas|rutan|lpka|bapas|rupbasan|cabang\s+rutan|lembaga\s+pemasyarakatan'
           || '|rumah\s+tahanan|balai\s+pemasyarakatan|lembaga\s+pembinaan\s+khusus\s+anak'
           || '|rumah\s+penyimpanan))'
       ) AS is_facility_head
FROM article_officials o
JOIN relevant_articles r ON r.article_id = o.article_id;

-- Question: who is named as head of which facility, first and last seen (article dates)?
-- The official is tied to a facility by organization_id = facility_id in the same article; when the
-- extractor left organization_id empty and the article names exactly one facility, that facility
-- (linked_by = 'sole_facility'). is_latest marks the most recently seen head of each facility.
CREATE OR REPLACE VIEW official_roster AS
WITH per_article AS (
    SELECT article_id, count(*) AS n_facilities FROM article_facilities GROUP BY article_id
),
linked AS (
    SELECT m.*, af.facility_id, af.name AS facility_name, af.kind AS facility_kind, af.province,
           CASE WHEN m.organization_id = af.facility_id THEN 'id' ELSE 'sole_facility' END AS linked_by
    FROM official_mentions m
    JOIN article_facilities af ON af.article_id = m.article_id
    JOIN per_article p ON p.article_id = m.article_id
    WHERE m.is_facility_head
      AND (m.organization_id = af.facility_id OR (m.organization_id IS NULL AND p.n_facilities = 1))
),
grouped AS (
    SELECT facility_id, mode(facility_name) AS facility_name, mode(facility_kind) AS facility_kind,
           mode(province) AS province, name, mode(title) AS title,
           min(article_date) AS first_seen, max(article_date) AS last_seen,
           count(DISTINCT article_id) AS n_articles, min(linked_by) AS linked_by
    FROM linked GROUP BY facility_id, name
)
SELECT *, last_seen = max(last_seen) OVER (PARTITION BY facility_id) AS is_latest
FROM grouped;

-- Question: every official named in relevant coverage (any role), with first / last seen.
CREATE OR REPLACE VIEW officials_seen AS
SELECT name, mode(title) AS title, mode(organization) AS organization, mode(organization_id) AS organization_id,
       min(article_date) AS first_seen, max(article_date) AS last_seen, count(DISTINCT article_id) AS n_articles,
       bool_or(is_facility_head) AS ever_facility_head
FROM official_mentions GROUP BY name;
