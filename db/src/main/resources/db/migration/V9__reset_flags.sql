-- Reset-cause forensics: one row per run and phase with each RCC_CSR reset flag as 0 or 1.
-- The reset-cause step stores each flag as a measurement named "PHASE FLAGNAME" (e.g. "end BORRSTF",
-- reading 0 or 1) and the raw register as "PHASE RCC_CSR", committed with its step; this view makes
-- each flag a column. Phases: 'power-on' (how the chip came up), 'end' (what reset it during the
-- test, after boot-check), 'watch' (what reset it while its firmware ran untouched after the end read).
-- Which runs saw a brown-out during the test:  SELECT run_id FROM reset_cause WHERE phase = 'end' AND bor = 1
-- Portable SQL: H2 and PostgreSQL.

CREATE VIEW reset_cause AS
SELECT f.run_id AS run_id,
       f.phase AS phase,
       MAX(CASE WHEN f.flag = 'PORRSTF' THEN f.reading END) AS por,
       MAX(CASE WHEN f.flag = 'PINRSTF' THEN f.reading END) AS pin,
       MAX(CASE WHEN f.flag = 'BORRSTF' THEN f.reading END) AS bor,
       MAX(CASE WHEN f.flag = 'SFTRSTF' THEN f.reading END) AS sft,
       MAX(CASE WHEN f.flag = 'IWDGRSTF' THEN f.reading END) AS iwdg,
       MAX(CASE WHEN f.flag = 'WWDGRSTF' THEN f.reading END) AS wwdg,
       MAX(CASE WHEN f.flag = 'LPWRRSTF' THEN f.reading END) AS lpwr,
       MAX(CASE WHEN f.flag = 'RCC_CSR' THEN f.raw END) AS raw
FROM (
    SELECT m.run_id AS run_id,
           CASE
               WHEN m.name LIKE 'power-on %' THEN 'power-on'
               WHEN m.name LIKE 'end %' THEN 'end'
               ELSE 'watch'
           END AS phase,
           CASE
               WHEN m.name LIKE 'power-on %' THEN SUBSTRING(m.name FROM 10)
               WHEN m.name LIKE 'end %' THEN SUBSTRING(m.name FROM 5)
               ELSE SUBSTRING(m.name FROM 7)
           END AS flag,
           CAST(m.reading AS INT) AS reading,
           CAST(m.reading AS BIGINT) AS raw
    FROM measurement m
    JOIN step s ON s.id = m.step_id
    WHERE s.kind = 'reset-cause'
) f
GROUP BY f.run_id, f.phase;
