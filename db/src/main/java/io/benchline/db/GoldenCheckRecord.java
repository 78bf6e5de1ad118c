package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * A golden-board check as it ended: where, with which plan and board, how many runs were asked
 * and done, its verdict (PASS or FAIL) with the reason of a FAIL, the guard-band factor k, the
 * runs it made and the figures of each continuous measurement.
 */
public record GoldenCheckRecord(
        String station,
        String planName,
        String planVersion,
        String fixture,
        String serial,
        int repeat,
        int runsDone,
        double guardK,
        Verdict verdict,
        String reason,
        String operator,
        Instant startedAt,
        Instant endedAt,
        List<Long> runIds,
        List<GoldenFigure> figures) {
    public GoldenCheckRecord {
        runIds = List.copyOf(runIds);
        figures = List.copyOf(figures);
    }
}
