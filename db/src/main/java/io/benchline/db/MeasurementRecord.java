package io.benchline.db;

/**
 * One number with its unit and limits (either limit may be null), and its verdict; instrument is
 * the one that took it, or null (a value computed, or read by the probe). {@code marginal}: it
 * passed, but in the marginal band its plan gives near a limit.
 */
public record MeasurementRecord(
        String name,
        Double reading,
        String unit,
        Double low,
        Double high,
        Verdict verdict,
        InstrumentIdentity instrument,
        boolean marginal) {

    public MeasurementRecord(String name, Double reading, String unit, Double low, Double high, Verdict verdict) {
        this(name, reading, unit, low, high, verdict, null, false);
    }

    /** A reading without a marginal band. */
    public MeasurementRecord(
            String name,
            Double reading,
            String unit,
            Double low,
            Double high,
            Verdict verdict,
            InstrumentIdentity instrument) {
        this(name, reading, unit, low, high, verdict, instrument, false);
    }

    /** A reading judged against a marginal band, its instrument not (yet) known. */
    public MeasurementRecord(
            String name, Double reading, String unit, Double low, Double high, Verdict verdict, boolean marginal) {
        this(name, reading, unit, low, high, verdict, null, marginal);
    }

    /** The same reading, taken by the given instrument. */
    public MeasurementRecord takenBy(InstrumentIdentity by) {
        return new MeasurementRecord(name, reading, unit, low, high, verdict, by, marginal);
    }
}
