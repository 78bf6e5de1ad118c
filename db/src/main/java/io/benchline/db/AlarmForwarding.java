package io.benchline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Forwards a station's control-chart alarms and acknowledgements to the line's central database,
 * idempotent by their UUIDs: an alarm is inserted once and its summary only ever moves forward
 * (more points), an acknowledgement is inserted once. Reads the station's {@link #RECENT} latest
 * alarms each time and sends only those changed since it last sent them (all of them after a start).
 * Confined to the forwarder's thread.
 */
final class AlarmForwarding {
    /** Alarms read back each round: a station raises a handful a batch. */
    static final int RECENT = 200;

    private static final String UPSERT = "INSERT INTO spc_alarm (id, station, plan_name, measurement, unit, batch,"
            + " centre, sigma, opened_at, first_serial, first_reading, rules, points, last_at, last_serial,"
            + " last_reading, last_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET rules = EXCLUDED.rules, points = EXCLUDED.points,"
            + " last_at = EXCLUDED.last_at, last_serial = EXCLUDED.last_serial, last_reading = EXCLUDED.last_reading,"
            + " last_rules = EXCLUDED.last_rules WHERE spc_alarm.points < EXCLUDED.points";
    private static final String ACK = "INSERT INTO spc_ack (id, alarm_id, at, operator, comment)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** What was last sent of each alarm: its points and whether it was acknowledged. */
    private final Map<String, String> sent = new HashMap<>();

    /** Sends the alarms changed since the last call; returns how many. */
    int forward(Connection local, DataSource central) throws SQLException {
        List<SpcAlarm> changed = new ArrayList<>();
        try (PreparedStatement s = local.prepareStatement(
                SpcAlarms.SELECT + "ORDER BY a.last_at DESC, a.id FETCH FIRST " + RECENT + " ROWS ONLY")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SpcAlarm a = SpcAlarms.ALARM.map(rs, null);
                    if (!signature(a).equals(sent.get(a.id()))) {
                        changed.add(a);
                    }
                }
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        try (Connection c = central.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement(UPSERT);
                    PreparedStatement ack = c.prepareStatement(ACK)) {
                for (SpcAlarm a : changed) {
                    int i = 1;
                    up.setString(i++, a.id());
                    up.setString(i++, a.station());
                    up.setString(i++, a.planName());
                    up.setString(i++, a.measurement());
                    up.setString(i++, a.unit());
                    up.setString(i++, a.batch());
                    up.setDouble(i++, a.centre());
                    up.setDouble(i++, a.sigma());
                    up.setTimestamp(i++, Timestamp.from(a.openedAt()));
                    up.setString(i++, a.firstSerial());
                    up.setDouble(i++, a.firstReading());
                    up.setString(i++, String.join(",", a.rules()));
                    up.setInt(i++, a.points());
                    up.setTimestamp(i++, Timestamp.from(a.lastAt()));
                    up.setString(i++, a.lastSerial());
                    up.setDouble(i++, a.lastReading());
                    up.setString(i, String.join(",", a.lastRules()));
                    up.addBatch();
                    if (a.ack() != null) {
                        ack.setString(1, a.ack().id());
                        ack.setString(2, a.id());
                        ack.setTimestamp(3, Timestamp.from(a.ack().at()));
                        ack.setString(4, a.ack().operator());
                        ack.setString(5, a.ack().comment());
                        ack.addBatch();
                    }
                }
                up.executeBatch();
                ack.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        changed.forEach(a -> sent.put(a.id(), signature(a)));
        return changed.size();
    }

    private static String signature(SpcAlarm a) {
        return a.points() + (a.open() ? "" : " acknowledged");
    }
}
