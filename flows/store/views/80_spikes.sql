-- Question: which topics (overall, scope = 'topic') and which topic x facility pairs (scope = 'facility')
-- had unusually many relevant articles in a week compared with the trailing 8-week baseline?
-- One row per key and week WITH articles (a week without articles cannot spike). Weeks without
-- articles inside the baseline window count as 0: the baseline is a RANGE window over the 8 calendar
-- weeks before (sum and sum of squares / number of baseline weeks), so no dense week grid is needed.
--   baseline_weeks = 8, fewer only at the very start of the data
--   baseline_mean / baseline_sd: mean and population sd of those weeks' counts
--   z = (n_articles - baseline_mean) / greatest(baseline_sd, 1)
--   is_spike = baseline_weeks >= 4 AND n_articles >= 3 AND n_articles >= 2 * baseline_mean AND z >= 2
CREATE OR REPLACE VIEW topic_spikes AS
WITH counts AS (
    SELECT topic, '' AS facility_key, week_start, count(*) AS n
    FROM topic_facts WHERE week_start IS NOT NULL GROUP BY topic, week_start
    UNION ALL
    SELECT topic, facility_id, week_start, count(*)
    FROM topic_facility_facts WHERE week_start IS NOT NULL GROUP BY topic, facility_id, week_start
),
bounds AS (SELECT min(week_start) AS min_week FROM relevant_articles),
windowed AS (
    SELECT c.*,
           COALESCE(sum(n) OVER w8, 0) AS s1,
           COALESCE(sum(n * n) OVER w8, 0) AS s2,
           least(8, date_diff('day', b.min_week, c.week_start) // 7) AS baseline_weeks
    FROM counts c, bounds b
    WINDOW w8 AS (PARTITION BY topic, facility_key ORDER BY week_start
                  RANGE BETWEEN INTERVAL 56 DAY PRECEDING AND INTERVAL 7 DAY PRECEDING)
),
scored AS (
    SELECT *,
           CASE WHEN baseline_weeks > 0 THEN s1 / baseline_weeks ELSE 0 END AS mean,
           CASE WHEN baseline_weeks > 0
                THEN sqrt(greatest(s2 / baseline_weeks - (s1 / baseline_weeks) ^ 2, 0)) ELSE 0 END AS sd
    FROM windowed
)
SELECT week_start, strftime(week_start, '%G-W%V') AS iso_week, topic,
       CASE WHEN facility_key = '' THEN 'topic' ELSE 'facility' END AS scope,
       NULLIF(facility_key, '') AS facility_id,
       n AS n_articles, round(mean, 3) AS baseline_mean, round(sd, 3) AS baseline_sd, baseline_weeks,
       round((n - mean) / greatest(sd, 1), 3) AS z,
       baseline_weeks >= 4 AND n >= 3 AND n >= 2 * mean AND (n - mean) / greatest(sd, 1) >= 2 AS is_spike
FROM scored;

-- Question: what is spiking THIS week (the latest week with relevant articles)?
CREATE OR REPLACE VIEW spikes_current AS
SELECT * FROM topic_spikes
WHERE week_start = (SELECT max(week_start) FROM relevant_articles) AND is_spike;
