package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * A point of a control chart that broke one or more rules: what a station stores as a new alarm,
 * or adds to the chart's open one.
 *
 * @param rules rule ids, e.g. {@code 6-rising}
 */
public record SpcFiring(
        String station,
        String planName,
        String measurement,
        String unit,
        String batch,
        double centre,
        double sigma,
        Instant at,
        String serial,
        double reading,
        List<String> rules) {
    public SpcFiring {
        rules = List.copyOf(rules);
    }
}
