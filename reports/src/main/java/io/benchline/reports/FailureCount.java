package io.benchline.reports;

/** One bar of the failure Pareto: the first failing step, how many failed runs stopped there, the hint. */
public record FailureCount(String step, long runs, String hint) {
}
