package io.benchline.station.mes;

import io.benchline.fixtures.FixtureFault;

/**
 * The MES could not be asked and the station's policy is refuse: nothing was powered, no run was
 * stored. The station could not tell whether the board may be tested, so this is a station
 * problem (exit 3), never the board's.
 */
public final class MesUnavailable extends FixtureFault {
    private final String serial;

    MesUnavailable(String serial, String reason) {
        super("not tested: board " + serial + ": " + reason + " (mes: on-unreachable: refuse)");
        this.serial = serial;
    }

    public String serial() {
        return serial;
    }
}
