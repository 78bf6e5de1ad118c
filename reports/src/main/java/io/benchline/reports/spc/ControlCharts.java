package io.benchline.reports.spc;

import io.benchline.db.ChartRun;
import io.benchline.db.ChartRuns;
import io.benchline.db.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's control charts of a batch: each continuous measurement's readings in run order (every
 * station), without the boards that failed power-on, limits from the first baseline readings of
 * passing boards, judged by the same rules as a station's live chart.
 */
public final class ControlCharts {
    /** The report does not read the plan: its charts take the plans' default baseline. */
    public static final int BASELINE = 20;
    /** Runs read at each end of a batch: the baseline lies in the first, the last points in the others. */
    public static final int HEAD_RUNS = 5 * BASELINE;

    public static final int TAIL_RUNS = 300;

    private ControlCharts() {}

    /** One chart per name in measurements that has readings, in the order of measurements. */
    public static List<ControlChart> of(ChartRuns runs, List<String> measurements) {
        Map<String, Builder> charts = new LinkedHashMap<>();
        Set<String> wanted = Set.copyOf(measurements);
        for (String name : measurements) {
            charts.put(name, new Builder(name));
        }
        runs.head().forEach(r -> add(charts, wanted, r));
        if (runs.gap()) {
            charts.values().forEach(b -> b.chart.breakRun());
        }
        runs.tail().forEach(r -> add(charts, wanted, r));
        List<ControlChart> out = new ArrayList<>();
        for (Builder b : charts.values()) {
            if (!b.points.isEmpty()) {
                out.add(new ControlChart(b.name, b.unit, b.chart.limits(), BASELINE, b.points, b.serials, runs.gap()));
            }
        }
        return out;
    }

    private static void add(Map<String, Builder> charts, Set<String> wanted, ChartRun run) {
        if (!run.inProcess()) {
            return;
        }
        for (ChartRun.Reading r : run.readings()) {
            if (wanted.contains(r.name())) {
                Builder b = charts.get(r.name());
                b.unit = r.unit();
                b.points.add(b.chart.add(r.value(), run.verdict() == Verdict.PASS));
                b.serials.add(run.serial());
            }
        }
    }

    private static final class Builder {
        final String name;
        final IndividualsChart chart = IndividualsChart.estimated(BASELINE);
        final List<ChartPoint> points = new ArrayList<>();
        final List<String> serials = new ArrayList<>();
        String unit;

        Builder(String name) {
            this.name = name;
        }
    }
}
