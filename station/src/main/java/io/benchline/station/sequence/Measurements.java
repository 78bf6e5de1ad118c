package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.Verdict;
import io.benchline.station.fixture.FixtureInstrument;
import io.benchline.station.plan.Limits;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds measurement records against limits, and says in words why one failed. */
public final class Measurements {
    private Measurements() {}

    public static MeasurementRecord of(String name, double reading, String unit, Limits limits) {
        return new MeasurementRecord(
                name,
                reading,
                unit,
                limits.low(),
                limits.high(),
                limits.accepts(reading) ? Verdict.PASS : Verdict.FAIL);
    }

    /** The readings, each stamped with the instrument that took them (unchanged when the fixture has none in that role). */
    static List<MeasurementRecord> takenBy(List<MeasurementRecord> ms, Optional<FixtureInstrument> by) {
        if (by.isEmpty()) {
            return ms;
        }
        return ms.stream().map(m -> m.takenBy(by.get().identity())).toList();
    }

    static String describeFailure(MeasurementRecord m) {
        String v = format(m.reading(), m.unit());
        if (m.low() != null && m.reading() < m.low()) {
            return m.name() + " " + v + " is below " + format(m.low(), m.unit());
        }
        if (m.high() != null && m.reading() > m.high()) {
            return m.name() + " " + v + " is above " + format(m.high(), m.unit());
        }
        return m.name() + " " + v + " is outside its limits";
    }

    public static String format(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g %s", value, unit).trim();
    }
}
