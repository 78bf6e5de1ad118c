package io.benchline.db;

import java.time.Instant;

/** A stored step as read back. */
public record StepRow(
        long id,
        long runId,
        int seq,
        String name,
        String kind,
        Instant startedAt,
        Instant endedAt,
        Verdict verdict,
        String message) {}
