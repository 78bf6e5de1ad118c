package io.benchline.station.line;

import io.benchline.db.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The backlog in words for the operator: a quiet line while the line database catches up, a
 * warning once the oldest waiting run is older than the patience.
 *
 * @param message what the screen shows, or null when nothing waits
 * @param warn the oldest waiting run is older than the patience: show it plainly
 */
public record Backlog(String message, boolean warn) {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    public static Backlog of(SyncStatus s, Instant now, Duration patience) {
        if (s.waitingRuns() == 0) {
            return new Backlog(null, false);
        }
        String waiting = runs(s.waitingRuns()) + " waiting for the line database";
        if (!s.isOld(now, patience)) {
            return new Backlog(waiting, false);
        }
        Duration age = Duration.between(s.oldestWaiting(), now);
        StringBuilder m = new StringBuilder(waiting)
                .append(", the oldest for ")
                .append(age(age))
                .append(". Testing goes on and nothing is lost; tell the test engineer");
        if (s.lastError() != null) {
            m.append(". Last error")
                    .append(s.lastErrorAt() == null ? "" : " at " + CLOCK.format(s.lastErrorAt()))
                    .append(": ")
                    .append(s.lastError());
        }
        return new Backlog(m.toString(), true);
    }

    static String runs(long n) {
        return n + (n == 1 ? " run" : " runs");
    }

    static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
