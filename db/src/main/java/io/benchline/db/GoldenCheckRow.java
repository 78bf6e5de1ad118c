package io.benchline.db;

import java.time.Instant;

/** A stored golden-board check, without its runs and figures (see {@link GoldenChecks#figures}). */
public record GoldenCheckRow(
        long id,
        String station,
        String planName,
        String fixture,
        String serial,
        int repeat,
        int runsDone,
        Verdict verdict,
        String reason,
        Instant startedAt,
        Instant endedAt) {}
