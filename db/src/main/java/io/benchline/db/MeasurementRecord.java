package io.benchline.db;

/**
 * One number with its unit and limits (either limit may be null), and its verdict. {@code marginal}:
 * it passed, but in the marginal band its plan gives near a limit.
 */
public record MeasurementRecord(
        String name, Double reading, String unit, Double low, Double high, Verdict verdict, boolean marginal) {

    /** A reading without a marginal band. */
    public MeasurementRecord(String name, Double reading, String unit, Double low, Double high, Verdict verdict) {
        this(name, reading, unit, low, high, verdict, false);
    }
}
