package io.benchline.station.golden;

import io.benchline.station.InputError;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A production run refused: the station requires a passing golden-board check each shift and has
 * none since the current shift began. Not a verdict (nothing powered, no run stored): exit 2 on
 * the command line, 409 {@code golden-check-required} from the API.
 */
public final class GoldenRequired extends InputError {
    public static final String CONFLICT = "golden-check-required";

    public final LocalTime shiftStart;
    public final Instant shiftBegan;

    GoldenRequired(LocalTime shiftStart, Instant shiftBegan, String howTo) {
        super("golden check required for shift starting " + shiftStart + ": run " + howTo);
        this.shiftStart = shiftStart;
        this.shiftBegan = shiftBegan;
    }
}
