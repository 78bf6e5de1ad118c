package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.fixtures.instrument.Supply;
import io.benchline.fixtures.instrument.SupplyReadback;
import io.benchline.station.fixture.RelayPower;
import io.benchline.station.plan.Step;
import java.util.List;
import java.util.Locale;

/**
 * Switches DUT power. On power-on the current is judged on a fresh readback (see {@link SupplyReadback}),
 * and a supply in current limit is a short: power off at once, FAIL.
 */
final class PowerRunner implements StepRunner<Step.Power> {
    @Override
    public StepOutcome run(Step.Power step, RunContext ctx) {
        Supply supply = ctx.fixture().supply();
        if (step.on() && supply instanceof RelayPower relay) {
            return RelayPowerOn.run(step, ctx, relay);
        }
        if (!step.on()) {
            supply.output(false);
            return StepOutcome.pass("DUT power off");
        }
        supply.configure(step.volts(), step.currentLimit());
        supply.output(true);
        ctx.fixture().pacer().settle(step.settleMs());
        SupplyReadback.Reading reading = SupplyReadback.afterSwitch(supply, System.nanoTime(), ctx.deadline());
        double amps = reading.amps();
        MeasurementRecord current = Measurements.takenBy(
                        List.of(Measurements.of(step.name() + " current", amps, "A", step.current())),
                        ctx.fixture().instrument("supply"))
                .get(0);
        if (reading.currentLimited()) {
            supply.output(false);
            return StepOutcome.fail(
                    String.format(
                            Locale.ROOT,
                            "supply in current limit (%.3f A at a %.3f A limit): a short on the board; power switched off",
                            amps,
                            step.currentLimit()),
                    List.of(current));
        }
        return StepOutcome.judge(
                List.of(current), String.format(Locale.ROOT, "%.2f V on, %.1f mA", step.volts(), amps * 1000));
    }
}
