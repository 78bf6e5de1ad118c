package io.benchline.reports;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a measurement's readings are a continuous physical quantity, for which Cpk means something.
 * The report reads only what is stored, so this is told from the unit: voltage, current, resistance,
 * frequency, time, power, capacitance or temperature, with or without an SI prefix (mV, uA, kHz, ms).
 * Counts, sizes, levels and identities (units B, KiB, or none: RDP level, flash size, bytes programmed,
 * verify mismatches) are discrete. A continuous measurement without limits has no Cpk either.
 */
public final class ContinuousMeasurement {
    private static final Set<String> UNITS = Set.of("V", "A", "Ohm", "ohm", "Ω", "Hz", "s", "W", "F", "°C", "degC");
    private static final Pattern PREFIX = Pattern.compile("^[pnuµmkMG]");

    private ContinuousMeasurement() {}

    public static boolean test(String unit) {
        if (unit == null) {
            return false;
        }
        String u = unit.trim();
        return UNITS.contains(u) || (u.length() > 1 && PREFIX.matcher(u).find() && UNITS.contains(u.substring(1)));
    }
}
