-- Marginal limits: a reading inside its limits but in the plan's marginal band (near a limit)
-- passes and is flagged. Runs stored before this migration had no band: their readings are not
-- marginal. The tallies count marginal passes per bin, in the transaction that closes the run, so
-- a batch report counts them per measurement without rescanning the readings.
-- Portable SQL: H2 and PostgreSQL.

ALTER TABLE measurement ADD COLUMN marginal BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE measurement_tally ADD COLUMN marginal BIGINT DEFAULT 0 NOT NULL;
