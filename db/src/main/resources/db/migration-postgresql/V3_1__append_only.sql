-- The line's central database only (PostgreSQL): results are append-only, enforced here and not
-- only by Benchline's code. A run may be inserted, and closed once (its verdict set); a closed
-- run is never changed again, and no run, step or measurement is ever deleted, whoever asks
-- (the triggers bind the tables' owner too; an administrator who must repair data disables them
-- explicitly, in the open). Stations connect as login roles granted benchline_station (see
-- docs/central.md): they may insert results and update only what a station's store updates.

CREATE FUNCTION benchline_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'results are append-only: % rows are never deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION benchline_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.verdict IS NOT NULL THEN
        RAISE EXCEPTION 'results are append-only: run % is closed (%) and is never changed', OLD.id, OLD.verdict
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER run_no_delete BEFORE DELETE ON run FOR EACH ROW EXECUTE FUNCTION benchline_refuse_delete();
CREATE TRIGGER step_no_delete BEFORE DELETE ON step FOR EACH ROW EXECUTE FUNCTION benchline_refuse_delete();
CREATE TRIGGER measurement_no_delete BEFORE DELETE ON measurement FOR EACH ROW EXECUTE FUNCTION benchline_refuse_delete();
CREATE TRIGGER run_closed_once BEFORE UPDATE ON run FOR EACH ROW EXECUTE FUNCTION benchline_refuse_rewrite();
-- TRUNCATE fires no row trigger
CREATE TRIGGER run_no_truncate BEFORE TRUNCATE ON run FOR EACH STATEMENT EXECUTE FUNCTION benchline_refuse_delete();
CREATE TRIGGER step_no_truncate BEFORE TRUNCATE ON step FOR EACH STATEMENT EXECUTE FUNCTION benchline_refuse_delete();
CREATE TRIGGER measurement_no_truncate BEFORE TRUNCATE ON measurement FOR EACH STATEMENT EXECUTE FUNCTION benchline_refuse_delete();
