package io.benchline.station.ui;

import io.benchline.db.BatchRun;
import io.benchline.db.Verdict;
import io.benchline.reports.YieldCalculator;
import io.benchline.reports.YieldReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts the operator sees for the shift: the runs finished at this station since it started
 * or since the last new shift. First-pass yield follows the batch report's definition.
 */
final class Shift {
    private final List<BatchRun> runs = new ArrayList<>();
    private final Map<String, Long> boardIds = new HashMap<>();
    private String operator;
    private Instant since = Instant.now();

    synchronized void begin(String operator) {
        runs.clear();
        boardIds.clear();
        this.operator = operator;
        this.since = Instant.now();
    }

    synchronized void add(long runId, String serial, Verdict verdict) {
        long board = boardIds.computeIfAbsent(serial, s -> (long) boardIds.size());
        runs.add(new BatchRun(runId, board, Instant.now(), null, verdict, null, null, null));
    }

    synchronized Map<String, Object> counts() {
        YieldReport y = YieldCalculator.compute("shift", runs);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", operator);
        m.put("since", since.toString());
        m.put("boards", boardIds.size());
        m.put("runs", runs.size());
        m.put("passed", runs.stream().filter(r -> r.verdict() == Verdict.PASS).count());
        m.put("failed", runs.stream().filter(r -> r.verdict() == Verdict.FAIL).count());
        m.put("errors", y.stationProblems());
        m.put("first_pass_yield", Double.isNaN(y.firstPassYield()) ? null : y.firstPassYield());
        return m;
    }
}
