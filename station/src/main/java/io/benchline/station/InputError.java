package io.benchline.station;

/** A bad input from the user (plan, fixture file, image, serial, option): one line, exit 2. */
public class InputError extends RuntimeException {
    public InputError(String message) {
        super(message);
    }
}
