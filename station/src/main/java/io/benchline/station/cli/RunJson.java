package io.benchline.station.cli;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.StepRecord;
import io.benchline.station.sequence.RunOutcome;
import java.util.List;

/** `run --json`: the verdict and every step with its measurements. */
record RunJson(
        long runId,
        String serial,
        String batch,
        String verdict,
        String failedStep,
        String message,
        String hint,
        String plan,
        String planVersion,
        String fixture,
        List<StepJson> steps) {

    record StepJson(
            int seq, String name, String kind, String verdict, String message, List<MeasurementJson> measurements) {}

    /** instrument: the one that took the reading, compactly ("KEYSIGHT 34461A #MY57200000"), or null. */
    record MeasurementJson(
            String name, Double reading, String unit, Double low, Double high, String verdict, String instrument) {}

    static RunJson of(RunOutcome o, String batch, String plan, String planVersion, String fixture) {
        return new RunJson(
                o.runId(),
                o.serial(),
                batch,
                o.verdict().name(),
                o.failedStep(),
                o.message(),
                o.hint(),
                plan,
                planVersion,
                fixture,
                o.steps().stream().map(RunJson::step).toList());
    }

    private static StepJson step(StepRecord s) {
        return new StepJson(
                s.seq(),
                s.name(),
                s.kind(),
                s.verdict().name(),
                s.message(),
                s.measurements().stream().map(RunJson::measurement).toList());
    }

    private static MeasurementJson measurement(MeasurementRecord m) {
        return new MeasurementJson(
                m.name(),
                m.reading(),
                m.unit(),
                m.low(),
                m.high(),
                m.verdict().name(),
                m.instrument() == null ? null : m.instrument().label());
    }
}
