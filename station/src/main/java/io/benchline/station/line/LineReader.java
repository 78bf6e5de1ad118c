package io.benchline.station.line;

import io.benchline.db.LineCount;
import io.benchline.db.LineFailure;
import io.benchline.db.LineQueries;
import io.benchline.db.StationStatusRow;
import io.benchline.reports.spc.SpcRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the line's view from the central database: each station's last heartbeat with its counts
 * since local midnight, and the whole line's last 24 hours by hour with its failure Pareto.
 */
public final class LineReader {
    /** A station beats every ~2 s: silent for this long, it is shown as not heard from. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(30);

    /** Runs waiting this long for the central database are worth someone's look. */
    public static final Duration BACKLOG_AGED_AFTER = Duration.ofMinutes(5);

    static final int HOURS = 24;

    private final LineQueries line;
    private final Clock clock;

    public LineReader(LineQueries line, Clock clock) {
        this.line = line;
        this.clock = clock;
    }

    public LineView read() {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Instant todayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Instant hoursStart = now.truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1, ChronoUnit.HOURS);
        List<StationStatusRow> statuses = line.stations();
        List<LineCount> today = line.counts(todayStart);
        List<LineCount> lastDay = line.counts(hoursStart);
        List<LineFailure> failures = line.failures(hoursStart);
        return new LineView(
                now,
                todayStart,
                hoursStart,
                STALE_AFTER.toSeconds(),
                BACKLOG_AGED_AFTER.toSeconds(),
                stations(now, statuses, today),
                hours(hoursStart, lastDay),
                failures.stream()
                        .map(f -> new LineView.Failure(f.failedStep(), f.hint(), f.runs()))
                        .toList(),
                line.openAlarms().stream()
                        .map(a -> new LineView.Alarm(
                                a.id(),
                                a.station(),
                                a.measurement(),
                                a.unit(),
                                a.batch(),
                                SpcRule.words(a.rules()),
                                a.points(),
                                a.openedAt(),
                                a.lastAt(),
                                a.lastSerial(),
                                a.lastReading()))
                        .toList());
    }

    private static List<LineView.Station> stations(
            Instant now, List<StationStatusRow> statuses, List<LineCount> today) {
        Map<String, long[]> counts = new TreeMap<>();
        for (LineCount c : today) {
            long[] t = counts.computeIfAbsent(c.station(), k -> new long[4]);
            t[0] += c.runs();
            t[1] += c.boardsTested();
            t[2] += c.passedFirst();
            t[3] += c.stationProblems();
        }
        Map<String, StationStatusRow> byName = new LinkedHashMap<>();
        statuses.forEach(s -> byName.put(s.name(), s));
        List<String> names = new ArrayList<>(byName.keySet());
        counts.keySet().stream().filter(n -> !byName.containsKey(n)).forEach(names::add);
        names.sort(String::compareTo);
        List<LineView.Station> out = new ArrayList<>();
        for (String name : names) {
            StationStatusRow s = byName.get(name);
            long[] t = counts.getOrDefault(name, new long[4]);
            boolean stale = s == null || Duration.between(s.lastSeen(), now).compareTo(STALE_AFTER) > 0;
            boolean aged = s != null
                    && s.backlog() > 0
                    && s.oldestWaiting() != null
                    && Duration.between(s.oldestWaiting(), now).compareTo(BACKLOG_AGED_AFTER) > 0;
            out.add(new LineView.Station(
                    name,
                    s == null ? "unknown" : s.state(),
                    stale,
                    s == null ? null : s.lastSeen(),
                    s == null ? null : s.batch(),
                    s == null ? null : s.plan(),
                    t[0],
                    t[1],
                    t[2],
                    t[1] == 0 ? null : (double) t[2] / t[1],
                    t[3],
                    s == null ? 0 : s.backlog(),
                    s == null ? null : s.oldestWaiting(),
                    aged));
        }
        return out;
    }

    /** Every hour of the window, empty ones included, so the chart's axis is the clock. */
    private static List<LineView.Hour> hours(Instant start, List<LineCount> counts) {
        Map<Instant, long[]> byHour = new TreeMap<>();
        for (int h = 0; h < HOURS; h++) {
            byHour.put(start.plus(h, ChronoUnit.HOURS), new long[4]);
        }
        for (LineCount c : counts) {
            long[] t = byHour.get(c.hour());
            if (t != null) {
                t[0] += c.runs();
                t[1] += c.boardsTested();
                t[2] += c.passedFirst();
                t[3] += c.stationProblems();
            }
        }
        List<LineView.Hour> out = new ArrayList<>();
        byHour.forEach((hour, t) ->
                out.add(new LineView.Hour(hour, t[0], t[1], t[2], t[1] == 0 ? null : (double) t[2] / t[1], t[3])));
        return out;
    }
}
