package io.benchline.reports;

import io.benchline.db.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a {@link YieldReport} from a batch's runs, exactly as docs/yield.md defines it. */
public final class YieldCalculator {
    private YieldCalculator() {
    }

    /** Runs must be in start order (oldest first). */
    public static YieldReport compute(String batch, List<BatchRun> runs) {
        Map<String, BatchRun> firstJudged = new HashMap<>();
        Map<String, BatchRun> lastJudged = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        long retests = 0;
        long errors = 0;
        long aborted = 0;
        long open = 0;
        Map<String, long[]> failCounts = new LinkedHashMap<>();
        Map<String, String> hints = new HashMap<>();
        for (BatchRun r : runs) {
            if (seen.put(r.serial(), Boolean.TRUE) != null) {
                retests++;
            }
            if (r.verdict() == null) {
                open++;
            } else if (r.verdict() == Verdict.ERROR) {
                errors++;
            } else if (r.verdict() == Verdict.ABORTED) {
                aborted++;
            }
            if (r.judgesBoard()) {
                firstJudged.putIfAbsent(r.serial(), r);
                lastJudged.put(r.serial(), r);
            }
            if (r.verdict() == Verdict.FAIL) {
                String step = r.failedStep() == null ? "(unknown step)" : r.failedStep();
                failCounts.computeIfAbsent(step, k -> new long[1])[0]++;
                if (r.hint() != null) {
                    hints.putIfAbsent(step, r.hint());
                }
            }
        }
        long passedFirst = firstJudged.values().stream().filter(r -> r.verdict() == Verdict.PASS).count();
        long passedFinal = lastJudged.values().stream().filter(r -> r.verdict() == Verdict.PASS).count();
        List<FailureCount> failures = new ArrayList<>();
        failCounts.forEach((step, n) -> failures.add(new FailureCount(step, n[0], hints.get(step))));
        failures.sort(Comparator.comparingLong(FailureCount::runs).reversed().thenComparing(FailureCount::step));
        return new YieldReport(batch, firstJudged.size(), runs.size(), passedFirst, passedFinal, retests, errors, aborted,
                open, failures);
    }
}
