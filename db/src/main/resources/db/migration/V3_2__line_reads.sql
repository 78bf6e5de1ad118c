-- What the line page reads every few seconds: the runs of the last day, found by when they
-- started rather than by scanning a central database of millions of runs. Portable SQL: H2 and
-- PostgreSQL.

CREATE INDEX run_started ON run (started_at);
