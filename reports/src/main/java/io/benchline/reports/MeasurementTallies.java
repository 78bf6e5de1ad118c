package io.benchline.reports;

import io.benchline.db.ExcludedReading;
import io.benchline.db.HistogramBin;
import io.benchline.db.MeasurementTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measurement statistics of a batch from the tallies the store keeps per histogram bin: a few
 * rows per measurement, however many boards the batch has.
 */
final class MeasurementTallies {
    private MeasurementTallies() {}

    private record Key(String name, String unit, Double low, Double high) {}

    /** n, mean and sample sigma of pooled bins. */
    private record Pooled(long n, double mean, Double sigma) {}

    /**
     * Statistics per measurement (name, unit, limits), in the order the tallies come; {@code excluded}
     * are the readings left out of Cpk (boards that failed power-on), taken back out of their bins.
     */
    static List<MeasurementStats> stats(List<MeasurementTally> tallies, List<ExcludedReading> excluded) {
        Map<Key, List<MeasurementTally>> byKey = new LinkedHashMap<>();
        for (MeasurementTally t : tallies) {
            byKey.computeIfAbsent(new Key(t.name(), t.unit(), t.low(), t.high()), x -> new ArrayList<>())
                    .add(t);
        }
        Map<Key, List<ExcludedReading>> excludedByKey = new HashMap<>();
        for (ExcludedReading e : excluded) {
            excludedByKey
                    .computeIfAbsent(new Key(e.name(), e.unit(), e.low(), e.high()), x -> new ArrayList<>())
                    .add(e);
        }
        List<MeasurementStats> out = new ArrayList<>();
        byKey.forEach((k, ts) -> out.add(stats(k, ts, excludedByKey.getOrDefault(k, List.of()))));
        return out;
    }

    /** The bins without the given readings; bins left empty are dropped. */
    private static List<MeasurementTally> without(
            List<MeasurementTally> tallies, List<ExcludedReading> excluded, Key k) {
        if (excluded.isEmpty()) {
            return tallies;
        }
        Map<Integer, List<ExcludedReading>> byBin = new HashMap<>();
        for (ExcludedReading e : excluded) {
            byBin.computeIfAbsent(HistogramBin.of(e.reading(), k.low(), k.high()), b -> new ArrayList<>())
                    .add(e);
        }
        List<MeasurementTally> out = new ArrayList<>();
        for (MeasurementTally t : tallies) {
            long n = t.n();
            double s1 = t.s1();
            double s2 = t.s2();
            for (ExcludedReading e : byBin.getOrDefault(t.bin(), List.of())) {
                double d = e.reading() - t.ref();
                n--;
                s1 -= d;
                s2 -= d * d;
            }
            if (n > 0) {
                out.add(new MeasurementTally(
                        t.name(),
                        t.unit(),
                        t.low(),
                        t.high(),
                        t.bin(),
                        n,
                        t.ref(),
                        s1,
                        s2,
                        t.minReading(),
                        t.maxReading(),
                        t.marginal()));
            }
        }
        return out;
    }

    private static Pooled pool(List<MeasurementTally> tallies) {
        long n = 0;
        double sum = 0;
        for (MeasurementTally t : tallies) {
            n += t.n();
            sum += t.n() * mean(t);
        }
        if (n == 0) {
            return new Pooled(0, Double.NaN, null);
        }
        double mean = sum / n;
        double m2 = 0;
        for (MeasurementTally t : tallies) {
            double d = mean(t) - mean;
            m2 += m2(t) + t.n() * d * d;
        }
        return new Pooled(n, mean, n < 2 ? null : Math.sqrt(m2 / (n - 1)));
    }

    /** A bin's mean: its readings are stored as offsets from ref. */
    private static double mean(MeasurementTally t) {
        return t.ref() + t.s1() / t.n();
    }

    /** Sum of squared deviations from a bin's own mean. */
    private static double m2(MeasurementTally t) {
        return Math.max(0, t.s2() - t.s1() * t.s1() / t.n());
    }

    /** Pools the bins: Chan's parallel formula for the variance keeps the small offsets exact. */
    private static MeasurementStats stats(Key k, List<MeasurementTally> tallies, List<ExcludedReading> excluded) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        TreeMap<Integer, Long> counts = new TreeMap<>();
        long marginal = 0;
        for (MeasurementTally t : tallies) {
            marginal += t.marginal();
            min = Math.min(min, t.minReading());
            max = Math.max(max, t.maxReading());
            counts.merge(t.bin(), t.n(), Long::sum);
        }
        Pooled all = pool(tallies);
        boolean continuous = ContinuousMeasurement.test(k.unit());
        Pooled process = continuous ? pool(without(tallies, excluded, k)) : new Pooled(0, Double.NaN, null);
        Double cpk = continuous && process.n() > 0
                ? MeasurementStats.cpk(process.mean(), process.sigma(), k.low(), k.high())
                : null;
        return new MeasurementStats(
                k.name(),
                k.unit(),
                k.low(),
                k.high(),
                all.n(),
                all.mean(),
                all.sigma(),
                min,
                max,
                continuous,
                process.n(),
                cpk,
                histogram(counts, k),
                marginal);
    }

    /** Every bin from the first to the last one with readings, widened to show the limits' bins. */
    private static Histogram histogram(TreeMap<Integer, Long> counts, Key k) {
        int first = counts.firstKey();
        int last = counts.lastKey();
        if (k.low() != null || k.high() != null) {
            int limitBin = 0;
            int upperLimitBin = k.low() != null && k.high() != null && k.high() > k.low() ? HistogramBin.INSIDE - 1 : 0;
            first = Math.min(first, limitBin);
            last = Math.max(last, upperLimitBin);
        }
        List<Histogram.Bin> bins = new ArrayList<>();
        if ((long) last - first > 1000) {
            // limitless readings far apart: show only the bins that have readings
            counts.forEach((b, c) -> bins.add(bin(b, c, k)));
        } else {
            for (int b = first; b <= last; b++) {
                bins.add(bin(b, Objects.requireNonNullElse(counts.get(b), 0L), k));
            }
        }
        return new Histogram(bins);
    }

    private static Histogram.Bin bin(int b, long count, Key k) {
        return new Histogram.Bin(
                HistogramBin.lowerEdge(b, k.low(), k.high()), HistogramBin.lowerEdge(b + 1, k.low(), k.high()), count);
    }
}
