package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.instrument.DmmFunction;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.fixture.InstrumentLocks;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes a test point to the DMM and takes the plan's samples: the mean is judged against the
 * limits, the spread (max - min) against max-spread, which is how a resetting chip shows up.
 */
final class MeasureRunner implements StepRunner<Step.Measure> {
    @Override
    public StepOutcome run(Step.Measure step, RunContext ctx) {
        Fixture fixture = ctx.fixture();
        DmmFunction function = step.unit().equals("A") ? DmmFunction.DC_CURRENT : DmmFunction.DC_VOLTS;
        String channel = fixture.channelOf(step.testPoint());
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // The DMM and switch are held for the select, settle and readings only (shared on a panel).
        try (InstrumentLocks.Held meter = fixture.holdMeter(ctx.deadline())) {
            fixture.switchMatrix().select(channel);
            RuntimeException failed = null;
            try {
                fixture.pacer().settle(step.settleMs());
                for (int i = 0; i < step.samples(); i++) {
                    double v = fixture.dmm().read(function);
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            } finally {
                // a release failing after the reading failed must not hide what the reading was waiting on
                try {
                    fixture.switchMatrix().release();
                } catch (RuntimeException e) {
                    if (failed == null) {
                        throw e;
                    }
                    failed.addSuppressed(e);
                }
            }
        }
        List<MeasurementRecord> ms = new ArrayList<>();
        double mean = sum / step.samples();
        ms.add(Measurements.of(step.name(), mean, step.unit(), step.limits()));
        if (step.maxSpread() != null) {
            ms.add(Measurements.of(
                    step.name() + " spread", max - min, step.unit(), new Limits(null, step.maxSpread())));
        }
        StepOutcome out = StepOutcome.judge(
                Measurements.takenBy(ms, fixture.instrument("dmm")), Measurements.format(mean, step.unit()));
        if (out.verdict() == Verdict.PASS && function == DmmFunction.DC_VOLTS) {
            ctx.railPassed(step.testPoint(), mean);
        }
        return out;
    }
}
