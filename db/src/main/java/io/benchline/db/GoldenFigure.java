package io.benchline.db;

/**
 * The repeatability of one continuous measurement over a golden check's runs.
 *
 * @param tolerancePct 6 sigma over (high - low), in percent; null for a measurement with a one-sided limit
 * @param rating       good, marginal or unacceptable (the tolerancePct against 10 % and 30 %); null with it
 * @param guardLow     low + k sigma (null without a low limit)
 * @param guardHigh    high - k sigma (null without a high limit)
 */
public record GoldenFigure(
        String name,
        String unit,
        Double low,
        Double high,
        int n,
        double mean,
        double sigma,
        Double tolerancePct,
        String rating,
        Double guardLow,
        Double guardHigh) {}
