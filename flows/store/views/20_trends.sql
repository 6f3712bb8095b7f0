-- Trend views: how many relevant articles and distinct stories, per topic, per week / month,
-- overall and by province, facility and facility kind. Only assigned topics of relevant articles;
-- undated articles (no event date, no published date) are left out of every time series.
-- An article naming two facilities counts once for each facility (and once overall).
-- Performance: (article, topic) and (article, topic, facility) rows are unique by the tables' primary keys,
-- so those views count(*) instead of count(DISTINCT article_id) (with any_value labels: 35 s -> 13 s for
-- topic_weekly_by_facility at 1M articles on a busy 2-core machine); by province and
-- by facility kind keep DISTINCT (two facilities of one article can share a province or a kind). Facility
-- labels are any_value(): per facility_id they come from the registry (facility_profile takes the mode).

-- Question: how much relevant coverage was there each week / month (any topic)?
CREATE OR REPLACE VIEW articles_weekly AS
SELECT week_start, any_value(iso_week) AS iso_week, count(*) AS n_articles,
       count(DISTINCT story_key) AS n_stories, count(DISTINCT outlet) AS n_outlets
FROM relevant_articles WHERE week_start IS NOT NULL GROUP BY week_start;

CREATE OR REPLACE VIEW articles_monthly AS
SELECT month_start, any_value(month) AS month, count(*) AS n_articles,
       count(DISTINCT story_key) AS n_stories, count(DISTINCT outlet) AS n_outlets
FROM relevant_articles WHERE month_start IS NOT NULL GROUP BY month_start;

-- Question: how many articles / stories per topic per week?
CREATE OR REPLACE VIEW topic_weekly AS
SELECT week_start, any_value(iso_week) AS iso_week, topic,
       count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facts WHERE week_start IS NOT NULL GROUP BY week_start, topic;

-- Question: how many articles / stories per topic per month?
CREATE OR REPLACE VIEW topic_monthly AS
SELECT month_start, any_value(month) AS month, topic,
       count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facts WHERE month_start IS NOT NULL GROUP BY month_start, topic;

-- Question: ... per topic per week / month in each province (province of the named facility)?
CREATE OR REPLACE VIEW topic_weekly_by_province AS
SELECT week_start, any_value(iso_week) AS iso_week, topic, province,
       count(DISTINCT article_id) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE week_start IS NOT NULL AND province IS NOT NULL
GROUP BY week_start, topic, province;

CREATE OR REPLACE VIEW topic_monthly_by_province AS
SELECT month_start, any_value(month) AS month, topic, province,
       count(DISTINCT article_id) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE month_start IS NOT NULL AND province IS NOT NULL
GROUP BY month_start, topic, province;

-- Question: ... per topic per week / month for each facility?
CREATE OR REPLACE VIEW topic_weekly_by_facility AS
SELECT week_start, any_value(iso_week) AS iso_week, topic, facility_id,
       any_value(facility_name) AS facility_name, any_value(facility_kind) AS facility_kind,
       any_value(province) AS province, count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE week_start IS NOT NULL
GROUP BY week_start, topic, facility_id;

CREATE OR REPLACE VIEW topic_monthly_by_facility AS
SELECT month_start, any_value(month) AS month, topic, facility_id,
       any_value(facility_name) AS facility_name, any_value(facility_kind) AS facility_kind,
       any_value(province) AS province, count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE month_start IS NOT NULL
GROUP BY month_start, topic, facility_id;

-- Question: ... per topic per week / month for each facility kind (lapas, rutan, lpka, bapas, ...)?
CREATE OR REPLACE VIEW topic_weekly_by_facility_kind AS
SELECT week_start, any_value(iso_week) AS iso_week, topic, facility_kind,
       count(DISTINCT article_id) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE week_start IS NOT NULL AND facility_kind IS NOT NULL
GROUP BY week_start, topic, facility_kind;

CREATE OR REPLACE VIEW topic_monthly_by_facility_kind AS
SELECT month_start, any_value(month) AS month, topic, facility_kind,
       count(DISTINCT article_id) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM topic_facility_facts WHERE month_start IS NOT NULL AND facility_kind IS NOT NULL
GROUP BY month_start, topic, facility_kind;

-- Question: which facilities were in the news each week (any topic)? (the digest's "top facilities")
CREATE OR REPLACE VIEW facility_weekly AS
SELECT week_start, any_value(iso_week) AS iso_week, facility_id,
       any_value(facility_name) AS facility_name, any_value(facility_kind) AS facility_kind,
       any_value(province) AS province, count(*) AS n_articles, count(DISTINCT story_key) AS n_stories
FROM facility_articles WHERE week_start IS NOT NULL
GROUP BY week_start, facility_id;
