package io.benchline.reports.spc;

import java.util.List;

/**
 * The centre line and σ of an individuals chart; the zones are at 1σ, 2σ and 3σ either side.
 *
 * @param given true when the plan gave them, false when estimated from a baseline
 */
public record ControlLimits(double centre, double sigma, boolean given) {
    /** d2 for moving ranges of two points: σ = average moving range / d2. */
    public static final double D2 = 1.128;

    public ControlLimits {
        if (!Double.isFinite(centre) || !Double.isFinite(sigma) || sigma < 0) {
            throw new IllegalArgumentException("control limits need a finite centre and a σ of 0 or more");
        }
    }

    /** Centre the mean, σ the average moving range over {@link #D2}; needs two readings or more. */
    public static ControlLimits estimate(List<Double> baseline) {
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("a baseline needs at least 2 readings, has " + baseline.size());
        }
        double sum = 0;
        double ranges = 0;
        for (int i = 0; i < baseline.size(); i++) {
            sum += baseline.get(i);
            if (i > 0) {
                ranges += Math.abs(baseline.get(i) - baseline.get(i - 1));
            }
        }
        return new ControlLimits(sum / baseline.size(), ranges / (baseline.size() - 1) / D2, false);
    }

    /** How many σ the value lies from the centre, signed. */
    public double z(double value) {
        return (value - centre) / sigma;
    }

    /** The line at k σ from the centre (k negative below it). */
    public double line(double k) {
        return centre + k * sigma;
    }

    /** A chart with σ 0 (every baseline reading the same) cannot tell one point from another; it judges nothing. */
    public boolean judges() {
        return sigma > 0;
    }
}
