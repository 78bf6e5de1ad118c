package io.benchline.reports.spc;

import java.util.Set;

/**
 * One point of an individuals chart as it was judged.
 *
 * @param index      0 for the chart's first point
 * @param baseline   the point went into the estimate of the limits
 * @param violations the rules this point completed; empty while the chart has no limits yet
 */
public record ChartPoint(int index, double value, boolean baseline, Set<SpcRule> violations) {
    public ChartPoint {
        violations = Set.copyOf(violations);
    }

    public boolean violates() {
        return !violations.isEmpty();
    }
}
