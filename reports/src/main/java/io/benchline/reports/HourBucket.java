package io.benchline.reports;

import java.time.Instant;

/**
 * One hour of a batch (UTC, by run start): the runs started in it, the boards whose first judged
 * run started in it and how many of those passed it (the hour's first-pass yield), and its
 * station problems (ERROR and ABORTED runs).
 */
public record HourBucket(Instant hour, long runs, long boardsTested, long passedFirst, long stationProblems) {
    public double firstPassYield() {
        return boardsTested == 0 ? Double.NaN : (double) passedFirst / boardsTested;
    }
}
