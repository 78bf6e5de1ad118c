package io.benchline.station.plan;

/** Inclusive limits; either side may be open (null). */
public record Limits(Double low, Double high) {
    public static final Limits NONE = new Limits(null, null);

    public boolean accepts(double value) {
        return !Double.isNaN(value) && (low == null || value >= low) && (high == null || value <= high);
    }

    @Override
    public String toString() {
        return "[" + (low == null ? "-inf" : fmt(low)) + ", " + (high == null ? "+inf" : fmt(high)) + "]";
    }

    private static String fmt(double d) {
        return String.valueOf(d);
    }
}
