package io.benchline.db;

import java.time.Instant;

/**
 * The facts of one run that yield is computed from. {@code firstFailingMeasurement} is the first
 * measurement that failed in a FAIL run's failing step (null when the step failed without one,
 * e.g. a wrong chip identity). {@code endedAt} is null while the run is going.
 */
public record BatchRun(
        long runId,
        long boardId,
        Instant startedAt,
        Instant endedAt,
        Verdict verdict,
        String failedStep,
        String hint,
        String firstFailingMeasurement) {
    /** PASS or FAIL: a verdict about the board. ERROR, ABORTED and open runs say nothing about it. */
    public boolean judgesBoard() {
        return verdict == Verdict.PASS || verdict == Verdict.FAIL;
    }
}
