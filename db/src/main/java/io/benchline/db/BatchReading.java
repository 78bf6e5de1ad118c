package io.benchline.db;

/** One stored reading of a batch, with the run, board and step it belongs to: a row of the measurements export. */
public record BatchReading(
        long runId,
        String serial,
        String step,
        String name,
        Double reading,
        String unit,
        Double low,
        Double high,
        Verdict verdict) {}
