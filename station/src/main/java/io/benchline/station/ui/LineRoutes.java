package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchline.db.SyncStatus;
import io.benchline.station.line.Backlog;
import io.benchline.station.line.PassAnswer;
import io.benchline.station.line.StationLine;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/sync}: the station's backlog towards the line's central database, for the operator screen. */
record LineRoutes(StationLine line) {

    /** The body of {@code GET /api/sync} (docs/api.md). */
    record Sync(
            boolean line,
            @JsonProperty("waiting_runs") long waitingRuns,
            @JsonProperty("oldest_waiting") Instant oldestWaiting,
            @JsonProperty("last_forwarded_at") Instant lastForwardedAt,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("last_error_at") Instant lastErrorAt,
            @JsonProperty("patience_seconds") long patienceSeconds,
            boolean warn,
            String message,
            @JsonProperty("last_check") LineCheck lastCheck) {}

    /** The last "already passed" check: whether the line database answered it, and what the operator is told if not. */
    record LineCheck(@JsonProperty("asked_line") boolean askedLine, String notice) {}

    void install(JavalinDefaultRoutingApi app) {
        app.get("/api/sync", ctx -> ctx.json(sync(Instant.now())));
    }

    Sync sync(Instant now) {
        Optional<SyncStatus> status = line.status();
        LineCheck check = line.lastCheck().map(LineRoutes::check).orElse(null);
        if (status.isEmpty()) {
            return new Sync(false, 0, null, null, null, null, line.patience().toSeconds(), false, null, check);
        }
        SyncStatus s = status.get();
        Backlog b = Backlog.of(s, now, line.patience());
        return new Sync(
                true,
                s.waitingRuns(),
                s.oldestWaiting(),
                s.lastForwardedAt(),
                s.lastError(),
                s.lastErrorAt(),
                line.patience().toSeconds(),
                b.warn(),
                b.message(),
                check);
    }

    static LineCheck check(PassAnswer a) {
        return new LineCheck(a.askedLine(), a.notice());
    }
}
