package io.benchline.db;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The reset flags runs saw (view reset_cause, V9): per run, and which runs saw a flag in a phase. */
public final class ResetCauseQueries {
    private static final Set<String> FLAGS = Set.of("por", "pin", "bor", "sft", "iwdg", "wwdg", "lpwr");
    private static final String COLUMNS = "run_id, phase, por, pin, bor, sft, iwdg, wwdg, lpwr, raw";

    private final Jdbi jdbi;

    ResetCauseQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The run's reset-cause reads, in phase order (power-on, end, watch). */
    public List<ResetCauseRow> ofRun(long runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reset_cause WHERE run_id = :run "
                        + "ORDER BY CASE phase WHEN 'power-on' THEN 0 WHEN 'end' THEN 1 ELSE 2 END")
                .bind("run", runId)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** Runs that saw the flag (por, pin, bor, sft, iwdg, wwdg, lpwr) in the phase, oldest first. */
    public List<Long> runsWith(String flag, String phase) {
        if (!FLAGS.contains(flag)) {
            throw new IllegalArgumentException("no reset flag '" + flag + "' (known: " + FLAGS + ")");
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT run_id FROM reset_cause WHERE phase = :phase AND " + flag + " = 1 ORDER BY run_id")
                .bind("phase", phase)
                .mapTo(Long.class)
                .list());
    }

    private static ResetCauseRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResetCauseRow(
                rs.getLong("run_id"),
                rs.getString("phase"),
                rs.getInt("por"),
                rs.getInt("pin"),
                rs.getInt("bor"),
                rs.getInt("sft"),
                rs.getInt("iwdg"),
                rs.getInt("wwdg"),
                rs.getInt("lpwr"),
                rs.getLong("raw"));
    }
}
