package io.benchline.station.sequence;

/**
 * One board presented for test: its serial, the batch it belongs to, and who runs it. golden: a
 * run of a golden-board check (docs/golden.md): the serial is the golden board's label, not held
 * to the plan's serial pattern, and the run is not refused for want of a golden check.
 */
public record RunRequest(String serial, String batch, String operator, boolean golden) {
    public RunRequest(String serial, String batch, String operator) {
        this(serial, batch, operator, false);
    }
}
