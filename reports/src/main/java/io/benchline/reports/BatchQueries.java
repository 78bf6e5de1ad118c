package io.benchline.reports;

import io.benchline.db.Verdict;
import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads what yield reports need from the results database. */
public final class BatchQueries {
    private final Jdbi jdbi;

    public BatchQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public YieldReport yield(String batch) {
        return YieldCalculator.compute(batch, runs(batch));
    }

    public List<BatchRun> runs(String batch) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id, b.serial, r.started_at, r.verdict, r.failed_step, r.hint
                        FROM run r JOIN board b ON b.id = r.board_id JOIN batch ba ON ba.id = r.batch_id
                        WHERE ba.name = :batch ORDER BY r.started_at, r.id""")
                .bind("batch", batch)
                .map((rs, ctx) -> {
                    String v = rs.getString("verdict");
                    Timestamp t = rs.getTimestamp("started_at");
                    return new BatchRun(rs.getLong("id"), rs.getString("serial"), t.toInstant(),
                            v == null ? null : Verdict.valueOf(v.trim()), rs.getString("failed_step"), rs.getString("hint"));
                }).list());
    }

    public List<String> batches() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM batch ORDER BY created_at DESC, name")
                .mapTo(String.class).list());
    }
}
