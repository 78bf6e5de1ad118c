package io.benchline.station.cli;

import io.benchline.db.ResultPost;
import io.benchline.db.RouteCheck;
import io.benchline.db.RouteChecks;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The MES route checks of a board (and its results' posts) in a trace, as text and as JSON. */
final class RouteCheckTrace {
    private RouteCheckTrace() {}

    static void print(PrintStream out, String serial, List<RouteCheck> checks, RouteChecks store) {
        if (checks.isEmpty()) {
            return;
        }
        out.printf("%nboard %s — %d MES route check(s), newest first%n", serial, checks.size());
        for (RouteCheck c : checks) {
            out.printf(
                    "  %s  %-17s station %s  operator %s  batch %s  %d ms%s%s%n",
                    c.askedAt(),
                    c.decision(),
                    c.station(),
                    c.operator(),
                    c.batch(),
                    c.answeredMs(),
                    c.runId() == null ? "" : "  run " + c.runId(),
                    c.reason() == null ? "" : "  — " + c.reason());
            if (c.runId() != null) {
                store.resultPost(c.runId()).ifPresent(p -> out.println("    result to the MES: " + post(p)));
            }
        }
    }

    private static String post(ResultPost p) {
        return p.state() + " after " + p.attempts() + " attempt(s)"
                + (p.lastError() == null ? "" : ": " + p.lastError());
    }

    static List<Map<String, Object>> json(List<RouteCheck> checks, RouteChecks store) {
        return checks.stream()
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("serial", c.serial());
                    m.put("asked_at", c.askedAt().toString());
                    m.put("decision", c.decision().name());
                    m.put("reason", c.reason());
                    m.put("station", c.station());
                    m.put("operator", c.operator());
                    m.put("batch", c.batch());
                    m.put("plan_name", c.planName());
                    m.put("plan_version", c.planVersion());
                    m.put("mes_url", c.mesUrl());
                    m.put("answered_ms", c.answeredMs());
                    m.put("run_id", c.runId());
                    Optional<ResultPost> p = c.runId() == null ? Optional.empty() : store.resultPost(c.runId());
                    m.put("result_post", p.map(x -> x.state().name()).orElse(null));
                    return m;
                })
                .toList();
    }
}
