package io.benchline.db;

import java.time.Instant;
import java.util.List;

/** Runs written as a station's sequencer writes them, for the forwarding tests. */
final class LineStation {
    private LineStation() {}

    /**
     * One whole run: two measured steps, the UID step, the teardown with the verdict (every fifth
     * run fails at VDD; the second VDD reading of every third run is a marginal pass; runs at a
     * position are on a panel, every third run's started from a panel label). Returns the local run id.
     */
    static long run(Database db, String station, String serial, String batch, int i) {
        RunStart start = new RunStart(
                serial,
                batch,
                "F411 board rev B",
                station,
                "alice",
                "sim-f411",
                "stm32f411-board",
                "3",
                "a".repeat(64),
                "b".repeat(64),
                "test",
                i % 3 == 0 ? null : 1 + i % 4,
                i % 3 == 2 ? "PNL-" + batch + "-" + i / 4 : null);
        ResultStore store = db.store();
        long run = store.begin(start, Instant.now());
        boolean fail = i % 5 == 4;
        double vdd = fail ? 0.52 : 3.28 + (i % 7) * 0.005;
        store.step(run, Samples.vddStep(1, vdd, fail ? Verdict.FAIL : Verdict.PASS));
        if (fail) {
            store.finish(run, teardown(4), new RunEnd(Verdict.FAIL, "VDD", "check the regulator", null), Instant.now());
            return run;
        }
        store.step(run, marginal(Samples.vddStep(2, vdd + 0.01, Verdict.PASS), i % 3 == 1));
        store.stepBindingUid(run, uidStep(3), String.format("%024X", serial.hashCode() & 0xffffffffL));
        store.finish(run, teardown(4), new RunEnd(Verdict.PASS, null, null, null), Instant.now());
        return run;
    }

    private static StepRecord marginal(StepRecord s, boolean marginal) {
        MeasurementRecord m = s.measurements().get(0);
        return new StepRecord(
                s.seq(),
                s.name(),
                s.kind(),
                s.startedAt(),
                s.endedAt(),
                s.verdict(),
                s.message(),
                List.of(new MeasurementRecord(
                        m.name(), m.reading(), m.unit(), m.low(), m.high(), m.verdict(), marginal)));
    }

    private static StepRecord uidStep(int seq) {
        Instant t = Instant.now();
        return new StepRecord(seq, "read-uid", "read-uid", t, t, Verdict.PASS, null, List.of());
    }

    private static StepRecord teardown(int seq) {
        Instant t = Instant.now();
        return new StepRecord(
                seq,
                "teardown",
                "teardown",
                t,
                t,
                Verdict.PASS,
                null,
                List.of(new MeasurementRecord("idle current off", 0.0001, "A", null, 0.001, Verdict.PASS)));
    }
}
