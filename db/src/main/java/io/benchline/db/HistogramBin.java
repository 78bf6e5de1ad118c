package io.benchline.db;

import java.util.Locale;

/**
 * Where a reading falls in its measurement's histogram. The grid depends only on the limits, so
 * the store can count readings bin by bin as they arrive and a report never rescans them:
 * <ul>
 * <li>two limits: {@value #INSIDE} bins between low and high, and {@value #OUTSIDE} more on each
 *     side (half the limit window); readings beyond those fall in the outermost bin;</li>
 * <li>one limit L: bins one tenth of L's decade wide ({@code 10^(floor(log10|L|) - 1)}, 0.1 when
 *     L is 0), counted from L, at most {@value #ONE_SIDED_REACH} bins either side;</li>
 * <li>no limit: bins one unit wide.</li>
 * </ul>
 * The same rules are written in SQL in the V2 migration, which counts readings stored before it.
 */
public final class HistogramBin {
    public static final int INSIDE = 20;
    public static final int OUTSIDE = 10;
    public static final int ONE_SIDED_REACH = 100;

    private HistogramBin() {}

    /** The bin of a reading. */
    public static int of(double reading, Double low, Double high) {
        if (low != null && high != null && high > low) {
            double width = (high - low) / INSIDE;
            return (int) Math.max(-OUTSIDE, Math.min(INSIDE + OUTSIDE - 1, Math.floor((reading - low) / width)));
        }
        Double limit = low != null ? low : high;
        if (limit != null) {
            double width = oneSidedWidth(limit);
            return (int) Math.max(-ONE_SIDED_REACH, Math.min(ONE_SIDED_REACH, Math.floor((reading - limit) / width)));
        }
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, Math.floor(reading)));
    }

    /** The lower edge of a bin; its upper edge is {@code lowerEdge(bin + 1)}. */
    public static double lowerEdge(int bin, Double low, Double high) {
        if (low != null && high != null && high > low) {
            return low + bin * ((high - low) / INSIDE);
        }
        Double limit = low != null ? low : high;
        if (limit != null) {
            return limit + bin * oneSidedWidth(limit);
        }
        return bin;
    }

    static double oneSidedWidth(double limit) {
        return limit == 0 ? 0.1 : Math.pow(10, Math.floor(Math.log10(Math.abs(limit))) - 1);
    }

    /** The limits as one key column (NULL cannot be part of a unique key on every database). */
    public static String limitsKey(Double low, Double high) {
        return side(low) + "|" + side(high);
    }

    private static String side(Double limit) {
        return limit == null ? "-" : String.format(Locale.ROOT, "%.17g", limit);
    }
}
