-- Run by Flyway after every `benchline central migrate` (a callback, not a migration): the role
-- stations log in under, and its rights on the tables as they now are. Idempotent; a new table
-- in a later migration is granted here too. Roles belong to the whole server: the first database
-- migrated creates it (this needs CREATEROLE; without it, a superuser creates the role once by
-- hand, see docs/central.md), the others find it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'benchline_station') THEN
        CREATE ROLE benchline_station NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- another migration created it at the same moment
END;
$$;

GRANT USAGE ON SCHEMA public TO benchline_station;
REVOKE ALL ON batch, board, run, step, measurement, measurement_tally, station_status, forward_state
    FROM benchline_station;
-- reading: the retest and "already passed" checks, trace, reports, the line page, the schema check
GRANT SELECT ON batch, board, run, step, measurement, measurement_tally, station_status, flyway_schema_history
    TO benchline_station;
-- results: inserted, never deleted
GRANT INSERT ON batch, board, run, step, measurement, measurement_tally, station_status TO benchline_station;
-- updated only where a station's store updates: a run closed once (its verdict, its UID), a board's
-- UID, the tallies, the station's own heartbeat
GRANT UPDATE (verdict, ended_at, failed_step, hint, message, uid) ON run TO benchline_station;
GRANT UPDATE (uid) ON board TO benchline_station;
GRANT UPDATE (n, s1, s2, min_reading, max_reading) ON measurement_tally TO benchline_station;
GRANT UPDATE ON station_status TO benchline_station;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO benchline_station;
-- the MES route checks and result posts (docs/mes.md, V8), for a station whose results database is this one
GRANT SELECT, INSERT ON route_check, mes_result_post TO benchline_station;
GRANT UPDATE (run_id) ON route_check TO benchline_station;
GRANT UPDATE (state, attempts, last_attempt_at, last_error) ON mes_result_post TO benchline_station;
-- the CFX outbox (V7): a station writes its messages with its runs; its publisher reads its own
-- (by handle), marks them sent, and notes what it last saw of the broker
GRANT SELECT, INSERT ON cfx_outbox TO benchline_station;
GRANT UPDATE (sent_at) ON cfx_outbox TO benchline_station;
GRANT DELETE ON cfx_outbox TO benchline_station;
GRANT SELECT, UPDATE ON cfx_publisher TO benchline_station;
-- marginal passes counted per tally row (V11)
GRANT UPDATE (marginal) ON measurement_tally TO benchline_station;
-- live process control (V10): a station raises and updates its charts' alarms, operators acknowledge
-- them (an acknowledgement is added once, never changed); forwarded from stations by id
GRANT SELECT, INSERT ON spc_alarm, spc_ack TO benchline_station;
GRANT UPDATE (rules, points, last_at, last_serial, last_reading, last_rules) ON spc_alarm TO benchline_station;
-- instruments (V12): a station stores the identity of each instrument that took a reading (and
-- forwards it), and an engineer's calibration override
GRANT SELECT, INSERT ON instrument, calibration_override TO benchline_station;
-- golden-board checks (V13, docs/golden.md): a station stores its own, and reads them for the shift rule
GRANT SELECT, INSERT ON golden_check, golden_check_run, golden_check_figure TO benchline_station;
