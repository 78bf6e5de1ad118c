package io.benchline.db;

/** One number with its unit and limits (either limit may be null), and its verdict. */
public record MeasurementRecord(String name, Double reading, String unit, Double low, Double high, Verdict verdict) {}
