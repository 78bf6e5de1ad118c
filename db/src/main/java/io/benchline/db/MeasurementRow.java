package io.benchline.db;

/** A stored measurement as read back; instrument is the one that took it, or null. */
public record MeasurementRow(
        long id,
        long stepId,
        long runId,
        String name,
        Double reading,
        String unit,
        Double low,
        Double high,
        Verdict verdict,
        InstrumentIdentity instrument) {

    public MeasurementRow(
            long id,
            long stepId,
            long runId,
            String name,
            Double reading,
            String unit,
            Double low,
            Double high,
            Verdict verdict) {
        this(id, stepId, runId, name, reading, unit, low, high, verdict, null);
    }
}
