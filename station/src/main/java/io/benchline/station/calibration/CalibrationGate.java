package io.benchline.station.calibration;

import io.benchline.db.CalibrationOverride;
import io.benchline.db.CalibrationRecords;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.fixture.FixtureCalibration;
import io.benchline.station.fixture.FixtureInstrument;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asked before each run powers anything (docs/fixture-format.md#calibration): an instrument past
 * its calibration due date refuses the run unless an engineer's override for that instrument and
 * date is in force; one within the warning window lets it go on with a warning. A fixture file
 * without due dates is never asked about.
 */
public final class CalibrationGate {
    private final CalibrationRecords records;
    private final Clock clock;
    private final ZoneId zone;

    public CalibrationGate(CalibrationRecords records, Clock clock) {
        this(records, clock, ZoneId.systemDefault());
    }

    /** @param zone where the station stands: a due date ends at its midnight */
    public CalibrationGate(CalibrationRecords records, Clock clock, ZoneId zone) {
        this.records = records;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the check found: refusal (one line) when the run must not start, else warnings to show. */
    public record Finding(Optional<String> refusal, List<String> warnings) {
        public String message() {
            return refusal.orElseGet(
                    () -> warnings.isEmpty() ? "every instrument in calibration" : String.join("; ", warnings));
        }
    }

    /** Whether this fixture's runs check calibration first (its file gives a due date). */
    public static boolean applies(Fixture fixture) {
        return fixture.file().calibration().anyDue();
    }

    public Finding check(Fixture fixture) {
        FixtureCalibration cal = fixture.file().calibration();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> warnings = new ArrayList<>();
        for (FixtureInstrument i : fixture.instruments()) {
            CalibrationStatus s = CalibrationStatus.of(i, cal.warnDays(), today);
            if (s.state() == CalibrationStatus.State.NONE) {
                continue;
            }
            if (i.swapped().isPresent()) {
                return refused(i.swapped().get() + ": its calibration due date is another instrument's; correct the"
                        + " fixture file");
            }
            switch (s.state()) {
                case EXPIRED -> {
                    Optional<CalibrationOverride> o = records.inForce(
                            fixture.file().station(), i.role(), s.due().orElseThrow(), clock.instant());
                    if (o.isEmpty()) {
                        return refused(i.describe() + ": " + s.when() + ": not used for tests until calibrated, or an"
                                + " engineer overrides (benchline calibration override --instrument " + i.role()
                                + ")");
                    }
                    warnings.add(i.describe() + ": " + s.when() + ", used under "
                            + o.get().author()
                            + "'s override until "
                            + o.get()
                                    .validUntil()
                                    .atZone(zone)
                                    .toLocalDateTime()
                                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                            + " (" + o.get().reason() + ")");
                }
                case WARN -> warnings.add(i.describe() + ": " + s.when());
                default -> {
                    // in calibration
                }
            }
        }
        return new Finding(Optional.empty(), List.copyOf(warnings));
    }

    private static Finding refused(String line) {
        return new Finding(Optional.of(line), List.of());
    }
}
