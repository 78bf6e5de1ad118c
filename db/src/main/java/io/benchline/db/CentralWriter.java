package io.benchline.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes forwarded runs into the line's central PostgreSQL: many runs per transaction, each run
 * stored once by its line-wide id ({@code ON CONFLICT (line_id) DO NOTHING}), its board and batch
 * created on first sight, its steps, measurements and tally counts written only if the run itself
 * was new in this transaction. Rows go in as arrays ({@code unnest}): one round trip per table.
 * Rows every station may touch (batches, boards, tallies) are written in key order, so two
 * stations forwarding at once wait for each other at worst, never deadlock.
 * PostgreSQL only.
 */
final class CentralWriter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CentralWriter.class);
    private static final String LIMITS = "SET LOCAL lock_timeout = '10s'; SET LOCAL statement_timeout = '30s'";
    private static final String BATCHES = """
            INSERT INTO batch (name, product, created_at)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) AS v(name, product, created_at)
            ORDER BY name
            ON CONFLICT (name) DO NOTHING""";
    private static final String BATCH_IDS = "SELECT id, name FROM batch WHERE name = ANY(?::varchar[])";
    private static final String BOARDS = """
            INSERT INTO board (serial, product, first_seen)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) AS v(serial, product, first_seen)
            ORDER BY serial
            ON CONFLICT (serial) DO NOTHING""";
    private static final String BOARD_IDS = "SELECT id, serial FROM board WHERE serial = ANY(?::varchar[])";
    private static final String RUNS = """
            INSERT INTO run (board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                             firmware_sha256, software_version, started_at, ended_at, verdict, failed_step, hint,
                             message, uid, line_id, position, panel_label)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                                 ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::varchar[], ?::int[], ?::varchar[])
            ON CONFLICT (line_id) DO NOTHING
            RETURNING id, line_id""";
    private static final String STEP_IDS =
            "SELECT nextval(pg_get_serial_sequence('step', 'id')) FROM generate_series(1, ?)";
    private static final String STEPS = """
            INSERT INTO step (id, run_id, seq, name, kind, started_at, ended_at, verdict, message)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                                 ?::timestamptz[], ?::varchar[], ?::varchar[])""";
    private static final String MEASUREMENTS = """
            INSERT INTO measurement (step_id, run_id, name, reading, unit, low, high, verdict, instrument_id,
                                     marginal)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::float8[], ?::varchar[], ?::float8[],
                                 ?::float8[], ?::varchar[], ?::bigint[], ?::boolean[])""";
    /** Instruments in key order (two stations forwarding the same meter wait, never deadlock). */
    private static final String INSTRUMENTS = """
            INSERT INTO instrument (make, model, serial, firmware, first_seen)
            SELECT v.make, v.model, v.serial, v.firmware, now()
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS v(make, model, serial, firmware)
            ORDER BY v.make, v.model, v.serial, v.firmware
            ON CONFLICT (make, model, serial, firmware) DO NOTHING""";

    private static final String INSTRUMENT_IDS = """
            SELECT i.id, i.make, i.model, i.serial, i.firmware
            FROM instrument i JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                 AS v(make, model, serial, firmware)
                 ON i.make = v.make AND i.model = v.model AND i.serial = v.serial AND i.firmware = v.firmware""";
    private static final String BOARD_UID = "UPDATE board SET uid = ? WHERE id = ? AND uid IS DISTINCT FROM ?";
    /** A row counted before keeps its reference reading; the new sums are shifted onto it. */
    private static final String TALLY = """
            INSERT INTO measurement_tally AS t (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2,
                                                min_reading, max_reading, marginal)
            SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::float8[],
                                 ?::int[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                                 ?::bigint[])
                     AS v(batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading,
                          marginal)
            ORDER BY batch_id, name, unit, limits_key, bin
            ON CONFLICT (batch_id, name, unit, limits_key, bin) DO UPDATE SET
                n = t.n + EXCLUDED.n,
                s1 = t.s1 + EXCLUDED.s1 + EXCLUDED.n * (EXCLUDED.ref - t.ref),
                s2 = t.s2 + EXCLUDED.s2 + 2 * (EXCLUDED.ref - t.ref) * EXCLUDED.s1
                     + EXCLUDED.n * (EXCLUDED.ref - t.ref) * (EXCLUDED.ref - t.ref),
                min_reading = LEAST(t.min_reading, EXCLUDED.min_reading),
                max_reading = GREATEST(t.max_reading, EXCLUDED.max_reading),
                marginal = t.marginal + EXCLUDED.marginal""";

    private static final String BEAT = """
            INSERT INTO station_status AS s (name, state, batch, plan_name, software_version, backlog, oldest_waiting,
                                             last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, batch = EXCLUDED.batch,
                plan_name = EXCLUDED.plan_name, software_version = EXCLUDED.software_version,
                backlog = EXCLUDED.backlog, oldest_waiting = EXCLUDED.oldest_waiting, last_seen = EXCLUDED.last_seen""";

    /** What the station says of itself with a write: its state and what still waits after it. */
    record Beat(StationState state, long backlog, Instant oldestWaiting, Instant at) {}

    private final DataSource pool;
    /** Batch names to central ids, learnt from committed transactions only (a batch is never deleted). */
    private final Map<String, Long> batchIds = new HashMap<>();

    CentralWriter(DataSource pool) {
        this.pool = pool;
    }

    /** Stores the runs not stored yet, with the heartbeat, in one transaction; returns how many were new. */
    int write(List<ClosedRun> runs, Beat beat) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long[] t = new long[8];
                t[0] = System.nanoTime();
                limits(c);
                Map<String, Long> learnt = new HashMap<>();
                Map<String, Long> batches = batches(c, runs, learnt);
                Map<String, Long> boards = boards(c, runs);
                t[1] = System.nanoTime();
                Map<String, Long> fresh = runs(c, runs, batches, boards);
                t[2] = System.nanoTime();
                List<ClosedRun> inserted = new ArrayList<>(fresh.size());
                for (ClosedRun r : runs) {
                    if (fresh.containsKey(r.lineId())) {
                        inserted.add(r);
                    }
                }
                steps(c, inserted, fresh);
                t[3] = System.nanoTime();
                uids(c, inserted, boards);
                tally(c, inserted, batches);
                t[4] = System.nanoTime();
                if (beat != null) {
                    beat(c, beat);
                }
                c.commit();
                t[5] = System.nanoTime();
                if (LOG.isDebugEnabled()) {
                    LOG.debug(
                            "central: batches and boards {} ms, runs {} ms, steps and measurements {} ms, uids and tally {} ms,"
                                    + " heartbeat and commit {} ms",
                            (t[1] - t[0]) / 1_000_000,
                            (t[2] - t[1]) / 1_000_000,
                            (t[3] - t[2]) / 1_000_000,
                            (t[4] - t[3]) / 1_000_000,
                            (t[5] - t[4]) / 1_000_000);
                }
                batchIds.putAll(learnt);
                return inserted.size();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    /** The heartbeat alone, when there was nothing to forward. */
    void beat(Beat beat) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            beat(c, beat);
        }
    }

    private static void limits(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(LIMITS);
        }
    }

    private Map<String, Long> batches(Connection c, List<ClosedRun> runs, Map<String, Long> learnt)
            throws SQLException {
        Map<String, ClosedRun> unknown = new TreeMap<>();
        for (ClosedRun r : runs) {
            if (!batchIds.containsKey(r.start().batch())) {
                unknown.putIfAbsent(r.start().batch(), r);
            }
        }
        Map<String, Long> ids = new HashMap<>(batchIds);
        if (unknown.isEmpty()) {
            return ids;
        }
        String[] names = unknown.keySet().toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement(BATCHES)) {
            s.setArray(1, c.createArrayOf("varchar", names));
            s.setArray(
                    2, strings(c, unknown.values().stream().map(r -> r.start().product())));
            s.setArray(3, times(c, unknown.values().stream().map(ClosedRun::batchCreatedAt)));
            s.executeUpdate();
        }
        learnt.putAll(ids(c, BATCH_IDS, names));
        ids.putAll(learnt);
        return ids;
    }

    private static Map<String, Long> boards(Connection c, List<ClosedRun> runs) throws SQLException {
        Map<String, ClosedRun> first = new TreeMap<>();
        for (ClosedRun r : runs) {
            first.putIfAbsent(r.start().serial(), r);
        }
        String[] serials = first.keySet().toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement(BOARDS)) {
            s.setArray(1, c.createArrayOf("varchar", serials));
            s.setArray(2, strings(c, first.values().stream().map(ClosedRun::boardProduct)));
            s.setArray(3, times(c, first.values().stream().map(ClosedRun::boardFirstSeen)));
            s.executeUpdate();
        }
        return ids(c, BOARD_IDS, serials);
    }

    private static Map<String, Long> ids(Connection c, String sql, String[] keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", keys));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        if (ids.size() != keys.length) {
            throw new SQLException(
                    "rows missing after their insert: " + keys.length + " asked, " + ids.size() + " found");
        }
        return ids;
    }

    /** Inserts the runs not stored yet; returns line id to central id of those this transaction inserted. */
    private static Map<String, Long> runs(
            Connection c, List<ClosedRun> runs, Map<String, Long> batches, Map<String, Long> boards)
            throws SQLException {
        int n = runs.size();
        Long[] board = new Long[n];
        Long[] batch = new Long[n];
        String[][] text = new String[14][n];
        String[] started = new String[n];
        String[] ended = new String[n];
        Integer[] position = new Integer[n];
        String[] panelLabel = new String[n];
        for (int i = 0; i < n; i++) {
            ClosedRun r = runs.get(i);
            RunStart st = r.start();
            position[i] = st.position();
            panelLabel[i] = st.panelLabel();
            board[i] = boards.get(st.serial());
            batch[i] = batches.get(st.batch());
            text[0][i] = st.station();
            text[1][i] = st.operator();
            text[2][i] = st.fixture();
            text[3][i] = st.planName();
            text[4][i] = st.planVersion();
            text[5][i] = st.planSha256();
            text[6][i] = st.firmwareSha256();
            text[7][i] = st.softwareVersion();
            text[8][i] = r.end().verdict().name();
            text[9][i] = r.end().failedStep();
            text[10][i] = r.end().hint();
            text[11][i] = r.end().message();
            text[12][i] = r.uid();
            text[13][i] = r.lineId();
            started[i] = time(r.startedAt());
            ended[i] = time(r.endedAt());
        }
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(RUNS)) {
            int p = 1;
            s.setArray(p++, c.createArrayOf("int8", board));
            s.setArray(p++, c.createArrayOf("int8", batch));
            for (int k = 0; k < 8; k++) {
                s.setArray(p++, c.createArrayOf("varchar", text[k]));
            }
            s.setArray(p++, c.createArrayOf("varchar", started));
            s.setArray(p++, c.createArrayOf("varchar", ended));
            for (int k = 8; k < 14; k++) {
                s.setArray(p++, c.createArrayOf("varchar", text[k]));
            }
            s.setArray(p++, c.createArrayOf("int4", position));
            s.setArray(p, c.createArrayOf("varchar", panelLabel));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return inserted;
    }

    private static void steps(Connection c, List<ClosedRun> runs, Map<String, Long> runIds) throws SQLException {
        int n = 0;
        int readings = 0;
        for (ClosedRun r : runs) {
            n += r.steps().size();
            for (StepRecord st : r.steps()) {
                readings += st.measurements().size();
            }
        }
        if (n == 0) {
            return;
        }
        long[] ids = stepIds(c, n);
        Map<InstrumentIdentity, Long> instruments = instruments(c, runs);
        Long[] id = new Long[n];
        Long[] run = new Long[n];
        Integer[] seq = new Integer[n];
        String[][] text = new String[4][n];
        String[] started = new String[n];
        String[] ended = new String[n];
        Long[] mStep = new Long[readings];
        Long[] mRun = new Long[readings];
        String[] mName = new String[readings];
        Double[] mReading = new Double[readings];
        String[] mUnit = new String[readings];
        Double[] mLow = new Double[readings];
        Double[] mHigh = new Double[readings];
        String[] mVerdict = new String[readings];
        Long[] mInstrument = new Long[readings];
        Boolean[] mMarginal = new Boolean[readings];
        int i = 0;
        int m = 0;
        for (ClosedRun r : runs) {
            long runId = runIds.get(r.lineId());
            for (StepRecord st : r.steps()) {
                id[i] = ids[i];
                run[i] = runId;
                seq[i] = st.seq();
                text[0][i] = st.name();
                text[1][i] = st.kind();
                text[2][i] = st.verdict().name();
                text[3][i] = st.message();
                started[i] = time(st.startedAt());
                ended[i] = time(st.endedAt());
                for (MeasurementRecord x : st.measurements()) {
                    mStep[m] = ids[i];
                    mRun[m] = runId;
                    mName[m] = x.name();
                    mReading[m] = x.reading();
                    mUnit[m] = x.unit();
                    mLow[m] = x.low();
                    mHigh[m] = x.high();
                    mVerdict[m] = x.verdict().name();
                    mInstrument[m] = x.instrument() == null ? null : instruments.get(x.instrument());
                    mMarginal[m] = x.marginal();
                    m++;
                }
                i++;
            }
        }
        try (PreparedStatement s = c.prepareStatement(STEPS)) {
            s.setArray(1, c.createArrayOf("int8", id));
            s.setArray(2, c.createArrayOf("int8", run));
            s.setArray(3, c.createArrayOf("int4", seq));
            s.setArray(4, c.createArrayOf("varchar", text[0]));
            s.setArray(5, c.createArrayOf("varchar", text[1]));
            s.setArray(6, c.createArrayOf("varchar", started));
            s.setArray(7, c.createArrayOf("varchar", ended));
            s.setArray(8, c.createArrayOf("varchar", text[2]));
            s.setArray(9, c.createArrayOf("varchar", text[3]));
            s.executeUpdate();
        }
        if (readings == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(MEASUREMENTS)) {
            s.setArray(1, c.createArrayOf("int8", mStep));
            s.setArray(2, c.createArrayOf("int8", mRun));
            s.setArray(3, c.createArrayOf("varchar", mName));
            s.setArray(4, c.createArrayOf("float8", mReading));
            s.setArray(5, c.createArrayOf("varchar", mUnit));
            s.setArray(6, c.createArrayOf("float8", mLow));
            s.setArray(7, c.createArrayOf("float8", mHigh));
            s.setArray(8, c.createArrayOf("varchar", mVerdict));
            s.setArray(9, c.createArrayOf("int8", mInstrument));
            s.setArray(10, c.createArrayOf("bool", mMarginal));
            s.executeUpdate();
        }
    }

    /** The central ids of the instruments that took the runs' readings, stored on first sight (V12). */
    private static Map<InstrumentIdentity, Long> instruments(Connection c, List<ClosedRun> runs) throws SQLException {
        java.util.Set<InstrumentIdentity> seen = new java.util.LinkedHashSet<>();
        for (ClosedRun r : runs) {
            for (StepRecord st : r.steps()) {
                for (MeasurementRecord m : st.measurements()) {
                    if (m.instrument() != null) {
                        seen.add(m.instrument());
                    }
                }
            }
        }
        Map<InstrumentIdentity, Long> ids = new HashMap<>();
        if (seen.isEmpty()) {
            return ids;
        }
        String[][] cols = new String[4][seen.size()];
        int k = 0;
        for (InstrumentIdentity i : seen) {
            cols[0][k] = i.make();
            cols[1][k] = i.model();
            cols[2][k] = i.serial();
            cols[3][k] = i.firmware();
            k++;
        }
        try (PreparedStatement s = c.prepareStatement(INSTRUMENTS)) {
            bindIdentities(c, s, cols);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSTRUMENT_IDS)) {
            bindIdentities(c, s, cols);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(
                            new InstrumentIdentity(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                            rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void bindIdentities(Connection c, PreparedStatement s, String[][] cols) throws SQLException {
        for (int col = 0; col < cols.length; col++) {
            s.setArray(col + 1, c.createArrayOf("varchar", cols[col]));
        }
    }

    /** Step ids taken from the table's sequence up front, so measurements can name their step in the same round trip. */
    private static long[] stepIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = c.prepareStatement(STEP_IDS)) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the step sequence gave fewer ids than asked");
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Binds the MCU unique ID to the board as the station's own store does: the latest run that read one wins. */
    private static void uids(Connection c, List<ClosedRun> runs, Map<String, Long> boards) throws SQLException {
        Map<Long, String> latest = new TreeMap<>();
        for (ClosedRun r : runs) {
            if (r.uid() != null) {
                latest.put(boards.get(r.start().serial()), r.uid());
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(BOARD_UID)) {
            for (Map.Entry<Long, String> e : latest.entrySet()) {
                s.setString(1, e.getValue());
                s.setLong(2, e.getKey());
                s.setString(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void tally(Connection c, List<ClosedRun> runs, Map<String, Long> batches) throws SQLException {
        TallySums sums = new TallySums();
        for (ClosedRun r : runs) {
            long batchId = batches.get(r.start().batch());
            for (StepRecord st : r.steps()) {
                for (MeasurementRecord m : st.measurements()) {
                    sums.add(batchId, m);
                }
            }
        }
        int n = sums.rows().size();
        if (n == 0) {
            return;
        }
        Long[] batch = new Long[n];
        String[] name = new String[n];
        String[] unit = new String[n];
        String[] limits = new String[n];
        Double[] low = new Double[n];
        Double[] high = new Double[n];
        Integer[] bin = new Integer[n];
        Long[] count = new Long[n];
        Long[] marginal = new Long[n];
        Double[][] v = new Double[5][n];
        int i = 0;
        for (Map.Entry<TallySums.Key, TallySums.Sums> e : sums.rows().entrySet()) {
            TallySums.Key k = e.getKey();
            TallySums.Sums s = e.getValue();
            batch[i] = k.batchId();
            name[i] = k.name();
            unit[i] = k.unit();
            limits[i] = k.limitsKey();
            low[i] = s.low;
            high[i] = s.high;
            bin[i] = k.bin();
            count[i] = s.n;
            marginal[i] = s.marginal;
            v[0][i] = s.ref;
            v[1][i] = s.s1;
            v[2][i] = s.s2;
            v[3][i] = s.min;
            v[4][i] = s.max;
            i++;
        }
        try (PreparedStatement s = c.prepareStatement(TALLY)) {
            s.setArray(1, c.createArrayOf("int8", batch));
            s.setArray(2, c.createArrayOf("varchar", name));
            s.setArray(3, c.createArrayOf("varchar", unit));
            s.setArray(4, c.createArrayOf("varchar", limits));
            s.setArray(5, c.createArrayOf("float8", low));
            s.setArray(6, c.createArrayOf("float8", high));
            s.setArray(7, c.createArrayOf("int4", bin));
            s.setArray(8, c.createArrayOf("int8", count));
            for (int k = 0; k < 5; k++) {
                s.setArray(9 + k, c.createArrayOf("float8", v[k]));
            }
            s.setArray(14, c.createArrayOf("int8", marginal));
            s.executeUpdate();
        }
    }

    private static void beat(Connection c, Beat beat) throws SQLException {
        StationState st = beat.state();
        try (PreparedStatement s = c.prepareStatement(BEAT)) {
            s.setString(1, st.station());
            s.setString(2, st.state());
            setString(s, 3, st.batch());
            setString(s, 4, st.plan());
            setString(s, 5, st.softwareVersion());
            s.setLong(6, beat.backlog());
            if (beat.oldestWaiting() == null) {
                s.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setTimestamp(7, Timestamp.from(beat.oldestWaiting()));
            }
            s.setTimestamp(8, Timestamp.from(beat.at()));
            s.executeUpdate();
        }
    }

    private static Array strings(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(String[]::new));
    }

    private static Array times(Connection c, java.util.stream.Stream<Instant> values) throws SQLException {
        return c.createArrayOf("varchar", values.map(CentralWriter::time).toArray(String[]::new));
    }

    /** ISO 8601 in UTC, which PostgreSQL reads as a timestamptz whatever the session's time zone. */
    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static void setString(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
    }

    private static void rollbackQuietly(Connection c, Exception e) {
        try {
            c.rollback();
        } catch (SQLException rollback) {
            e.addSuppressed(rollback);
        }
    }
}
