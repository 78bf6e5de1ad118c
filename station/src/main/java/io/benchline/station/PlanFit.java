package io.benchline.station;

import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import java.util.TreeSet;

/**
 * Whether a fixture can run every step of a plan, checked when a station opens: a step the fixture
 * cannot perform would otherwise be skipped and the board passed without it.
 */
public final class PlanFit {
    private PlanFit() {}

    /** Refuses (InputError, exit 2) a plan with a step the fixture cannot perform; before anything is stored. */
    public static void check(Plan plan, FixtureFile file) {
        for (Step step : plan.steps()) {
            if (step instanceof Step.Measure m && !file.testPoints().containsKey(m.testPoint())) {
                throw new InputError("plan " + plan.file() + ": step '" + m.name() + "' measures test point '"
                        + m.testPoint() + "', which fixture " + file.name() + " does not wire (wired: "
                        + String.join(", ", new TreeSet<>(file.testPoints().keySet())) + ")");
            }
            if (step instanceof Step.BootCheck b && !b.optional() && !file.hasUart()) {
                throw new InputError("plan " + plan.file() + ": step '" + b.name()
                        + "' reads the boot banner, but fixture " + file.name()
                        + " has no UART (give it a 'uart:' role, or mark the step 'optional: true')");
            }
        }
    }
}
