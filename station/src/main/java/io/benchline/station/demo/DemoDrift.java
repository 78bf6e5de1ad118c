package io.benchline.station.demo;

import io.benchline.fixtures.sim.SimBoard;
import io.benchline.station.InputError;
import java.util.Locale;

/**
 * A slow process drift for the demo: from board {@code from} (counted from 1) on, the reading at one
 * test point rises by {@code perBoard} volts a board, so the control chart sees a ramp long before the
 * readings leave their limits. VCAP1 at 1.26 V rising 6 mV a board reaches its 1.38 V limit after 20
 * boards; a "6 rising" alarm comes after 6.
 */
public record DemoDrift(String testPoint, int from, double perBoard) {
    public static final int DEFAULT_FROM = 25;
    public static final double DEFAULT_PER_BOARD = 0.006;
    public static final DemoDrift NONE = new DemoDrift("", Integer.MAX_VALUE, 0);

    /** {@code --drift vcap1}: the simulated test points VDD, VDDA, VCAP1 or NRST. */
    public static DemoDrift of(String testPoint, int from) {
        String point = testPoint.toUpperCase(Locale.ROOT);
        if (!point.matches("VDD|VDDA|VCAP1|NRST")) {
            throw new InputError("--drift '" + testPoint + "': give a simulated test point: vdd, vdda, vcap1 or nrst");
        }
        if (from < 1) {
            throw new InputError("--drift-from must be 1 or more (the first board that drifts)");
        }
        return new DemoDrift(point, from, DEFAULT_PER_BOARD);
    }

    /** How far board number board (from 1) has drifted, in volts. */
    public double offset(int board) {
        return board < from ? 0 : perBoard * (board - from + 1);
    }

    /** The board, shifted as board number board (from 1) of the demo. */
    public SimBoard apply(SimBoard b, int board) {
        return this == NONE || offset(board) == 0 ? b : b.shift(testPoint, offset(board));
    }
}
