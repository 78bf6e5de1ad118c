package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Engineers' calibration overrides (table calibration_override, V12). Each is also an
 * engineer_action row (action calibration-override), written in the same transaction.
 */
public final class CalibrationRecords {
    private static final RowMapper<CalibrationOverride> OVERRIDE = (rs, ctx) -> new CalibrationOverride(
            Rows.instant(rs, "at"),
            rs.getString("author"),
            rs.getString("station"),
            rs.getString("role"),
            rs.getString("instrument"),
            rs.getObject("due", LocalDate.class),
            rs.getString("certificate"),
            rs.getString("reason"),
            Rows.instant(rs, "valid_until"));

    private final Jdbi jdbi;

    CalibrationRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void record(CalibrationOverride o) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO calibration_override (at, author, station, role, instrument, due, certificate,"
                            + " reason, valid_until) VALUES (:at, :author, :station, :role, :instrument, :due,"
                            + " :certificate, :reason, :until)")
                    .bind("at", Timestamp.from(o.at()))
                    .bind("author", o.author())
                    .bind("station", o.station())
                    .bind("role", o.role())
                    .bind("instrument", o.instrument())
                    .bind("due", o.due())
                    .bind("certificate", o.certificate())
                    .bind("reason", o.reason())
                    .bind("until", Timestamp.from(o.validUntil()))
                    .execute();
            h.createUpdate("INSERT INTO engineer_action (at, author, action, serial, station, reason, detail)"
                            + " VALUES (:at, :author, :action, NULL, :station, :reason, :detail)")
                    .bind("at", Timestamp.from(o.at()))
                    .bind("author", o.author())
                    .bind("action", EngineerAction.CALIBRATION_OVERRIDE)
                    .bind("station", o.station())
                    .bind("reason", o.reason())
                    .bind(
                            "detail",
                            o.role() + " " + o.instrument() + " calibration due " + o.due() + ", override until "
                                    + o.validUntil())
                    .execute();
        });
    }

    /**
     * The override in force at {@code now} for this station's instrument in this role with this due
     * date (the one that lasts longest), if any: one given for an earlier due date (the fixture
     * file's date changed since) does not count.
     */
    public Optional<CalibrationOverride> inForce(String station, String role, LocalDate due, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM calibration_override WHERE station = :station"
                        + " AND role = :role AND due = :due AND at <= :now"
                        + " AND valid_until > :now ORDER BY valid_until DESC, id DESC")
                .bind("station", station)
                .bind("role", role)
                .bind("due", due)
                .bind("now", Timestamp.from(now))
                .map(OVERRIDE)
                .findFirst());
    }

    /** The station's overrides, oldest first. */
    public List<CalibrationOverride> overrides(String station) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM calibration_override WHERE station = :station ORDER BY at, id")
                        .bind("station", station)
                        .map(OVERRIDE)
                        .list());
    }
}
