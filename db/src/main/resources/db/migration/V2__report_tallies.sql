-- What batch reports need without rescanning every measurement (a 100 000-board batch holds
-- millions): readings counted per batch, measurement, limits and histogram bin as they are
-- stored (counted in the transaction that closes each run; the Pareto's indexes are in V1).
-- Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE measurement_tally (
    batch_id    BIGINT NOT NULL,
    name        VARCHAR(100) NOT NULL,
    unit        VARCHAR(16) NOT NULL,
    limits_key  VARCHAR(60) NOT NULL,
    low         DOUBLE PRECISION,
    high        DOUBLE PRECISION,
    bin         INT NOT NULL,
    n           BIGINT NOT NULL,
    -- readings are summed as offsets from the bin's first reading: sums of squares of small
    -- offsets keep their precision where sums of squares of the readings would not
    ref         DOUBLE PRECISION NOT NULL,
    s1          DOUBLE PRECISION NOT NULL,
    s2          DOUBLE PRECISION NOT NULL,
    min_reading DOUBLE PRECISION NOT NULL,
    max_reading DOUBLE PRECISION NOT NULL,
    CONSTRAINT measurement_tally_key UNIQUE (batch_id, name, unit, limits_key, bin)
);
ALTER TABLE measurement_tally ADD CONSTRAINT measurement_tally_batch_fk FOREIGN KEY (batch_id) REFERENCES batch (id);


-- Count what was stored before this migration, with HistogramBin's rules written in SQL.
INSERT INTO measurement_tally (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading)
SELECT batch_id, name, unit, limits_key, MIN(low) AS low, MIN(high) AS high, bin, COUNT(*) AS n, MIN(ref) AS ref,
       SUM(reading - ref) AS s1, SUM((reading - ref) * (reading - ref)) AS s2, MIN(reading) AS min_reading,
       MAX(reading) AS max_reading
FROM (
    SELECT k.*, MIN(k.reading) OVER (PARTITION BY k.batch_id, k.name, k.unit, k.limits_key, k.bin) AS ref
    FROM (
        SELECT r.batch_id, m.name, m.unit, m.low, m.high, m.reading,
               CASE WHEN m.low IS NULL THEN '-' ELSE CAST(m.low AS VARCHAR(30)) END || '|'
                   || CASE WHEN m.high IS NULL THEN '-' ELSE CAST(m.high AS VARCHAR(30)) END AS limits_key,
               CAST(CASE
                   WHEN m.low IS NOT NULL AND m.high IS NOT NULL AND m.high > m.low
                       THEN GREATEST(-10, LEAST(29, FLOOR((m.reading - m.low) / ((m.high - m.low) / 20))))
                   WHEN COALESCE(m.low, m.high) = 0
                       THEN GREATEST(-100, LEAST(100, FLOOR(m.reading / 0.1)))
                   WHEN COALESCE(m.low, m.high) IS NOT NULL
                       THEN GREATEST(-100, LEAST(100, FLOOR((m.reading - COALESCE(m.low, m.high))
                           / POWER(10, FLOOR(LOG10(ABS(COALESCE(m.low, m.high)))) - 1))))
                   ELSE FLOOR(m.reading)
               END AS INT) AS bin
        FROM measurement m JOIN run r ON r.id = m.run_id
        WHERE m.verdict IN ('PASS', 'FAIL') AND m.reading IS NOT NULL
    ) k
) t
GROUP BY batch_id, name, unit, limits_key, bin;
