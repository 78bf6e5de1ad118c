package io.benchline.station.golden;

/**
 * A golden-board check asked for: the golden board's serial, how many times to run it, who runs
 * it, and k, the number of sigmas each limit is pulled in by in the guard-band suggestion.
 */
public record GoldenRequest(String serial, int repeat, String operator, double guardK) {
    public static final double DEFAULT_GUARD_K = 2.0;
}
