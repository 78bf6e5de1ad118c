package io.benchline.reports;

import java.util.List;

/**
 * Counts of readings per bin, lowest bin first. With two limits the outermost bins also hold
 * every reading beyond them (see io.benchline.db.HistogramBin).
 */
public record Histogram(List<Bin> bins) {
    public Histogram {
        bins = List.copyOf(bins);
    }

    public record Bin(double lower, double upper, long count) {}
}
