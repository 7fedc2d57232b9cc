-- Ageing of the open recommendations as of $as_of: how long past their due
-- date they are. Every bucket comes back, even with zero, in order:
-- al_dia (not yet due), 1-90, 91-180, 181-365 and more than 365 days overdue.
WITH recs AS ({{ recommendation_current }}),
buckets (bucket, bucket_order, low_days, high_days) AS (
    VALUES ('al_dia', 0, NULL, 0), ('1_90', 1, 1, 90), ('91_180', 2, 91, 180),
           ('181_365', 3, 181, 365), ('mas_365', 4, 366, NULL)
),
open_recs AS (
    SELECT CASE WHEN NOT is_overdue THEN 'al_dia'
                WHEN days_overdue <= 90 THEN '1_90'
                WHEN days_overdue <= 180 THEN '91_180'
                WHEN days_overdue <= 365 THEN '181_365'
                ELSE 'mas_365' END AS bucket,
           is_synthetic
    FROM recs
    WHERE is_open
)
SELECT b.bucket, b.bucket_order, b.low_days, b.high_days,
       count(o.bucket) AS recommendations,
       coalesce(bool_or(o.is_synthetic), false) AS is_synthetic
FROM buckets b
LEFT JOIN open_recs o ON o.bucket = b.bucket
GROUP BY ALL
ORDER BY b.bucket_order
