package io.benchline.reports;

/**
 * Statistics of one measurement (name, unit and limits) over a batch: every judged reading of
 * every run, retests included. sigma is the sample standard deviation (null below 2 readings).
 * Cpk is for continuous measurements only ({@link ContinuousMeasurement}) and is computed from the
 * process readings: all of them but those of boards that failed power-on or a rail check
 * ({@code cpkN} readings); null for discrete measurements, without limits, below 2 readings or when
 * their sigma is 0. {@code marginal}: how many readings passed in the plan's marginal band.
 */
public record MeasurementStats(
        String name,
        String unit,
        Double low,
        Double high,
        long n,
        double mean,
        Double sigma,
        double min,
        double max,
        boolean continuous,
        long cpkN,
        Double cpk,
        Histogram histogram,
        long marginal) {

    static Double cpk(double mean, Double sigma, Double low, Double high) {
        if (sigma == null || sigma == 0 || (low == null && high == null)) {
            return null;
        }
        double upper = high == null ? Double.POSITIVE_INFINITY : (high - mean) / (3 * sigma);
        double lower = low == null ? Double.POSITIVE_INFINITY : (mean - low) / (3 * sigma);
        return Math.min(upper, lower);
    }
}
