package io.benchline.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.benchline.db.BatchStation;
import io.benchline.reports.spc.ChartPoint;
import io.benchline.reports.spc.ControlChart;
import io.benchline.reports.spc.ControlLimits;
import io.benchline.reports.spc.SpcRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch report as JSON (keys in snake_case, fractions 0..1, null where a number is
 * undefined). The keys are a contract for line controllers and scripts: see docs/yield.md.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static String render(BatchReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each control chart's limits and the points that broke a rule, with their boards and rules. */
    private static List<Object> controlCharts(BatchReport r) {
        List<Object> out = new ArrayList<>();
        for (ControlChart c : r.controlCharts()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("measurement", c.measurement());
            o.put("unit", c.unit());
            o.put("points", c.points().size());
            o.put("baseline", c.baseline());
            o.put("centre", c.limits().map(ControlLimits::centre).orElse(null));
            o.put("sigma", c.limits().map(ControlLimits::sigma).orElse(null));
            o.put("gap", c.gap());
            List<Object> violations = new ArrayList<>();
            for (int i = 0; i < c.points().size(); i++) {
                ChartPoint p = c.points().get(i);
                if (!p.violates()) {
                    continue;
                }
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("point", p.index() + 1);
                v.put("serial", c.serials().get(i));
                v.put("reading", p.value());
                v.put("rules", p.violations().stream().sorted().map(SpcRule::id).toList());
                violations.add(v);
            }
            o.put("violations", violations);
            out.add(o);
        }
        return out;
    }

    public static Map<String, Object> tree(BatchReport r) {
        Map<String, Object> m = yieldTree(r.yield());
        m.put("product", r.product());
        m.put("generated_at", r.generatedAt().toString());
        List<Object> ms = new ArrayList<>();
        for (MeasurementStats s : r.measurements()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("unit", s.unit());
            o.put("low", s.low());
            o.put("high", s.high());
            o.put("n", s.n());
            o.put("mean", s.mean());
            o.put("sigma", s.sigma());
            o.put("min", s.min());
            o.put("max", s.max());
            o.put("continuous", s.continuous());
            o.put("cpk_n", s.cpkN());
            o.put("cpk", finite(s.cpk()));
            o.put("marginal", s.marginal());
            List<Object> bins = new ArrayList<>();
            for (Histogram.Bin b : s.histogram().bins()) {
                bins.add(List.of(b.lower(), b.upper(), b.count()));
            }
            o.put("histogram", bins);
            ms.add(o);
        }
        m.put("measurements", ms);
        m.put("control_charts", controlCharts(r));
        List<Object> stations = new ArrayList<>();
        for (BatchStation s : r.stations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("station", s.station());
            o.put("runs", s.runs());
            o.put("boards", s.boardsTested());
            o.put("passed_first", s.passedFirst());
            o.put("first_pass_yield", finite(s.firstPassYield()));
            o.put("station_problems", s.stationProblems());
            stations.add(o);
        }
        m.put("stations", stations);
        return m;
    }

    /** The yield part alone: what the demo summary prints, key for key. */
    public static Map<String, Object> yieldTree(YieldReport y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", y.batch());
        m.put("boards", y.boards());
        m.put("runs", y.runs());
        m.put("passed_first", y.passedFirst());
        m.put("passed_final", y.passedFinal());
        m.put("first_pass_yield", finite(y.firstPassYield()));
        m.put("final_yield", finite(y.finalYield()));
        m.put("retests", y.retests());
        m.put("retest_rate", finite(y.retestRate()));
        m.put("error_runs", y.errorRuns());
        m.put("aborted_runs", y.abortedRuns());
        m.put("station_problems", y.stationProblems());
        m.put("open_runs", y.openRuns());
        m.put("first_run_at", y.firstRunAt() == null ? null : y.firstRunAt().toString());
        m.put("last_run_at", y.lastRunAt() == null ? null : y.lastRunAt().toString());
        m.put("last_end_at", y.lastEndAt() == null ? null : y.lastEndAt().toString());
        m.put("boards_per_hour", finite(y.boardsPerHour()));
        List<Object> fs = new ArrayList<>();
        for (FailureCount f : y.failures()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("step", f.step());
            o.put("measurement", f.measurement());
            o.put("runs", f.runs());
            o.put("hint", f.hint());
            fs.add(o);
        }
        m.put("failures", fs);
        List<Object> hs = new ArrayList<>();
        for (HourBucket h : y.hours()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("hour", h.hour().toString());
            o.put("runs", h.runs());
            o.put("boards_tested", h.boardsTested());
            o.put("passed_first", h.passedFirst());
            o.put("first_pass_yield", finite(h.firstPassYield()));
            o.put("station_problems", h.stationProblems());
            hs.add(o);
        }
        m.put("hours", hs);
        return m;
    }

    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
