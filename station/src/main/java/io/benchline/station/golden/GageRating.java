package io.benchline.station.golden;

/**
 * How much of a measurement's tolerance the station's repeatability uses, rated as the AIAG
 * measurement-system guidance rates a gauge study: up to 10 % good, 10 to 30 % marginal (may do,
 * depending on the measurement's importance), over 30 % unacceptable.
 */
public enum GageRating {
    GOOD,
    MARGINAL,
    UNACCEPTABLE;

    static final double GOOD_UP_TO = 10.0;
    static final double MARGINAL_UP_TO = 30.0;

    static GageRating of(double tolerancePct) {
        if (tolerancePct <= GOOD_UP_TO) {
            return GOOD;
        }
        return tolerancePct <= MARGINAL_UP_TO ? MARGINAL : UNACCEPTABLE;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
