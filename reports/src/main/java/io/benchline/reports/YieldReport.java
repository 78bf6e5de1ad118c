package io.benchline.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The yield of one batch, with the definitions of docs/yield.md. Fractions are 0..1 (NaN when
 * nothing was counted).
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
        List<FailureCount> failures,
        List<HourBucket> hours,
        Instant firstRunAt,
        Instant lastRunAt,
        Instant lastEndAt) {

    public YieldReport {
        failures = List.copyOf(failures);
        hours = List.copyOf(hours);
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

    /** ERROR and ABORTED runs: the station could not tell. Never counted against a board. */
    public long stationProblems() {
        return errorRuns + abortedRuns;
    }

    /**
     * Boards tested / the batch's span, in hours: idle time inside the span (breaks, nights) counts,
     * so this is what the line delivered, not the station's pace while busy. NaN without a closed run.
     */
    public double boardsPerHour() {
        Duration span = span();
        return span.isZero() || span.isNegative() ? Double.NaN : boards * 3_600_000.0 / span.toMillis();
    }

    /** From the first run's start to the last end of any run (zero while no run has ended). */
    public Duration span() {
        return firstRunAt == null || lastEndAt == null ? Duration.ZERO : Duration.between(firstRunAt, lastEndAt);
    }
}
