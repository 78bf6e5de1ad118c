package io.benchline.station.sequence;

/**
 * One board presented for test: its serial, the batch it belongs to, and who runs it. golden: a
 * run of a golden-board check (docs/golden.md): the serial is the golden board's label, not held
 * to the plan's serial pattern, and the run is not refused for want of a golden check.
 */
public record RunRequest(String serial, String batch, String operator, boolean golden, String panelLabel) {
    public RunRequest(String serial, String batch, String operator) {
        this(serial, batch, operator, false, null);
    }

    public RunRequest(String serial, String batch, String operator, boolean golden) {
        this(serial, batch, operator, golden, null);
    }

    /** The same board, its panel's label stored with the run (a panel started from its label). */
    public RunRequest onPanel(String label) {
        return new RunRequest(serial, batch, operator, golden, label);
    }
}
