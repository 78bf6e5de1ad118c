package io.benchline.station.ui;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.RunRow;
import io.benchline.db.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs, steps and measurements as the API and the live events show them (docs/api.md). */
final class RunView {
    private RunView() {}

    static Map<String, Object> run(RunDetail d) {
        RunRow r = d.run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("serial", r.serial());
        m.put("state", r.verdict() == null ? "running" : "done");
        m.put("verdict", r.verdict());
        m.put("failed_step", r.failedStep());
        m.put("hint", r.hint());
        m.put("message", r.message());
        m.put("batch", r.batch());
        m.put("station", r.station());
        m.put("operator", r.operator());
        m.put("fixture", r.fixture());
        m.put("plan", r.planName());
        m.put("plan_version", r.planVersion());
        m.put("plan_sha256", r.planSha256());
        m.put("firmware_sha256", r.firmwareSha256());
        m.put("software_version", r.softwareVersion());
        m.put("uid", r.uid());
        m.put("panel_label", r.panelLabel());
        m.put("started_at", r.startedAt());
        m.put("ended_at", r.endedAt());
        List<Object> steps = new ArrayList<>();
        for (RunDetail.StepDetail s : d.steps()) {
            List<Object> ms = new ArrayList<>();
            for (MeasurementRow x : s.measurements()) {
                ms.add(measurement(
                        x.name(),
                        x.reading(),
                        x.unit(),
                        x.low(),
                        x.high(),
                        x.verdict().name(),
                        x.instrument()));
            }
            steps.add(step(
                    s.step().seq(),
                    s.step().name(),
                    s.step().kind(),
                    s.step().verdict().name(),
                    s.step().message(),
                    ms));
        }
        m.put("steps", steps);
        return m;
    }

    static Map<String, Object> step(StepRecord s) {
        List<Object> ms = new ArrayList<>();
        for (MeasurementRecord x : s.measurements()) {
            ms.add(measurement(
                    x.name(),
                    x.reading(),
                    x.unit(),
                    x.low(),
                    x.high(),
                    x.verdict().name(),
                    x.instrument()));
        }
        return step(s.seq(), s.name(), s.kind(), s.verdict().name(), s.message(), ms);
    }

    private static Map<String, Object> step(
            int seq, String name, String kind, String verdict, String message, List<Object> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("name", name);
        m.put("kind", kind);
        m.put("verdict", verdict);
        m.put("message", message);
        m.put("measurements", ms);
        return m;
    }

    private static Map<String, Object> measurement(
            String name,
            Double reading,
            String unit,
            Double low,
            Double high,
            String verdict,
            io.benchline.db.InstrumentIdentity instrument) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", reading);
        m.put("unit", unit);
        m.put("low", low);
        m.put("high", high);
        m.put("verdict", verdict);
        m.put("instrument", instrument == null ? null : instrument.label());
        return m;
    }
}
