package io.benchline.station.cli;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.swd.FlashProgress;
import io.benchline.station.sequence.Measurements;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a run's steps as they are stored and its verdict with the hint, for a terminal. */
final class ConsolePrinter implements RunListener {
    private final PrintStream out;
    private final boolean progress;
    private ProgressBar bar;

    /** @param progress draw a progress bar while the board is programmed (on a terminal only) */
    ConsolePrinter(PrintStream out, boolean progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public FlashProgress flashProgress() {
        if (!progress) {
            return FlashProgress.NONE;
        }
        bar = new ProgressBar(new PrintWriter(out, true));
        return bar;
    }

    @Override
    public void stepFinished(StepRecord step) {
        if (bar != null) {
            bar.finish();
        }
        out.printf(
                "  %2d %-14s %-7s %s%n",
                step.seq(), step.name(), step.verdict(), step.message() == null ? "" : step.message());
        for (MeasurementRecord m : step.measurements()) {
            out.printf(
                    "       %-22s %12s  %-27s %s%n",
                    m.name(),
                    shown(m.reading(), m.unit()),
                    "[" + shown(m.low(), m.unit()) + " .. " + shown(m.high(), m.unit()) + "]",
                    m.verdict());
        }
    }

    /** Sizes in KiB from 1 KiB up (a 256 KiB image, not 2.621e+05 B); everything else as stored. */
    static String shown(Double value, String unit) {
        if ("B".equals(unit) && value != null && Math.abs(value) >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", value / 1024);
        }
        if ("B".equals(unit) && value != null) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        return Measurements.format(value, unit);
    }

    @Override
    public void warning(String text) {
        out.println("  warning: " + text);
    }

    @Override
    public void runFinished(RunOutcome o) {
        out.println();
        if (o.verdict() == Verdict.PASS) {
            out.printf("PASS  %s  (run %d stored)%n", o.serial(), o.runId());
            return;
        }
        out.printf(
                "%s  %s at step %s: %s  (run %d stored)%n",
                o.verdict(), o.serial(), o.failedStep(), o.message(), o.runId());
        if (o.hint() != null) {
            out.println("  hint: " + o.hint());
        }
    }
}
