package io.benchline.db;

import java.time.Instant;

/**
 * A station's last heartbeat as the central database holds it (table {@code station_status}).
 *
 * @param state {@code testing} or {@code idle}, as the station said
 * @param backlog runs the station has stored and not yet forwarded
 * @param oldestWaiting when the oldest of those ended, or null without a backlog
 * @param lastSeen when the station was last heard from
 */
public record StationStatusRow(
        String name,
        String state,
        String batch,
        String plan,
        String softwareVersion,
        long backlog,
        Instant oldestWaiting,
        Instant lastSeen) {}
