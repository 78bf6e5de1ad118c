package io.benchline.station.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live process control as the plan asks for it (its {@code spc:} block and each step's {@code spc:} key):
 * an individuals chart for each continuous measurement, its limits given or estimated from the first
 * baseline readings of passing boards of the batch.
 *
 * @param on       false with {@code spc: off}: no charts at all
 * @param baseline readings of passing boards the limits of a chart are estimated from
 * @param given    charts whose centre and σ the plan gives, by measurement name
 * @param off      measurements with {@code spc: off}
 */
public record SpcPlan(boolean on, int baseline, Map<String, Given> given, List<String> off) {
    public static final int DEFAULT_BASELINE = 20;
    public static final SpcPlan DEFAULT = new SpcPlan(true, DEFAULT_BASELINE, Map.of(), List.of());

    public SpcPlan {
        given = Map.copyOf(given);
        off = List.copyOf(off);
    }

    /** A centre and σ given in the plan. */
    public record Given(double centre, double sigma) {}

    /** The charted measurements of a plan: each measure step's reading and each power-on step's current, unless off. */
    public List<String> measurements(List<Step> steps) {
        if (!on) {
            return List.of();
        }
        return steps.stream()
                .map(SpcPlan::measurementOf)
                .flatMap(Optional::stream)
                .filter(name -> !off.contains(name))
                .toList();
    }

    /** The continuous measurement a step takes, which a chart may follow. */
    static Optional<String> measurementOf(Step s) {
        if (s instanceof Step.Measure m) {
            return Optional.of(m.name());
        }
        if (s instanceof Step.Power p && p.on()) {
            return Optional.of(p.name() + " current");
        }
        return Optional.empty();
    }

    public Optional<Given> givenFor(String measurement) {
        return Optional.ofNullable(given.get(measurement));
    }
}
