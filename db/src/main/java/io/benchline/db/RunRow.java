package io.benchline.db;

import java.time.Instant;

/** A stored run as read back. Verdict is null while the run is still going; position is null off a multi-up fixture,
 * panelLabel unless the run's panel was started from its label. */
public record RunRow(
        long id,
        String serial,
        String batch,
        String station,
        String operator,
        String fixture,
        String planName,
        String planVersion,
        String planSha256,
        String firmwareSha256,
        String softwareVersion,
        Instant startedAt,
        Instant endedAt,
        Verdict verdict,
        String failedStep,
        String hint,
        String message,
        String uid,
        Integer position,
        String panelLabel) {}
