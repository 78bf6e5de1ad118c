package io.benchline.station.plan;

/**
 * Inclusive limits; either side may be open (null). A measure step may add a marginal band inside
 * them: a reading that passes below {@code marginalLow} or above {@code marginalHigh} (either may be
 * null: no band on that side) is a marginal pass, too close to a limit for comfort.
 */
public record Limits(Double low, Double high, Double marginalLow, Double marginalHigh) {
    public static final Limits NONE = new Limits(null, null);

    public Limits(Double low, Double high) {
        this(low, high, null, null);
    }

    public boolean accepts(double value) {
        return !Double.isNaN(value) && (low == null || value >= low) && (high == null || value <= high);
    }

    /** A reading that passes, but in the marginal band. */
    public boolean marginal(double value) {
        return accepts(value)
                && ((marginalLow != null && value < marginalLow) || (marginalHigh != null && value > marginalHigh));
    }

    public boolean hasMarginalBand() {
        return marginalLow != null || marginalHigh != null;
    }

    @Override
    public String toString() {
        return "[" + (low == null ? "-inf" : fmt(low)) + ", " + (high == null ? "+inf" : fmt(high)) + "]";
    }

    private static String fmt(double d) {
        return String.valueOf(d);
    }
}
