package io.benchline.station.mes;

import io.benchline.station.InputError;

/**
 * The MES refused the serial at this station: nothing was powered and no run was stored (the
 * refusal is, in {@code route_check}). Headless: one line, exit 2, like any board that must not be
 * tested here.
 */
public final class RouteRefused extends InputError {
    private final String serial;
    private final String reason;

    RouteRefused(String serial, String station, String reason) {
        super("not tested: the MES refused board " + serial + " at station " + station + ": " + reason);
        this.serial = serial;
        this.reason = reason;
    }

    public String serial() {
        return serial;
    }

    /** The MES's reason, as it gave it. */
    public String reason() {
        return reason;
    }
}
