package io.benchline.db;

import java.util.List;

/**
 * A batch's runs in start order, and the judged readings of its runs that failed power-on: FAIL runs whose
 * failing step is of kind {@code power} or {@code measure} (the power-on and rail checks). Those boards
 * never came up; their readings are not the process (docs/yield.md, Cpk).
 */
public record BatchRuns(List<BatchRun> runs, List<ExcludedReading> powerFailedReadings) {
    public BatchRuns {
        runs = List.copyOf(runs);
        powerFailedReadings = List.copyOf(powerFailedReadings);
    }
}
