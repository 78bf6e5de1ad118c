package io.benchline.db;

/**
 * A batch's runs at one station: what the report shows per station when boards pass through several
 * (programmed at one, tested at another). Counted as the batch's yield is (docs/yield.md), station by
 * station: a board tested at two stations is tested once at each.
 *
 * @param boardsTested boards with a judged run at this station
 * @param passedFirst those whose first judged run at this station passed
 * @param stationProblems ERROR and ABORTED runs at this station
 */
public record BatchStation(String station, long runs, long boardsTested, long passedFirst, long stationProblems) {
    /** First passes / boards tested at this station; NaN before any judged run. */
    public double firstPassYield() {
        return boardsTested == 0 ? Double.NaN : (double) passedFirst / boardsTested;
    }
}
