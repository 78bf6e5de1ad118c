package io.benchline.station.spc;

import io.benchline.db.ChartRun;
import io.benchline.db.ChartRuns;
import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.SpcAlarm;
import io.benchline.db.SpcFiring;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.reports.spc.ChartPoint;
import io.benchline.reports.spc.ControlLimits;
import io.benchline.reports.spc.IndividualsChart;
import io.benchline.reports.spc.SpcRule;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.SpcPlan;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.RunOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A station's live control charts: one individuals chart per continuous measurement of its plan,
 * fed each stored run of the batch (not the readings of a board that failed power-on; only passing
 * boards' readings make a baseline). A point that breaks a rule raises an alarm, or adds to the
 * chart's open one; it never changes a verdict. The charts of a batch are rebuilt from the database
 * at its first run here, so a restarted station goes on where it stopped.
 */
public final class ProcessCharts {
    /** Runs read back to rebuild a chart's last points after a restart: more than its window, as some runs may not count. */
    static final int TAIL_RUNS = 32;

    private final Plan plan;
    private final String station;
    private final Database db;
    private final Clock clock;
    private final List<String> measurements;
    private final Map<String, IndividualsChart> charts = new LinkedHashMap<>();
    private String batch;

    public ProcessCharts(Plan plan, String station, Database db, Clock clock) {
        this.plan = plan;
        this.station = station;
        this.db = db;
        this.clock = clock;
        this.measurements = plan.spc().measurements(plan.steps());
    }

    public String station() {
        return station;
    }

    /** Feeds a stored run into the charts; returns the alarms it raised or added to. */
    public synchronized List<SpcAlarm> observe(String batch, RunOutcome run) {
        if (measurements.isEmpty() || !ChartRun.inProcess(run.verdict(), failedKind(run.failedStep()))) {
            return List.of();
        }
        if (!Objects.equals(batch, this.batch)) {
            rebuild(batch, run.runId());
        }
        List<SpcAlarm> raised = new ArrayList<>();
        boolean passing = run.verdict() == Verdict.PASS;
        for (StepRecord step : run.steps()) {
            for (MeasurementRecord m : step.measurements()) {
                IndividualsChart chart = charts.get(m.name());
                if (chart == null || m.reading() == null || !judged(m.verdict())) {
                    continue;
                }
                ChartPoint p = chart.add(m.reading(), passing);
                if (p.violates()) {
                    ControlLimits l = chart.limits().orElseThrow();
                    raised.add(db.spcAlarms()
                            .raise(new SpcFiring(
                                    station,
                                    plan.name(),
                                    m.name(),
                                    m.unit(),
                                    batch,
                                    l.centre(),
                                    l.sigma(),
                                    clock.instant(),
                                    run.serial(),
                                    m.reading(),
                                    p.violations().stream()
                                            .sorted()
                                            .map(SpcRule::id)
                                            .toList())));
                }
            }
        }
        return raised;
    }

    /** The charts of a batch as the runs stored before runId left them; no alarm is raised again. */
    private void rebuild(String batch, long runId) {
        this.batch = batch;
        charts.clear();
        SpcPlan spc = plan.spc();
        for (String name : measurements) {
            charts.put(
                    name,
                    spc.givenFor(name)
                            .map(g -> IndividualsChart.given(new ControlLimits(g.centre(), g.sigma(), true)))
                            .orElseGet(() -> IndividualsChart.estimated(spc.baseline())));
        }
        // the baseline lies in the batch's first runs; five times its size leaves room for the boards that failed
        ChartRuns stored = db.charts().runs(batch, station, plan.name(), runId, 5 * spc.baseline(), TAIL_RUNS);
        stored.head().forEach(this::replay);
        if (stored.gap()) {
            charts.values().forEach(IndividualsChart::breakRun);
        }
        stored.tail().forEach(this::replay);
    }

    private void replay(ChartRun run) {
        if (!run.inProcess()) {
            return;
        }
        for (ChartRun.Reading r : run.readings()) {
            IndividualsChart chart = charts.get(r.name());
            if (chart != null) {
                chart.add(r.value(), run.verdict() == Verdict.PASS);
            }
        }
    }

    private static boolean judged(Verdict v) {
        return v == Verdict.PASS || v == Verdict.FAIL;
    }

    private String failedKind(String failedStep) {
        return plan.steps().stream()
                .filter(s -> s.name().equals(failedStep))
                .map(Step::kind)
                .findFirst()
                .orElse(null);
    }
}
