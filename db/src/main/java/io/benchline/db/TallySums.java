package io.benchline.db;

import java.util.Map;
import java.util.TreeMap;

/**
 * The readings of many runs summed per tally row (batch, measurement, limits, bin) before they go
 * to the central database in one statement: the sums are kept as offsets from the first reading
 * of each row, as {@code measurement_tally} keeps them, and shifted to the stored row's own
 * reference on the server (see {@link CentralWriter}).
 */
final class TallySums {
    /** Sorted, so that every station updates tally rows in one order and two of them never deadlock. */
    record Key(long batchId, String name, String unit, String limitsKey, int bin) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(batchId, o.batchId);
            if (c == 0) c = name.compareTo(o.name);
            if (c == 0) c = unit.compareTo(o.unit);
            if (c == 0) c = limitsKey.compareTo(o.limitsKey);
            if (c == 0) c = Integer.compare(bin, o.bin);
            return c;
        }
    }

    static final class Sums {
        final Double low;
        final Double high;
        final double ref;
        long n;
        long marginal;
        double s1;
        double s2;
        double min;
        double max;

        Sums(Double low, Double high, double first) {
            this.low = low;
            this.high = high;
            this.ref = first;
            this.min = first;
            this.max = first;
        }

        void add(double x) {
            n++;
            s1 += x - ref;
            s2 += (x - ref) * (x - ref);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
    }

    private final Map<Key, Sums> rows = new TreeMap<>();

    /** Counts a reading as the store counts it: judged readings only. */
    void add(long batchId, MeasurementRecord m) {
        Double x = m.reading();
        if (x == null || x.isNaN() || m.verdict() == Verdict.ERROR) {
            return;
        }
        Key key = new Key(
                batchId,
                m.name(),
                m.unit(),
                HistogramBin.limitsKey(m.low(), m.high()),
                HistogramBin.of(x, m.low(), m.high()));
        Sums sums = rows.computeIfAbsent(key, k -> new Sums(m.low(), m.high(), x));
        sums.add(x);
        if (m.marginal()) {
            sums.marginal++;
        }
    }

    Map<Key, Sums> rows() {
        return rows;
    }
}
