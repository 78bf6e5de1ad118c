package io.benchline.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.RunRow;
import io.benchline.db.StepRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trace as JSON, keys in snake_case like the report's, times ISO-8601 UTC. */
public final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {}

    public static String render(BoardTrace t) {
        try {
            return MAPPER.writeValueAsString(tree(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> tree(BoardTrace t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", t.key());
        m.put("matched_by", t.byUid() ? "uid" : "serial");
        m.put("uid", t.uid());
        m.put("serials", t.serials());
        m.put("several_serials", t.boards().size() > 1);
        List<Object> boards = new ArrayList<>();
        for (BoardTrace.Board b : t.boards()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("serial", b.serial());
            o.put("runs", b.runs().stream().map(TraceJson::run).toList());
            boards.add(o);
        }
        m.put("boards", boards);
        return m;
    }

    private static Map<String, Object> run(RunDetail d) {
        RunRow r = d.run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.id());
        m.put("serial", r.serial());
        m.put("uid", r.uid());
        m.put("batch", r.batch());
        m.put("station", r.station());
        m.put("operator", r.operator());
        m.put("fixture", r.fixture());
        m.put("plan_name", r.planName());
        m.put("plan_version", r.planVersion());
        m.put("plan_sha256", r.planSha256());
        m.put("firmware_sha256", r.firmwareSha256());
        m.put("software_version", r.softwareVersion());
        m.put("started_at", time(r.startedAt()));
        m.put("ended_at", time(r.endedAt()));
        m.put("verdict", r.verdict() == null ? null : r.verdict().name());
        m.put("failed_step", r.failedStep());
        m.put("hint", r.hint());
        m.put("message", r.message());
        List<Object> steps = new ArrayList<>();
        for (RunDetail.StepDetail sd : d.steps()) {
            StepRow s = sd.step();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("seq", s.seq());
            o.put("name", s.name());
            o.put("kind", s.kind());
            o.put("started_at", time(s.startedAt()));
            o.put("ended_at", time(s.endedAt()));
            o.put("verdict", s.verdict() == null ? null : s.verdict().name());
            o.put("message", s.message());
            o.put(
                    "measurements",
                    sd.measurements().stream().map(TraceJson::measurement).toList());
            steps.add(o);
        }
        m.put("steps", steps);
        return m;
    }

    private static Map<String, Object> measurement(MeasurementRow x) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", x.name());
        o.put("reading", x.reading());
        o.put("unit", x.unit());
        o.put("low", x.low());
        o.put("high", x.high());
        o.put("verdict", x.verdict() == null ? null : x.verdict().name());
        if (x.instrument() != null) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("make", x.instrument().make());
            i.put("model", x.instrument().model());
            i.put("serial", x.instrument().serial());
            i.put("firmware", x.instrument().firmware());
            i.put("label", x.instrument().label());
            o.put("instrument", i);
        } else {
            o.put("instrument", null);
        }
        return o;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
