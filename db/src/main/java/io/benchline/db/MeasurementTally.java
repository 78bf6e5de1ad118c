package io.benchline.db;

/**
 * The readings of one measurement (name, unit, limits) in one histogram bin of a batch, as the
 * store counts them: how many, their sum and sum of squares as offsets from the bin's first
 * reading {@code ref}, their extremes, and how many of them were marginal passes.
 */
public record MeasurementTally(
        String name,
        String unit,
        Double low,
        Double high,
        int bin,
        long n,
        double ref,
        double s1,
        double s2,
        double minReading,
        double maxReading,
        long marginal) {}
