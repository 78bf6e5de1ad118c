package io.benchline.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers for the stored records. */
final class Rows {
    static final String RUN_COLUMNS = """
            r.id, b.serial, ba.name AS batch, r.station, r.operator, r.fixture, r.plan_name, r.plan_version,
            r.plan_sha256, r.firmware_sha256, r.software_version, r.started_at, r.ended_at, r.verdict,
            r.failed_step, r.hint, r.message, r.uid, r.position, r.panel_label""";
    static final String RUN_FROM = " FROM run r JOIN board b ON b.id = r.board_id JOIN batch ba ON ba.id = r.batch_id ";

    static final RowMapper<RunRow> RUN = (rs, ctx) -> new RunRow(
            rs.getLong("id"),
            rs.getString("serial"),
            rs.getString("batch"),
            rs.getString("station"),
            rs.getString("operator"),
            rs.getString("fixture"),
            rs.getString("plan_name"),
            rs.getString("plan_version"),
            rs.getString("plan_sha256"),
            rs.getString("firmware_sha256"),
            rs.getString("software_version"),
            instant(rs, "started_at"),
            instant(rs, "ended_at"),
            verdict(rs, "verdict"),
            rs.getString("failed_step"),
            rs.getString("hint"),
            rs.getString("message"),
            rs.getString("uid"),
            rs.getObject("position", Integer.class),
            rs.getString("panel_label"));

    static final RowMapper<StepRow> STEP = (rs, ctx) -> new StepRow(
            rs.getLong("id"),
            rs.getLong("run_id"),
            rs.getInt("seq"),
            rs.getString("name"),
            rs.getString("kind"),
            instant(rs, "started_at"),
            instant(rs, "ended_at"),
            verdict(rs, "verdict"),
            rs.getString("message"));

    static final RowMapper<MeasurementRow> MEASUREMENT = (rs, ctx) -> new MeasurementRow(
            rs.getLong("id"),
            rs.getLong("step_id"),
            rs.getLong("run_id"),
            rs.getString("name"),
            nullableDouble(rs, "reading"),
            rs.getString("unit"),
            nullableDouble(rs, "low"),
            nullableDouble(rs, "high"),
            verdict(rs, "verdict"),
            instrument(rs));

    /** The instrument columns a measurement query joined ({@link #MEASUREMENT_INSTRUMENT}), or null. */
    private static InstrumentIdentity instrument(ResultSet rs) throws SQLException {
        String make = rs.getString("instrument_make");
        return make == null
                ? null
                : new InstrumentIdentity(
                        make,
                        rs.getString("instrument_model"),
                        rs.getString("instrument_serial"),
                        rs.getString("instrument_firmware"));
    }

    /** A measurement's columns with its instrument's: what {@link #MEASUREMENT} maps. */
    static final String MEASUREMENT_INSTRUMENT = "m.*, i.make AS instrument_make, i.model AS instrument_model,"
            + " i.serial AS instrument_serial, i.firmware AS instrument_firmware"
            + " FROM measurement m LEFT JOIN instrument i ON i.id = m.instrument_id ";

    private Rows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Verdict verdict(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Verdict.valueOf(v.trim());
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
