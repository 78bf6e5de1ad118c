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
        Instant lastRunAt) {

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

    /** Boards tested per hour in which the station ran at all (idle hours do not count). */
    public double boardsPerHour() {
        return hours.isEmpty() ? Double.NaN : (double) boards / hours.size();
    }

    /** From the first run's start to the last run's start. */
    public Duration span() {
        return firstRunAt == null ? Duration.ZERO : Duration.between(firstRunAt, lastRunAt);
    }
}
