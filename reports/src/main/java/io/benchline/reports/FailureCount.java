package io.benchline.reports;

/**
 * One bar of the failure Pareto: the first failing step and, when a measurement failed, the first
 * failing measurement in it; how many FAIL runs stopped there; the step's hint.
 */
public record FailureCount(String step, String measurement, long runs, String hint) {
    /** "VDD", or "VDD / VDD spread" when the measurement is not the step's own. */
    public String label() {
        return measurement == null || measurement.equals(step) ? step : step + " / " + measurement;
    }
}
