package io.benchline.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads the history of boards: every run of a serial (or of an MCU UID), with steps and measurements. */
public final class TraceQueries {
    private final Jdbi jdbi;

    TraceQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every run of the board, newest first. */
    public List<RunDetail> board(String serial) {
        return jdbi.withHandle(h -> details(
                h,
                h.createQuery("SELECT " + Rows.RUN_COLUMNS + Rows.RUN_FROM
                                + "WHERE b.serial = :serial ORDER BY r.started_at DESC, r.id DESC")
                        .bind("serial", serial)
                        .map(Rows.RUN)
                        .list()));
    }

    /** The serial a unique ID was bound to, if any. */
    public Optional<String> serialOfUid(String uid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT serial FROM board WHERE uid = :uid")
                .bind("uid", uid.toUpperCase())
                .mapTo(String.class)
                .findFirst());
    }

    /**
     * Every serial a unique ID was ever read on, in order: the boards that carry it now, and boards whose
     * runs read it before (a chip moved to another board, or a board reworked with a new chip).
     */
    public List<String> serialsOfUid(String uid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT serial FROM board WHERE uid = :uid
                        UNION SELECT b.serial FROM run r JOIN board b ON b.id = r.board_id WHERE r.uid = :uid
                        ORDER BY serial""")
                .bind("uid", uid.toUpperCase())
                .mapTo(String.class)
                .list());
    }

    /** Whether any run of the board passed: the question a retest asks. */
    public boolean hasPassed(String serial) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run r JOIN board b ON b.id = r.board_id "
                                + "WHERE b.serial = :serial AND r.verdict = 'PASS'")
                        .bind("serial", serial)
                        .mapTo(Long.class)
                        .one()
                > 0);
    }

    public Optional<RunDetail> run(long runId) {
        return jdbi.withHandle(h -> details(
                        h,
                        h.createQuery("SELECT " + Rows.RUN_COLUMNS + Rows.RUN_FROM + "WHERE r.id = :id")
                                .bind("id", runId)
                                .map(Rows.RUN)
                                .list())
                .stream()
                .findFirst());
    }

    private static List<RunDetail> details(Handle h, List<RunRow> runs) {
        List<RunDetail> out = new ArrayList<>();
        for (RunRow run : runs) {
            Map<Long, List<MeasurementRow>> byStep = new LinkedHashMap<>();
            h.createQuery("SELECT " + Rows.MEASUREMENT_INSTRUMENT + "WHERE m.run_id = :id ORDER BY m.id")
                    .bind("id", run.id())
                    .map(Rows.MEASUREMENT)
                    .forEach(m -> byStep.computeIfAbsent(m.stepId(), k -> new ArrayList<>())
                            .add(m));
            List<RunDetail.StepDetail> steps = h.createQuery("SELECT * FROM step WHERE run_id = :id ORDER BY seq")
                    .bind("id", run.id())
                    .map(Rows.STEP)
                    .map(s -> new RunDetail.StepDetail(s, byStep.getOrDefault(s.id(), List.of())))
                    .list();
            out.add(new RunDetail(run, steps));
        }
        return out;
    }
}
