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

    /** A boards that failed at powering it or at a rail is out of the process: its readings are no chart's points. */
    public boolean failedPowerOn() {
        return verdict != Verdict.PASS && ("power".equals(failedKind) || "measure".equals(failedKind));
    }

    public record Reading(String name, String unit, Double low, Double high, double value) {}
}
