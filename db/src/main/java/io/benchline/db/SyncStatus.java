package io.benchline.db;

import java.time.Instant;

/**
 * How far a station's local results are from the line's central database: what {@code benchline
 * sync status}, the operator screen and the line page show.
 *
 * @param waitingRuns closed runs stored locally and not yet in the central database
 * @param oldestWaiting when the oldest of them ended, or null when none waits
 * @param lastForwardedAt when the forwarder last stored runs centrally, or null if never
 * @param lastError the forwarder's last failure in one line (central away, refused, ...), or null
 *     once a later attempt succeeded
 * @param lastErrorAt when that failure happened, or null
 */
public record SyncStatus(
        long waitingRuns, Instant oldestWaiting, Instant lastForwardedAt, String lastError, Instant lastErrorAt) {

    /** True when the oldest waiting run ended longer ago than {@code patience}: time to tell someone. */
    public boolean isOld(Instant now, java.time.Duration patience) {
        return oldestWaiting != null && oldestWaiting.plus(patience).isBefore(now);
    }
}
