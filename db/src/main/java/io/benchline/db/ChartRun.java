package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * One closed run as a control chart sees it: its verdict, the kind of the step it failed at (null
 * when it passed), and its judged readings in the order they were taken.
 */
public record ChartRun(
        long runId, String serial, Instant endedAt, Verdict verdict, String failedKind, List<Reading> readings) {
    public ChartRun {
        readings = List.copyOf(readings);
    }

    /** Whether this run's readings are points of a chart: see {@link #inProcess}. */
    public boolean inProcess() {
        return inProcess(verdict, failedKind);
    }

    /**
     * A closed run is in the process unless it was aborted or failed at powering the board or at a
     * rail (then its readings are no chart's points: the board was never properly powered).
     */
    public static boolean inProcess(Verdict verdict, String failedKind) {
        if (verdict == null || verdict == Verdict.ABORTED) {
            return false;
        }
        return verdict == Verdict.PASS || !("power".equals(failedKind) || "measure".equals(failedKind));
    }

    public record Reading(String name, String unit, Double low, Double high, double value) {}
}
