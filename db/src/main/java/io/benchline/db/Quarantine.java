package io.benchline.db;

import java.time.Instant;

/** A board held back from testing, and its release once an engineer gave one (null fields while open). */
public record Quarantine(
        long id,
        String serial,
        Instant since,
        String station,
        String reason,
        Instant releasedAt,
        String releasedBy,
        String releaseReason) {

    public boolean open() {
        return releasedAt == null;
    }
}
