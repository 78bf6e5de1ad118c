package io.benchline.station.golden;

import io.benchline.db.GoldenChecks;
import io.benchline.station.sequence.RunRequest;
import java.time.Clock;

/**
 * The shift-start rule (docs/golden.md): where a station requires it, a production run is refused
 * until a golden-board check at this station, for this plan, with at least the required number of
 * runs, passed since the current shift began. The golden check's own runs always pass the gate.
 */
public final class ShiftGate {
    private final GoldenSettings settings;
    private final GoldenChecks checks;
    private final String station;
    private final String planName;
    private final String howTo;
    private final Clock clock;

    /** @param howTo the command that satisfies the rule, as the refusal tells it */
    public ShiftGate(
            GoldenSettings settings, GoldenChecks checks, String station, String planName, String howTo, Clock clock) {
        this.settings = settings;
        this.checks = checks;
        this.station = station;
        this.planName = planName;
        this.howTo = howTo;
        this.clock = clock;
    }

    /** Throws {@link GoldenRequired} for a production run the rule refuses. */
    public void admit(RunRequest request) {
        if (!settings.required() || request.golden()) {
            return;
        }
        GoldenSettings.ShiftStart shift = settings.shiftAt(clock.instant(), clock.getZone());
        if (checks.lastPassed(station, planName, shift.began(), settings.repeat())
                .isEmpty()) {
            throw new GoldenRequired(shift.time(), shift.began(), howTo);
        }
    }

    /** The command a refusal names, for a plan file and a fixture file as the operator gave them. */
    public static String howTo(String planPath, String fixturePath, GoldenSettings settings) {
        String serial = settings.serials().isEmpty()
                ? "GOLDEN-SERIAL"
                : settings.serials().get(0);
        return "benchline golden --plan " + planPath + " --fixture " + fixturePath + " --serial " + serial
                + " --repeat " + settings.repeat();
    }
}
