package io.benchline.db;

/** A judged reading left out of process capability (its board failed power-on), keyed like a tally. */
public record ExcludedReading(String name, String unit, Double low, Double high, double reading) {}
