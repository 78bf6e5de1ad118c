package io.benchline.station.yaml;

import io.benchline.station.InputError;

/** A bad plan or fixture file: FILE:LINE:COLUMN: what is wrong. */
public final class YamlError extends InputError {
    public YamlError(Where where, String message) {
        super(where + ": " + message);
    }
}
