package io.benchline.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ResultStore}'s part of the outbox: asks {@link RunMessages} what to say of a run
 * and writes it, inside the store's transaction. Remembers the steps of the runs it saw begin,
 * so closing one reads nothing back; a run found cut off by a crash is read from the database.
 */
final class OutboxWriter {
    /** The store's prepared statements (on the transaction's connection). */
    interface Statements {
        PreparedStatement get(String sql) throws SQLException;
    }

    private record OpenRun(RunStart start, Instant startedAt, List<StepRecord> steps) {}

    private final RunMessages messages;
    private final Runnable onWritten;
    private final Map<Long, OpenRun> open = new HashMap<>();

    OutboxWriter(RunMessages messages, Runnable onWritten) {
        this.messages = messages;
        this.onWritten = onWritten;
    }

    /** In the transaction that stores the run row. */
    void begun(Statements s, long runId, RunStart start, Instant at) throws SQLException {
        insert(s, runId, messages.started(runId, start, at), at);
    }

    /** After the run row is committed. */
    void remember(long runId, RunStart start, Instant at) {
        open.put(runId, new OpenRun(start, at, new ArrayList<>()));
    }

    /** After a step is committed. */
    void step(long runId, StepRecord step) {
        OpenRun run = open.get(runId);
        if (run != null) {
            run.steps().add(step);
        }
    }

    /** In the transaction that closes the run (its last step, if any, stored in the same one). */
    void closed(Statements s, long runId, StepRecord lastStep, RunEnd end, Instant at) throws SQLException {
        OpenRun run = open.get(runId);
        RunClosed closed;
        if (run == null) {
            closed = stored(s, runId, end, at);
        } else {
            List<StepRecord> steps = new ArrayList<>(run.steps());
            if (lastStep != null) {
                steps.add(lastStep);
            }
            closed = new RunClosed(runId, run.start(), run.startedAt(), steps, end, at);
        }
        insert(s, runId, messages.closed(closed), at);
    }

    void forget(long runId) {
        open.remove(runId);
    }

    /** Tells the publisher that rows were committed. */
    void written() {
        onWritten.run();
    }

    private void insert(Statements s, long runId, List<OutboxMessage> out, Instant at) throws SQLException {
        if (out.isEmpty()) {
            return;
        }
        PreparedStatement insert = s.get(OutboxSql.INSERT);
        Timestamp created = Timestamp.from(at);
        for (OutboxMessage m : out) {
            insert.setString(1, m.uniqueId());
            insert.setString(2, m.source());
            insert.setLong(3, runId);
            insert.setString(4, m.messageName());
            insert.setString(5, m.subject());
            insert.setString(6, m.body());
            insert.setTimestamp(7, created);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** The run as the database holds it (steps and measurements stored before a crash). */
    private static RunClosed stored(Statements s, long runId, RunEnd end, Instant at) throws SQLException {
        PreparedStatement q = s.get(OutboxSql.RUN_START);
        q.setLong(1, runId);
        RunStart start;
        Instant startedAt;
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no run " + runId);
            }
            start = new RunStart(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getObject(13, Integer.class));
            startedAt = rs.getTimestamp(12).toInstant();
        }
        Map<Long, List<MeasurementRecord>> readings = new HashMap<>();
        PreparedStatement m = s.get(OutboxSql.MEASUREMENTS);
        m.setLong(1, runId);
        try (ResultSet rs = m.executeQuery()) {
            while (rs.next()) {
                readings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MeasurementRecord(
                                rs.getString(2),
                                Rows.nullableDouble(rs, "reading"),
                                rs.getString(4),
                                Rows.nullableDouble(rs, "low"),
                                Rows.nullableDouble(rs, "high"),
                                Rows.verdict(rs, "verdict")));
            }
        }
        Map<Long, StepRecord> steps = new LinkedHashMap<>();
        PreparedStatement q2 = s.get(OutboxSql.STEPS);
        q2.setLong(1, runId);
        try (ResultSet rs = q2.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                steps.put(
                        id,
                        new StepRecord(
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant(),
                                Rows.verdict(rs, "verdict"),
                                rs.getString(8),
                                readings.getOrDefault(id, List.of())));
            }
        }
        return new RunClosed(runId, start, startedAt, new ArrayList<>(steps.values()), end, at);
    }
}
