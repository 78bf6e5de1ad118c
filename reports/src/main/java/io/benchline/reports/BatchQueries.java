package io.benchline.reports;

import io.benchline.db.Verdict;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what batch reports need from the results database. Kept to the run rows of the batch
 * and the measurement tallies, so a 100 000-board batch reports in well under a second.
 */
public final class BatchQueries {
    private final Jdbi jdbi;

    public BatchQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Yield, failures and time series; what the demo summary and the run API show. */
    public YieldReport yield(String batch) {
        return jdbi.withHandle(h -> batchId(h, batch).map(id -> YieldCalculator.compute(batch, runs(h, id)))
                .orElseGet(() -> YieldCalculator.compute(batch, List.of())));
    }

    /** The whole report, or empty when no such batch exists. */
    public Optional<BatchReport> report(String batch) {
        return jdbi.withHandle(h -> {
            Optional<BatchRow> b = batchRow(h, batch);
            return b.map(row -> new BatchReport(batch, row.product(), YieldCalculator.compute(batch, runs(h, row.id())),
                    MeasurementTallies.read(h, row.id()), Instant.now()));
        });
    }

    public List<BatchSummary> batches() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT ba.name, ba.product, ba.created_at, (SELECT COUNT(*) FROM run r WHERE r.batch_id = ba.id) AS runs
                        FROM batch ba ORDER BY ba.created_at DESC, ba.name""")
                .map((rs, ctx) -> new BatchSummary(rs.getString("name"), rs.getString("product"),
                        rs.getTimestamp("created_at").toInstant(), rs.getLong("runs")))
                .list());
    }

    private record BatchRow(long id, String product) {
    }

    private static Optional<BatchRow> batchRow(Handle h, String batch) {
        return h.createQuery("SELECT id, product FROM batch WHERE name = :name").bind("name", batch)
                .map((rs, ctx) -> new BatchRow(rs.getLong("id"), rs.getString("product"))).findFirst();
    }

    private static Optional<Long> batchId(Handle h, String batch) {
        return batchRow(h, batch).map(BatchRow::id);
    }

    /** The batch's runs, oldest first, each FAIL with its first failing measurement. */
    static List<BatchRun> runs(Handle h, long batchId) {
        Map<Long, String> firstFailing = new HashMap<>();
        h.createQuery("""
                        SELECT m.run_id, m.name FROM run r JOIN measurement m ON m.run_id = r.id
                        WHERE r.batch_id = :batch AND r.verdict = 'FAIL' AND m.verdict = 'FAIL'
                        ORDER BY m.run_id, m.id""")
                .bind("batch", batchId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> firstFailing.putIfAbsent(e.getKey(), e.getValue()));
        List<BatchRun> out = new ArrayList<>();
        h.createQuery("""
                        SELECT r.id, r.board_id, r.started_at, r.verdict, r.failed_step, r.hint
                        FROM run r WHERE r.batch_id = :batch""")
                .bind("batch", batchId)
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long id = rs.getLong(1);
                    String v = rs.getString(4);
                    // as OffsetDateTime: H2's getTimestamp converts through the JVM's zone, several times slower
                    OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
                    return new BatchRun(id, rs.getLong(2), t.toInstant(), v == null ? null : Verdict.valueOf(v.trim()),
                            rs.getString(5), rs.getString(6), firstFailing.get(id));
                })
                .forEach(out::add);
        // sorted here rather than by H2, which sorts 100 000 rows slower than it reads them; they come
        // in about this order from the batch index, which TimSort runs through in one pass
        out.sort(Comparator.comparing(BatchRun::startedAt).thenComparingLong(BatchRun::runId));
        return out;
    }
}
