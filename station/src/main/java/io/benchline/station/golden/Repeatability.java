package io.benchline.station.golden;

import io.benchline.db.GoldenFigure;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.StepRecord;
import io.benchline.reports.ContinuousMeasurement;
import io.benchline.station.sequence.RunOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repeatability figures of a golden check: per continuous measurement (by name and unit, in
 * plan order), the readings' n, mean and sample standard deviation; with two-sided limits, the
 * share of the tolerance 6 sigma takes and its rating; and each limit pulled in by k sigma.
 */
final class Repeatability {
    /** The width that covers 99.73 % of a normal spread, as in a gauge study's study variation. */
    static final double SPREAD_SIGMAS = 6.0;

    private Repeatability() {}

    static List<GoldenFigure> of(List<RunOutcome> runs, double k) {
        Map<String, Series> byName = new LinkedHashMap<>();
        for (RunOutcome run : runs) {
            for (StepRecord step : run.steps()) {
                for (MeasurementRecord m : step.measurements()) {
                    if (m.reading() == null || !ContinuousMeasurement.test(m.unit())) {
                        continue;
                    }
                    byName.computeIfAbsent(m.name() + "\u0000" + m.unit(), key -> new Series(m))
                            .add(m.reading());
                }
            }
        }
        List<GoldenFigure> out = new ArrayList<>();
        for (Series s : byName.values()) {
            out.add(s.figure(k));
        }
        return out;
    }

    /** One measurement's readings, summed as offsets from the first so a small σ keeps its digits. */
    private static final class Series {
        private final MeasurementRecord first;
        private final double ref;
        private int n;
        private double s1;
        private double s2;

        Series(MeasurementRecord first) {
            this.first = first;
            this.ref = first.reading();
        }

        void add(double reading) {
            double d = reading - ref;
            n++;
            s1 += d;
            s2 += d * d;
        }

        GoldenFigure figure(double k) {
            double mean = ref + s1 / n;
            double sigma = n < 2 ? 0.0 : Math.sqrt(Math.max(0.0, (s2 - s1 * s1 / n) / (n - 1)));
            Double low = first.low();
            Double high = first.high();
            Double pct = null;
            String rating = null;
            if (n < 2) {
                return new GoldenFigure(first.name(), first.unit(), low, high, n, mean, sigma, null, null, null, null);
            }
            if (low != null && high != null && high > low) {
                pct = SPREAD_SIGMAS * sigma / (high - low) * 100.0;
                rating = GageRating.of(pct).word();
            }
            Double guardLow = low == null ? null : low + k * sigma;
            Double guardHigh = high == null ? null : high - k * sigma;
            if (guardLow != null && guardHigh != null && guardLow >= guardHigh) {
                guardLow = null; // no room left between the limits: no guard band to suggest
                guardHigh = null;
            }
            return new GoldenFigure(
                    first.name(), first.unit(), low, high, n, mean, sigma, pct, rating, guardLow, guardHigh);
        }
    }
}
