package io.benchline.reports;

import io.benchline.db.BatchRun;
import io.benchline.db.Verdict;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes a {@link YieldReport} from a batch's runs, exactly as docs/yield.md defines it. */
public final class YieldCalculator {
    private YieldCalculator() {}

    /** Runs must be in start order (oldest first). */
    public static YieldReport compute(String batch, List<BatchRun> runs) {
        Map<Long, BatchRun> firstJudged = new HashMap<>();
        Map<Long, BatchRun> lastJudged = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        long retests = 0;
        long errors = 0;
        long aborted = 0;
        long open = 0;
        Map<List<String>, long[]> failCounts = new HashMap<>();
        // by step and failing measurement: one step (a reset-cause read) may give each failing flag its own hint
        Map<List<String>, String> hints = new HashMap<>();
        TreeMap<Instant, long[]> hours = new TreeMap<>();
        Instant lastEnd = null;
        for (BatchRun r : runs) {
            if (r.endedAt() != null && (lastEnd == null || r.endedAt().isAfter(lastEnd))) {
                lastEnd = r.endedAt();
            }
            long[] hour = hours.computeIfAbsent(r.startedAt().truncatedTo(ChronoUnit.HOURS), k -> new long[4]);
            hour[0]++;
            if (!seen.add(r.boardId())) {
                retests++;
            }
            if (r.verdict() == null) {
                open++;
            } else if (r.verdict() == Verdict.ERROR) {
                errors++;
                hour[3]++;
            } else if (r.verdict() == Verdict.ABORTED) {
                aborted++;
                hour[3]++;
            }
            if (r.judgesBoard()) {
                if (firstJudged.putIfAbsent(r.boardId(), r) == null) {
                    hour[1]++;
                    if (r.verdict() == Verdict.PASS) {
                        hour[2]++;
                    }
                }
                lastJudged.put(r.boardId(), r);
            }
            if (r.verdict() == Verdict.FAIL) {
                String step = r.failedStep() == null ? "(unknown step)" : r.failedStep();
                List<String> key = Arrays.asList(step, r.firstFailingMeasurement());
                failCounts.computeIfAbsent(key, k -> new long[1])[0]++;
                if (r.hint() != null) {
                    hints.putIfAbsent(key, r.hint());
                }
            }
        }
        long passedFirst = firstJudged.values().stream()
                .filter(r -> r.verdict() == Verdict.PASS)
                .count();
        long passedFinal = lastJudged.values().stream()
                .filter(r -> r.verdict() == Verdict.PASS)
                .count();
        List<FailureCount> failures = new ArrayList<>();
        failCounts.forEach((k, n) -> failures.add(new FailureCount(k.get(0), k.get(1), n[0], hints.get(k))));
        failures.sort(Comparator.comparingLong(FailureCount::runs).reversed().thenComparing(FailureCount::label));
        List<HourBucket> buckets = new ArrayList<>();
        hours.forEach((h, c) -> buckets.add(new HourBucket(h, c[0], c[1], c[2], c[3])));
        return new YieldReport(
                batch,
                firstJudged.size(),
                runs.size(),
                passedFirst,
                passedFinal,
                retests,
                errors,
                aborted,
                open,
                failures,
                buckets,
                runs.isEmpty() ? null : runs.get(0).startedAt(),
                runs.isEmpty() ? null : runs.get(runs.size() - 1).startedAt(),
                lastEnd);
    }
}
