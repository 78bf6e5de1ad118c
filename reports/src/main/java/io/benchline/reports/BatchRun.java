package io.benchline.reports;

import io.benchline.db.Verdict;
import java.time.Instant;

/** The facts of one run that yield is computed from. */
public record BatchRun(long runId, String serial, Instant startedAt, Verdict verdict, String failedStep, String hint) {
    /** PASS or FAIL: a verdict about the board. ERROR, ABORTED and open runs say nothing about it. */
    public boolean judgesBoard() {
        return verdict == Verdict.PASS || verdict == Verdict.FAIL;
    }
}
