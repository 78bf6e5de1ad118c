package io.benchline.station.flow;

import io.benchline.station.InputError;

/**
 * An engineer's action refused: no such user, a wrong PIN, not an engineer, locked after wrong
 * PINs, or a station with no engineer in its users file. The API answers 403 with {@link #code};
 * the command line, as to any refused input, one line and exit 2.
 */
public final class EngineerRefused extends InputError {
    public final String code;

    EngineerRefused(String code, String message) {
        super(message);
        this.code = code;
    }
}
