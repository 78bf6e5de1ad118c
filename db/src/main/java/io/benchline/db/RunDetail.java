package io.benchline.db;

import java.util.List;

/** A run with every step and measurement, in order. */
public record RunDetail(RunRow run, List<StepDetail> steps) {
    public record StepDetail(StepRow step, List<MeasurementRow> measurements) {}
}
