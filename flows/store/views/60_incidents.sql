-- Question: which security incidents (escapes, riots, deaths, fires, smuggling caught, contraband found)
-- were reported, when, at which facility, and where is the source? One row per incident article and
-- facility it names (facility columns NULL when it names none); stories group the reprints.
CREATE OR REPLACE VIEW incident_timeline AS
SELECT r.article_date, r.iso_week, r.week_start, r.article_id, r.story_key, r.title, r.url, r.outlet,
       t.score, af.facility_id, af.name AS facility_name, af.kind AS facility_kind, af.province
FROM relevant_articles r
JOIN article_topics t ON t.article_id = r.article_id AND t.topic = 'security_incident' AND t.assigned
LEFT JOIN article_facilities af ON af.article_id = r.article_id;
