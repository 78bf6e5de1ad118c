package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * What a station tells the line about its runs, decided as they are stored: the store writes the
 * messages returned here into its outbox in the same transaction as the record they describe, so
 * a record is never stored without its messages nor a message written for a record that was not.
 * Implemented outside the database module (the station knows the message format).
 */
public interface RunMessages {
    /** The messages for a run that starts (stored with its run row). */
    List<OutboxMessage> started(long runId, RunStart start, Instant at);

    /** The messages for a run closed with its verdict, or closed as ABORTED after a crash. */
    List<OutboxMessage> closed(RunClosed run);
}
