package io.benchline.db;

import java.time.Duration;

/**
 * Ships a station's closed runs (with their steps and measurements) from its local H2 file to the
 * line's central PostgreSQL in the background: in order, batched, idempotent by each run's
 * line-wide id, resuming after a kill of the station, a restart of the server or a network cut.
 * The station's own writes never wait for it.
 */
public final class LineForwarder implements AutoCloseable {

    private LineForwarder() {}

    /**
     * Starts forwarding the local database's closed runs to the central database at centralUrl
     * (password from the environment or pgpass, as for any command). Returns at once: a central
     * server that is away is retried in the background and shows in {@link #status()}.
     */
    public static LineForwarder start(Database local, String centralUrl, StationState initial) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A verdict was just committed locally: forward it now rather than at the next poll. */
    public void verdictStored() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The station's state changed (testing, idle, another batch): sent with the next heartbeat. */
    public void stationState(StationState state) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The backlog as this forwarder knows it, without touching either database. */
    public SyncStatus status() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Waits until nothing is waiting, or the timeout passes; true when drained. For tests, benchmarks and a clean stop. */
    public boolean drain(Duration timeout) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops forwarding; what is still waiting stays in the local file for the next start. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
