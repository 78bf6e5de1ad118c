package io.benchline.reports;

import io.benchline.db.BatchStation;
import io.benchline.reports.spc.ControlChart;
import java.time.Instant;
import java.util.List;

/**
 * Everything a batch report shows: yield, failures, time series and measurement statistics, and
 * the batch's runs station by station (a line tests a board at several), and the control chart of each
 * continuous measurement with limits.
 */
public record BatchReport(
        String batch,
        String product,
        YieldReport yield,
        List<MeasurementStats> measurements,
        Instant generatedAt,
        List<BatchStation> stations,
        List<ControlChart> controlCharts) {
    public BatchReport {
        measurements = List.copyOf(measurements);
        stations = List.copyOf(stations);
        controlCharts = List.copyOf(controlCharts);
    }
}
