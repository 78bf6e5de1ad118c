package io.benchline.reports;

import io.benchline.db.HistogramBin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Measurement statistics of a batch from the tallies the store keeps per histogram bin: a few
 * rows per measurement, however many boards the batch has.
 */
final class MeasurementTallies {
    private MeasurementTallies() {
    }

    private record Key(String name, String unit, Double low, Double high) {
    }

    private record Row(Key key, Tally tally) {
    }

    /** One bin's tally: readings as offsets from ref. */
    private record Tally(int bin, long n, double ref, double s1, double s2, double min, double max) {
        double mean() {
            return ref + s1 / n;
        }

        /** Sum of squared deviations from this bin's own mean. */
        double m2() {
            return Math.max(0, s2 - s1 * s1 / n);
        }
    }

    static List<MeasurementStats> read(Handle h, long batchId) {
        Map<Key, List<Tally>> byKey = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT name, unit, low, high, bin, n, ref, s1, s2, min_reading, max_reading
                        FROM measurement_tally WHERE batch_id = :batch ORDER BY name, unit, low, high, bin""")
                .bind("batch", batchId)
                .map((rs, ctx) -> new Row(
                        new Key(rs.getString("name"), rs.getString("unit"), nullable(rs.getDouble("low"), rs.wasNull()),
                                nullable(rs.getDouble("high"), rs.wasNull())),
                        new Tally(rs.getInt("bin"), rs.getLong("n"), rs.getDouble("ref"), rs.getDouble("s1"),
                                rs.getDouble("s2"), rs.getDouble("min_reading"), rs.getDouble("max_reading"))))
                .forEach(r -> byKey.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(r.tally()));
        List<MeasurementStats> out = new ArrayList<>();
        byKey.forEach((k, tallies) -> out.add(stats(k, tallies)));
        return out;
    }

    private static Double nullable(double d, boolean wasNull) {
        return wasNull ? null : d;
    }

    /** Pools the bins: Chan's parallel formula for the variance keeps the small offsets exact. */
    private static MeasurementStats stats(Key k, List<Tally> tallies) {
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (Tally t : tallies) {
            n += t.n();
            sum += t.n() * t.mean();
            min = Math.min(min, t.min());
            max = Math.max(max, t.max());
            counts.merge(t.bin(), t.n(), Long::sum);
        }
        double mean = sum / n;
        double m2 = 0;
        for (Tally t : tallies) {
            double d = t.mean() - mean;
            m2 += t.m2() + t.n() * d * d;
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
