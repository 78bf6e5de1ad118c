package io.benchline.station.plan;

import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.YamlError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the plan's {@code spc:} block and the steps' {@code spc:} keys (docs/plan-format.md). */
final class SpcLoader {
    static final int MAX_BASELINE = 1000;

    private final Map<String, SpcPlan.Given> given = new HashMap<>();
    private final List<String> off = new ArrayList<>();
    private boolean on = true;
    private int baseline = SpcPlan.DEFAULT_BASELINE;

    /** The plan-level block: {@code spc: off}, or {@code spc: {baseline: N}}. */
    void plan(Fields f) {
        Optional<Node> n = f.optNode("spc");
        if (n.isEmpty()) {
            return;
        }
        if (n.get() instanceof Node.Scalar s) {
            on = onOff(s, "spc");
            return;
        }
        Fields spc = Fields.of(n.get(), "spc");
        baseline = spc.integer("baseline", SpcPlan.DEFAULT_BASELINE);
        if (baseline < 2 || baseline > MAX_BASELINE) {
            throw new YamlError(
                    spc.where("baseline"),
                    "spc: baseline must be 2 to " + MAX_BASELINE + " readings of passing boards, found " + baseline);
        }
        spc.done();
    }

    /** A step's key: {@code spc: off}, or {@code spc: {centre: C, sigma: S}}; only on a step whose reading a chart follows. */
    void step(Fields f, Step step, String what) {
        Optional<Node> n = f.optNode("spc");
        if (n.isEmpty()) {
            return;
        }
        Optional<String> measurement = SpcPlan.measurementOf(step);
        if (measurement.isEmpty()) {
            throw new YamlError(
                    f.where("spc"),
                    what + ": 'spc' belongs on a measure step or a power step with output: true"
                            + " (the readings a control chart follows)");
        }
        if (n.get() instanceof Node.Scalar s) {
            if (onOff(s, "spc")) {
                throw new YamlError(
                        s.where(), what + ": spc is on by default; write 'spc: off' or give centre and sigma");
            }
            off.add(measurement.get());
            return;
        }
        Fields spc = Fields.of(n.get(), what + " spc");
        double centre = spc.number("centre");
        double sigma = spc.number("sigma");
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new YamlError(spc.where("sigma"), what + ": spc sigma must be above 0, found " + sigma);
        }
        spc.done();
        given.put(measurement.get(), new SpcPlan.Given(centre, sigma));
    }

    SpcPlan build(Node root) {
        if (!on && (!given.isEmpty() || !off.isEmpty())) {
            throw new YamlError(root.where(), "the plan has 'spc: off' but a step sets its own 'spc'");
        }
        return new SpcPlan(on, baseline, given, off);
    }

    private static boolean onOff(Node.Scalar s, String key) {
        return switch (s.text()) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default ->
                throw new YamlError(
                        s.where(), "'" + key + "' must be off, on, or a block of keys, found '" + s.text() + "'");
        };
    }
}
