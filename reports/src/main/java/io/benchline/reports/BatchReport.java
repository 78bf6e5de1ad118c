package io.benchline.reports;

import java.time.Instant;
import java.util.List;

/** Everything a batch report shows: yield, failures, time series and measurement statistics. */
public record BatchReport(
        String batch, String product, YieldReport yield, List<MeasurementStats> measurements, Instant generatedAt) {
    public BatchReport {
        measurements = List.copyOf(measurements);
    }
}
