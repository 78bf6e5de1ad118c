package io.benchline.station.line;

import java.time.Instant;
import java.util.List;

/**
 * What the line page shows at one moment (served as JSON at {@code /api/line}).
 *
 * @param now when it was read, by the line server's clock
 * @param todayStart local midnight: "today" for the stations' counts
 * @param hoursStart the first hour of the chart and the start of the Pareto's window
 */
public record LineView(
        Instant now,
        Instant todayStart,
        Instant hoursStart,
        long staleAfterSeconds,
        long backlogAgedAfterSeconds,
        List<Station> stations,
        List<Hour> hours,
        List<Failure> failures,
        List<Alarm> alarms) {

    /**
     * One station's row.
     *
     * @param state {@code testing}, {@code idle}, {@code unknown} (runs stored, never a heartbeat)
     * @param stale not heard from for longer than {@code staleAfterSeconds}
     * @param firstPassYield first passes / boards tested today, null before any judged run
     * @param backlogAged the oldest run waiting for the central database is older than {@code backlogAgedAfterSeconds}
     */
    public record Station(
            String name,
            String state,
            boolean stale,
            Instant lastSeen,
            String batch,
            String plan,
            long runsToday,
            long boardsToday,
            long passedFirstToday,
            Double firstPassYield,
            long stationProblemsToday,
            long backlog,
            Instant oldestWaiting,
            boolean backlogAged) {}

    /** One UTC hour of the whole line (every station). */
    public record Hour(
            Instant hour,
            long runs,
            long boardsTested,
            long passedFirst,
            Double firstPassYield,
            long stationProblems) {}

    /**
     * A station's open process alarm (its control chart broke a rule; no board failed for it).
     *
     * @param rules the rules seen while it was open, in words ("6 rising")
     */
    public record Alarm(
            String id,
            String station,
            String measurement,
            String unit,
            String batch,
            List<String> rules,
            int points,
            Instant openedAt,
            Instant lastAt,
            String lastSerial,
            double lastReading) {}

    /** A row of the line's failure Pareto: FAIL runs by failed step and hint. */
    public record Failure(String step, String hint, long runs) {}
}
