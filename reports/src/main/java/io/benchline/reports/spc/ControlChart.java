package io.benchline.reports.spc;

import java.util.List;
import java.util.Optional;

/**
 * One measurement's individuals chart over a batch, as the report draws it.
 *
 * @param limits   empty while fewer than baseline readings of passing boards were seen
 * @param serials  the board of each point, in the order of points
 * @param gap      runs in the middle of a long batch were left out (the chart shows its first and its last runs)
 */
public record ControlChart(
        String measurement,
        String unit,
        Optional<ControlLimits> limits,
        int baseline,
        List<ChartPoint> points,
        List<String> serials,
        boolean gap) {
    public ControlChart {
        points = List.copyOf(points);
        serials = List.copyOf(serials);
    }

    /** The points that broke a rule, in order. */
    public List<ChartPoint> violations() {
        return points.stream().filter(ChartPoint::violates).toList();
    }
}
