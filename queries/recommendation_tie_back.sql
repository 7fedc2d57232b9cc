-- Tie-back to maturity: for every recommendation met as of $as_of, the
-- score of the area it concerns in the recommendation's round against the
-- same entity's next assessed round (the first later period assessed with
-- the framework). $rec_period narrows to recommendations of one round.
-- outcome: mejoro / igual / empeoro (the change rounded to two decimals, so
-- near-ties are ties), sin_ronda_siguiente (not assessed since) or
-- sin_puntaje (the area has no score in one of the two rounds).
-- met_before_next: the status cumplida is dated on or before the next
-- round's report, so the next round could have seen it.
-- Only the area scores of $rec_period and later rounds are computed (a next round is always later):
-- every round's would cost four times the rest at national size.
WITH recs AS ({{ recommendation_current }}),
every_area AS ({{ area_scores }}),
areas AS (
    SELECT * FROM every_area WHERE CAST($rec_period AS VARCHAR) IS NULL OR period >= $rec_period
),
met AS (
    SELECT * FROM recs
    WHERE is_met AND (CAST($rec_period AS VARCHAR) IS NULL OR period = $rec_period)
),
next_round AS (
    SELECT m.entity_code, m.report_number, m.rec_no, min(a.period) AS next_period
    FROM met m
    JOIN assessment a ON a.entity_code = m.entity_code AND a.framework_code = m.framework_code
                     AND a.period > m.period
    GROUP BY ALL
),
compared AS (
    SELECT m.entity_code, m.entity_name, m.acronym, m.report_number, m.rec_no, m.period, m.area_code,
           m.area_name_es, m.area_name_en, m.text_es, m.status_date AS met_date, m.due_date,
           n.next_period, na.issue_date AS next_issue_date,
           base.area_score AS area_score, nxt.area_score AS next_area_score,
           round(nxt.area_score - base.area_score, 2) AS change,
           m.is_synthetic
    FROM met m
    LEFT JOIN next_round n USING (entity_code, report_number, rec_no)
    LEFT JOIN assessment na
           ON na.entity_code = m.entity_code AND na.period = n.next_period AND na.framework_code = m.framework_code
    LEFT JOIN areas base
           ON base.entity_code = m.entity_code AND base.period = m.period AND base.area_code = m.area_code
    LEFT JOIN areas nxt
           ON nxt.entity_code = m.entity_code AND nxt.period = n.next_period AND nxt.area_code = m.area_code
)
SELECT *,
       CASE WHEN next_period IS NULL THEN 'sin_ronda_siguiente'
            WHEN change IS NULL THEN 'sin_puntaje'
            WHEN change > 0 THEN 'mejoro'
            WHEN change < 0 THEN 'empeoro'
            ELSE 'igual' END AS outcome,
       CASE WHEN next_period IS NOT NULL
            THEN met_date <= coalesce(next_issue_date, met_date) END AS met_before_next
FROM compared
ORDER BY entity_code, report_number, rec_no
