package io.benchline.db;

import java.time.Instant;

/**
 * One thing an engineer did at a station (or a PIN refused for a name), stored with its author.
 *
 * @param serial the board concerned, or null
 */
public record EngineerAction(
        Instant at, String author, String action, String serial, String station, String reason, String detail) {
    public static final String RELEASE = "release";
    public static final String CONFIRM_RETEST = "confirm-retest";
    public static final String PIN_REFUSED = "pin-refused";
    public static final String CALIBRATION_OVERRIDE = "calibration-override";
}
