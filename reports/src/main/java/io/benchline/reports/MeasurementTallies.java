package io.benchline.reports;

import io.benchline.db.HistogramBin;
import io.benchline.db.MeasurementTally;
import java.util.ArrayList;
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
    private MeasurementTallies() {
    }

    private record Key(String name, String unit, Double low, Double high) {
    }

    /** Statistics per measurement (name, unit, limits), in the order the tallies come. */
    static List<MeasurementStats> stats(List<MeasurementTally> tallies) {
        Map<Key, List<MeasurementTally>> byKey = new LinkedHashMap<>();
        for (MeasurementTally t : tallies) {
            byKey.computeIfAbsent(new Key(t.name(), t.unit(), t.low(), t.high()), x -> new ArrayList<>()).add(t);
        }
        List<MeasurementStats> out = new ArrayList<>();
        byKey.forEach((k, ts) -> out.add(stats(k, ts)));
        return out;
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
    private static MeasurementStats stats(Key k, List<MeasurementTally> tallies) {
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (MeasurementTally t : tallies) {
            n += t.n();
            sum += t.n() * mean(t);
            min = Math.min(min, t.minReading());
            max = Math.max(max, t.maxReading());
            counts.merge(t.bin(), t.n(), Long::sum);
        }
        double mean = sum / n;
        double m2 = 0;
        for (MeasurementTally t : tallies) {
            double d = mean(t) - mean;
            m2 += m2(t) + t.n() * d * d;
        }
        Double sigma = n < 2 ? null : Math.sqrt(m2 / (n - 1));
        return new MeasurementStats(k.name(), k.unit(), k.low(), k.high(), n, mean, sigma, min, max,
                MeasurementStats.cpk(mean, sigma, k.low(), k.high()), histogram(counts, k));
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
        return new Histogram.Bin(HistogramBin.lowerEdge(b, k.low(), k.high()), HistogramBin.lowerEdge(b + 1, k.low(), k.high()),
                count);
    }
}
