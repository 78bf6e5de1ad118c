package io.benchline.db;

/**
 * One number with its unit and limits (either limit may be null), and its verdict; instrument is
 * the one that took it, or null (a value computed, or read by the probe).
 */
public record MeasurementRecord(
        String name,
        Double reading,
        String unit,
        Double low,
        Double high,
        Verdict verdict,
        InstrumentIdentity instrument) {

    public MeasurementRecord(String name, Double reading, String unit, Double low, Double high, Verdict verdict) {
        this(name, reading, unit, low, high, verdict, null);
    }

    /** The same reading, taken by the given instrument. */
    public MeasurementRecord takenBy(InstrumentIdentity by) {
        return new MeasurementRecord(name, reading, unit, low, high, verdict, by);
    }
}
