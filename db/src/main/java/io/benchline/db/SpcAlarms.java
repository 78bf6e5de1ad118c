package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Control-chart alarms and their acknowledgements (migration V10). A chart (station, plan,
 * measurement) has at most one open alarm: a firing while it is open adds to it; once it is
 * acknowledged the next firing opens a new one. Each call is one transaction, committed before it
 * returns.
 */
public final class SpcAlarms {
    static final String SELECT = "SELECT a.*, k.id AS ack_id, k.at AS ack_at, k.operator AS ack_operator,"
            + " k.comment AS ack_comment FROM spc_alarm a LEFT JOIN spc_ack k ON k.alarm_id = a.id ";

    static final RowMapper<SpcAlarm> ALARM = (rs, ctx) -> {
        String ackId = rs.getString("ack_id");
        String id = rs.getString("id");
        return new SpcAlarm(
                id,
                rs.getString("station"),
                rs.getString("plan_name"),
                rs.getString("measurement"),
                rs.getString("unit"),
                rs.getString("batch"),
                rs.getDouble("centre"),
                rs.getDouble("sigma"),
                Rows.instant(rs, "opened_at"),
                rs.getString("first_serial"),
                rs.getDouble("first_reading"),
                split(rs.getString("rules")),
                rs.getInt("points"),
                Rows.instant(rs, "last_at"),
                rs.getString("last_serial"),
                rs.getDouble("last_reading"),
                split(rs.getString("last_rules")),
                ackId == null
                        ? null
                        : new SpcAck(
                                ackId,
                                id,
                                Rows.instant(rs, "ack_at"),
                                rs.getString("ack_operator"),
                                rs.getString("ack_comment")));
    };

    private final Jdbi jdbi;

    SpcAlarms(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Opens the chart's alarm for this firing, or adds the firing to the one already open; returns it as stored. */
    public SpcAlarm raise(SpcFiring f) {
        return jdbi.inTransaction(h -> {
            Optional<SpcAlarm> open = openFor(h, f.station(), f.planName(), f.measurement());
            if (open.isPresent()) {
                SpcAlarm a = open.get();
                Set<String> rules = new LinkedHashSet<>(a.rules());
                rules.addAll(f.rules());
                h.createUpdate("UPDATE spc_alarm SET rules = :rules, points = points + 1, last_at = :at,"
                                + " last_serial = :serial, last_reading = :reading, last_rules = :lastRules"
                                + " WHERE id = :id")
                        .bind("rules", String.join(",", rules))
                        .bind("at", Timestamp.from(f.at()))
                        .bind("serial", f.serial())
                        .bind("reading", f.reading())
                        .bind("lastRules", String.join(",", f.rules()))
                        .bind("id", a.id())
                        .execute();
                return byId(h, a.id()).orElseThrow();
            }
            String id = UUID.randomUUID().toString();
            h.createUpdate("INSERT INTO spc_alarm (id, station, plan_name, measurement, unit, batch, centre, sigma,"
                            + " opened_at, first_serial, first_reading, rules, points, last_at, last_serial,"
                            + " last_reading, last_rules) VALUES (:id, :station, :plan, :measurement, :unit, :batch,"
                            + " :centre, :sigma, :at, :serial, :reading, :rules, 1, :at, :serial, :reading, :rules)")
                    .bind("id", id)
                    .bind("station", f.station())
                    .bind("plan", f.planName())
                    .bind("measurement", f.measurement())
                    .bind("unit", f.unit())
                    .bind("batch", f.batch())
                    .bind("centre", f.centre())
                    .bind("sigma", f.sigma())
                    .bind("at", Timestamp.from(f.at()))
                    .bind("serial", f.serial())
                    .bind("reading", f.reading())
                    .bind("rules", String.join(",", f.rules()))
                    .execute();
            return byId(h, id).orElseThrow();
        });
    }

    /**
     * Acknowledges an open alarm: who, when, and an optional comment, as a row of its own. An alarm
     * already acknowledged keeps its first acknowledgement and is returned as it is; empty when there
     * is no such alarm.
     */
    public Optional<SpcAlarm> acknowledge(String alarmId, String operator, String comment, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<SpcAlarm> alarm = byId(h, alarmId);
            if (alarm.isEmpty() || !alarm.get().open()) {
                return alarm;
            }
            h.createUpdate("INSERT INTO spc_ack (id, alarm_id, at, operator, comment)"
                            + " VALUES (:id, :alarm, :at, :operator, :comment)")
                    .bind("id", UUID.randomUUID().toString())
                    .bind("alarm", alarmId)
                    .bind("at", Timestamp.from(at))
                    .bind("operator", operator)
                    .bind("comment", comment)
                    .execute();
            return byId(h, alarmId);
        });
    }

    public Optional<SpcAlarm> alarm(String id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    /** The station's open alarms, the most recently fired first. */
    public List<SpcAlarm> open(String station) {
        return jdbi.withHandle(h -> h.createQuery(
                        SELECT + "WHERE a.station = :station AND k.id IS NULL" + " ORDER BY a.last_at DESC, a.id")
                .bind("station", station)
                .map(ALARM)
                .list());
    }

    /** Every open alarm of every station (the line page), by station then the most recently fired first. */
    public List<SpcAlarm> openOnLine() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE k.id IS NULL ORDER BY a.station, a.last_at DESC")
                .map(ALARM)
                .list());
    }

    /** The station's alarms, open or acknowledged, newest first, at most limit of them. */
    public List<SpcAlarm> recent(String station, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE a.station = :station ORDER BY a.opened_at DESC, a.id")
                .bind("station", station)
                .setMaxRows(limit)
                .map(ALARM)
                .list());
    }

    private static Optional<SpcAlarm> openFor(Handle h, String station, String plan, String measurement) {
        return h.createQuery(SELECT + "WHERE a.station = :station AND a.plan_name = :plan"
                        + " AND a.measurement = :measurement AND k.id IS NULL")
                .bind("station", station)
                .bind("plan", plan)
                .bind("measurement", measurement)
                .map(ALARM)
                .findFirst();
    }

    private static Optional<SpcAlarm> byId(Handle h, String id) {
        return h.createQuery(SELECT + "WHERE a.id = :id")
                .bind("id", id)
                .map(ALARM)
                .findOne();
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(ids.split(",")));
    }
}
