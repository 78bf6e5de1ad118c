package io.benchline.station.cli;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.station.sequence.Measurements;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import java.io.PrintStream;

/** Prints a run's steps as they are stored and its verdict with the hint, for a terminal. */
final class ConsolePrinter implements RunListener {
    private final PrintStream out;

    ConsolePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stepFinished(StepRecord step) {
        out.printf("  %2d %-14s %-7s %s%n", step.seq(), step.name(), step.verdict(), step.message() == null ? "" : step.message());
        for (MeasurementRecord m : step.measurements()) {
            out.printf("       %-22s %12s  %-27s %s%n", m.name(), Measurements.format(m.reading(), m.unit()),
                    "[" + Measurements.format(m.low(), m.unit()) + " .. " + Measurements.format(m.high(), m.unit()) + "]",
                    m.verdict());
        }
    }

    @Override
    public void runFinished(RunOutcome o) {
        out.println();
        if (o.verdict() == Verdict.PASS) {
            out.printf("PASS  %s  (run %d stored)%n", o.serial(), o.runId());
            return;
        }
        out.printf("%s  %s at step %s: %s  (run %d stored)%n", o.verdict(), o.serial(), o.failedStep(), o.message(), o.runId());
        if (o.hint() != null) {
            out.println("  hint: " + o.hint());
        }
    }
}
