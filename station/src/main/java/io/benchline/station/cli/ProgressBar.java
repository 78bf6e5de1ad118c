package io.benchline.station.cli;

import io.benchline.fixtures.swd.FlashProgress;
import java.io.PrintWriter;

/** A one-line progress bar per flash phase, redrawn in place; for a terminal only. */
final class ProgressBar implements FlashProgress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private String phase;
    private int lastFilled = -1;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void update(String phase, long done, long total) {
        if (!phase.equals(this.phase)) {
            if (this.phase != null) {
                out.println();
            }
            this.phase = phase;
            lastFilled = -1;
        }
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        if (filled == lastFilled) {
            return;
        }
        lastFilled = filled;
        out.printf(
                "\r%-8s [%s%s] %3d%%",
                phase, "#".repeat(filled), ".".repeat(WIDTH - filled), total == 0 ? 100 : 100 * done / total);
        out.flush();
    }

    /** Ends the line of the last phase drawn, if any; the next update starts a new one. */
    void finish() {
        if (phase != null) {
            out.println();
            phase = null;
        }
    }
}
