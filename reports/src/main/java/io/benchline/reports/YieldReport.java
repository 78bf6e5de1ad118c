package io.benchline.reports;

import java.util.List;

/**
 * The yield of one batch, with the definitions of docs/yield.md. Fractions are 0..1 (NaN when
 * no board was tested).
 */
public record YieldReport(
        String batch,
        long boards,
        long runs,
        long passedFirst,
        long passedFinal,
        long retests,
        long errorRuns,
        long abortedRuns,
        long openRuns,
        List<FailureCount> failures) {

    public YieldReport {
        failures = List.copyOf(failures);
    }

    public double firstPassYield() {
        return boards == 0 ? Double.NaN : (double) passedFirst / boards;
    }

    public double finalYield() {
        return boards == 0 ? Double.NaN : (double) passedFinal / boards;
    }

    public double retestRate() {
        return runs == 0 ? Double.NaN : (double) retests / runs;
    }
}
