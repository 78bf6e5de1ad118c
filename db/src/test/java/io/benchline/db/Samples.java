package io.benchline.db;

import java.time.Instant;
import java.util.List;

/** Records for tests, shaped like the F411 plan's. */
final class Samples {
    private Samples() {}

    static RunStart start(String serial, String batch) {
        return new RunStart(
                serial,
                batch,
                "F411 board rev B",
                "bench-1",
                "alice",
                "sim-f411",
                "stm32f411-board",
                "3",
                "a".repeat(64),
                "b".repeat(64),
                "test");
    }

    static StepRecord vddStep(int seq, double value, Verdict verdict) {
        Instant t = Instant.parse("2026-11-27T08:00:00Z").plusSeconds(seq);
        return new StepRecord(
                seq,
                "VDD",
                "measure",
                t,
                t.plusMillis(40),
                verdict,
                null,
                List.of(new MeasurementRecord("VDD", value, "V", 3.135, 3.465, verdict)));
    }
}
