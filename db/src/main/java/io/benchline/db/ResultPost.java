package io.benchline.db;

import java.time.Instant;

/** A run's result as posted (or still to be posted) to the MES. */
public record ResultPost(
        long runId, String url, State state, int attempts, Instant queuedAt, Instant lastAttemptAt, String lastError) {

    public enum State {
        PENDING,
        SENT,
        FAILED
    }
}
