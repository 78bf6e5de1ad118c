package io.benchline.reports;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a measurement's readings are a continuous physical quantity, for which Cpk means something.
 * The report reads only what is stored, so this is told from the unit and the limits: a unit of
 * voltage, current, resistance, frequency, time, power, capacitance or temperature (with an SI prefix,
 * e.g. mV, uA, kHz, ms), and at least one limit. Counts, sizes, levels and identities (units B, KiB,
 * or none: RDP level, flash size, bytes programmed, verify mismatches) are discrete.
 */
final class ContinuousMeasurement {
    private static final Set<String> UNITS = Set.of("V", "A", "Ohm", "ohm", "Ω", "Hz", "s", "W", "F", "°C", "degC");
    private static final Pattern PREFIX = Pattern.compile("^[pnuµmkMG]");

    private ContinuousMeasurement() {
    }

    static boolean test(String unit, Double low, Double high) {
        if (unit == null || (low == null && high == null)) {
            return false;
        }
        String u = unit.trim();
        return UNITS.contains(u) || (u.length() > 1 && PREFIX.matcher(u).find() && UNITS.contains(u.substring(1)));
    }
}
