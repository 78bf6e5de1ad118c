package io.benchline.station.cli;

import io.benchline.db.GoldenFigure;
import io.benchline.station.golden.GoldenResult;
import java.time.Instant;
import java.util.List;

/** `golden --json`: the check's verdict, its runs and each measurement's figures. */
record GoldenJson(
        long checkId,
        String verdict,
        String reason,
        String station,
        String plan,
        String planVersion,
        String fixture,
        String serial,
        int repeat,
        int runsDone,
        double guardK,
        Instant startedAt,
        Instant endedAt,
        List<RunJson> runs,
        List<GoldenFigure> measurements) {

    record RunJson(long runId, String verdict, String failedStep, String message) {}

    static GoldenJson of(GoldenResult r) {
        var c = r.check();
        return new GoldenJson(
                r.checkId(),
                c.verdict().name(),
                c.reason(),
                c.station(),
                c.planName(),
                c.planVersion(),
                c.fixture(),
                c.serial(),
                c.repeat(),
                c.runsDone(),
                c.guardK(),
                c.startedAt(),
                c.endedAt(),
                r.runs().stream()
                        .map(o -> new RunJson(o.runId(), o.verdict().name(), o.failedStep(), o.message()))
                        .toList(),
                c.figures());
    }
}
