package io.benchline.station.calibration;

import io.benchline.db.CalibrationOverride;
import io.benchline.db.CalibrationRecords;
import io.benchline.station.InputError;
import io.benchline.station.fixture.FixtureCalibration;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.flow.EngineerCheck;
import io.benchline.station.flow.StationUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An engineer lets the station test on with an instrument past its calibration due date: the
 * engineer's name and PIN checked ({@link EngineerCheck}), then stored with who, when, why, which
 * instrument and due date, valid for the fixture file's {@code calibration-override-hours}.
 */
public final class CalibrationOverrides {
    private final EngineerCheck check;
    private final CalibrationRecords records;
    private final Clock clock;

    public CalibrationOverrides(EngineerCheck check, CalibrationRecords records, Clock clock) {
        this.check = check;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Refuses, before any PIN is asked, an override without a reason or for a role the fixture file
     * gives no due date; returns the due date overridden.
     */
    public static LocalDate checkOverridable(FixtureFile file, String role, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new InputError("an override needs a reason: why the instrument may still be used (--reason \"...\")");
        }
        if (why.length() > 500) {
            throw new InputError("the reason has " + why.length() + " characters: at most 500");
        }
        FixtureCalibration cal = file.calibration();
        return cal.entry(role).flatMap(FixtureCalibration.Entry::due).orElseThrow(() -> {
            TreeSet<String> dated = new TreeSet<>();
            cal.entries().forEach((r, e) -> e.due().ifPresent(d -> dated.add(r)));
            return new InputError("fixture " + file.name() + " gives no calibration-due for instrument '" + role
                    + "' (instruments with one: " + (dated.isEmpty() ? "none" : String.join(", ", dated)) + ")");
        });
    }

    /**
     * Stores the override and returns it; {@link io.benchline.station.flow.EngineerRefused} when the
     * name and PIN are not an engineer's.
     *
     * @param instrument who the instrument says it is ("KEYSIGHT 34461A #MY57200000")
     */
    public CalibrationOverride override(
            FixtureFile file, String role, String instrument, String engineer, char[] pin, String reason) {
        LocalDate due;
        try {
            due = checkOverridable(file, role, reason);
        } catch (InputError e) {
            Arrays.fill(pin, '\0');
            throw e;
        }
        StationUser who = check.engineer(engineer, pin, null, "override the calibration of " + role);
        Optional<String> certificate = file.calibration().entry(role).flatMap(FixtureCalibration.Entry::certificate);
        var at = clock.instant();
        CalibrationOverride o = new CalibrationOverride(
                at,
                who.name(),
                file.station(),
                role,
                instrument,
                due,
                certificate.orElse(null),
                reason.trim(),
                at.plus(file.calibration().overrideFor()));
        records.record(o);
        return o;
    }
}
