package io.benchline.db;

import java.time.Instant;

/** What the MES is told of a finished run: the run's row, with the line-wide id when it has one. */
public record PostedRun(
        long runId,
        String lineId,
        String serial,
        String batch,
        String station,
        String operator,
        String planName,
        String planVersion,
        String softwareVersion,
        Instant startedAt,
        Instant endedAt,
        Verdict verdict,
        String failedStep,
        String hint,
        String message,
        String uid) {}
