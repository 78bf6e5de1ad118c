package io.benchline.db;

import java.util.List;

/**
 * The runs a control chart is rebuilt from, oldest first: the first runs of the batch (where its
 * baseline is), then the latest (its last points). gap tells that runs were left out between them.
 */
public record ChartRuns(List<ChartRun> head, boolean gap, List<ChartRun> tail) {
    public ChartRuns {
        head = List.copyOf(head);
        tail = List.copyOf(tail);
    }
}
