package io.benchline.station.cli;

import io.benchline.station.InputError;
import java.util.function.Supplier;

/** Small helpers shared by the bring-up commands. */
final class Cli {
    private Cli() {
    }

    /** Runs an open or a parse; a bad setting (IllegalArgumentException from the drivers) becomes an input error. */
    static <T> T inputs(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage());
        }
    }
}
