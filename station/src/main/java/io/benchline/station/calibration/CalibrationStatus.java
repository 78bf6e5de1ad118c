package io.benchline.station.calibration;

import io.benchline.station.fixture.FixtureCalibration;
import io.benchline.station.fixture.FixtureInstrument;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One instrument's calibration on a given day. An instrument may be used through its due date;
 * from the day after it is EXPIRED. WARN within the fixture's warn days of it; NONE when the
 * fixture file gives no date.
 */
public record CalibrationStatus(FixtureInstrument instrument, Optional<LocalDate> due, long daysLeft, State state) {
    public enum State {
        OK,
        WARN,
        EXPIRED,
        NONE
    }

    public static List<CalibrationStatus> of(List<FixtureInstrument> instruments, int warnDays, LocalDate today) {
        return instruments.stream().map(i -> of(i, warnDays, today)).toList();
    }

    public static CalibrationStatus of(FixtureInstrument i, int warnDays, LocalDate today) {
        Optional<LocalDate> due = i.calibration().flatMap(FixtureCalibration.Entry::due);
        if (due.isEmpty()) {
            return new CalibrationStatus(i, due, 0, State.NONE);
        }
        long left = ChronoUnit.DAYS.between(today, due.get());
        State s = left < 0 ? State.EXPIRED : left <= warnDays ? State.WARN : State.OK;
        return new CalibrationStatus(i, due, left, s);
    }

    public Optional<String> certificate() {
        return instrument.calibration().flatMap(FixtureCalibration.Entry::certificate);
    }

    /** "due 2027-03-01 (12 days left)", "EXPIRED 2026-11-30 (2 days ago)", "no due date". */
    public String when() {
        if (due.isEmpty()) {
            return "no calibration due date";
        }
        return switch (state) {
            case EXPIRED -> "calibration EXPIRED " + due.get() + " (" + days(-daysLeft) + " ago)";
            case WARN, OK ->
                "calibration due " + due.get() + (daysLeft == 0 ? " (today)" : " (in " + days(daysLeft) + ")");
            case NONE -> "no calibration due date";
        };
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
