package io.benchline.db;

/** A stored measurement as read back; {@code marginal}: a pass in the marginal band near a limit. */
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
        boolean marginal) {}
