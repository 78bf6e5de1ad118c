package io.benchline.db;

import java.time.Instant;
import java.util.List;

/** One completed step of a run with the measurements it took. */
public record StepRecord(
        int seq,
        String name,
        String kind,
        Instant startedAt,
        Instant endedAt,
        Verdict verdict,
        String message,
        List<MeasurementRecord> measurements) {

    public StepRecord {
        measurements = List.copyOf(measurements);
    }
}
