package io.benchline.station.cli;

import io.benchline.station.InputError;
import java.util.function.Supplier;

/** Small helpers shared by the bring-up commands. */
final class Cli {
    private Cli() {}

    /** A name given on the command line (batch, operator) must say something: a blank one would be stored as is. */
    static String named(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new InputError(option + " is blank: give a name, or leave the option out");
        }
        return value == null ? null : value.trim();
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
