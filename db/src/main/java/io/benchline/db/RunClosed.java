package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * A run as it is closed, for the messages that describe it: how it started, its steps (with
 * their measurements) in order, and how it ended. A run closed when found cut off by a crash
 * carries what the database held of it.
 */
public record RunClosed(
        long runId, RunStart start, Instant startedAt, List<StepRecord> steps, RunEnd end, Instant endedAt) {
    public RunClosed {
        steps = List.copyOf(steps);
    }
}
