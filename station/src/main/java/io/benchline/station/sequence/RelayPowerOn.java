package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.station.fixture.RelayPower;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.List;
import java.util.Locale;

/**
 * Power-on of a position on a relay-powered panel: the board's current is the change of the power
 * bus's current across its relay closing (read while the position holds the bus). The verdicts are
 * a supply's: a short or a current above the step's limit FAILs with the relay opened at once, a
 * current outside the limits FAILs; no change at all means the relay (or the board's power contact)
 * did not close, which the station cannot blame on the board: ERROR.
 */
final class RelayPowerOn {
    /** With no low limit, less than this is taken as no current at all. */
    static final double NO_CURRENT_AMPS = 0.001;

    private RelayPowerOn() {}

    static StepOutcome run(Step.Power step, RunContext ctx, RelayPower relay) {
        RelayPower.Closing c = relay.switchOn(
                step.volts(), step.currentLimit(), () -> ctx.fixture().pacer().settle(step.settleMs()), ctx.deadline());
        double amps = c.amps();
        MeasurementRecord current = Measurements.of(step.name() + " current", amps, "A", step.current());
        if (c.busLimited()) {
            return StepOutcome.fail(
                    String.format(
                            Locale.ROOT,
                            "the power bus went into current limit (%.3f A) when relay %s closed: a short on this board"
                                    + " (it drew at least %.3f A); relay opened at once. Boards on the bus then lost power"
                                    + " and end ERROR, to be retested",
                            c.busLimit(),
                            c.relay(),
                            amps),
                    List.of(current));
        }
        if (amps > step.currentLimit()) {
            return StepOutcome.fail(
                    String.format(
                            Locale.ROOT,
                            "drew %.3f A through relay %s, above the step's %.3f A current limit; relay opened",
                            amps,
                            c.relay(),
                            step.currentLimit()),
                    List.of(current));
        }
        if (amps < noCurrentBelow(step.current())) {
            Integer position = ctx.fixture().position();
            String where = position == null ? "" : "position " + position + ": ";
            return StepOutcome.error(
                    String.format(
                            Locale.ROOT,
                            "%sno current flowed when relay %s closed (bus %.1f mA before, %.1f mA after):"
                                    + " the relay, its wiring or the board's power contact did not close",
                            where,
                            c.relay(),
                            c.beforeAmps() * 1000,
                            c.afterAmps() * 1000),
                    List.of(),
                    "Check DUT-power relay " + c.relay() + " (the switch reports only what it was told) and how the"
                            + " board sits in the jig; the board was not judged.");
        }
        return StepOutcome.judge(
                List.of(current),
                String.format(
                        Locale.ROOT,
                        "%.2f V on through relay %s, %.1f mA (bus %.1f mA)",
                        step.volts(),
                        c.relay(),
                        amps * 1000,
                        c.afterAmps() * 1000));
    }

    /** Half the low limit: well below any board the plan accepts, well above the bus readback's noise. */
    static double noCurrentBelow(Limits limits) {
        return limits.low() != null && limits.low() > 0 ? limits.low() / 2 : NO_CURRENT_AMPS;
    }
}
