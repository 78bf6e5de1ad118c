package io.benchline.reports;

/**
 * Statistics of one measurement (name, unit and limits) over a batch: every judged reading of
 * every run, retests included. sigma is the sample standard deviation (null below 2 readings);
 * cpk is against the limits it has (null without limits or when sigma is 0).
 */
public record MeasurementStats(String name, String unit, Double low, Double high, long n, double mean, Double sigma,
        double min, double max, Double cpk, Histogram histogram) {

    static Double cpk(double mean, Double sigma, Double low, Double high) {
        if (sigma == null || sigma == 0 || (low == null && high == null)) {
            return null;
        }
        double upper = high == null ? Double.POSITIVE_INFINITY : (high - mean) / (3 * sigma);
        double lower = low == null ? Double.POSITIVE_INFINITY : (mean - low) / (3 * sigma);
        return Math.min(upper, lower);
    }
}
