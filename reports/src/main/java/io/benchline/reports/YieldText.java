package io.benchline.reports;

import java.io.PrintStream;
import java.util.Locale;

/** The batch summary for a terminal: what the demo ends with and what `benchline report` prints. */
public final class YieldText {
    private YieldText() {}

    public static void print(YieldReport y, PrintStream out) {
        out.printf("%nbatch %s%n", y.batch());
        out.printf("  boards tested      %d%n", y.boards());
        out.printf("  first-pass yield   %s (%d/%d)%n", percent(y.firstPassYield()), y.passedFirst(), y.boards());
        out.printf("  final yield        %s (%d/%d)%n", percent(y.finalYield()), y.passedFinal(), y.boards());
        out.printf("  retest rate        %s (%d retests in %d runs)%n", percent(y.retestRate()), y.retests(), y.runs());
        out.printf(
                "  station problems   %d (%d ERROR, %d ABORTED runs; not counted against boards)%n",
                y.stationProblems(), y.errorRuns(), y.abortedRuns());
        if (!Double.isNaN(y.boardsPerHour())) {
            out.printf(
                    Locale.ROOT,
                    "  boards per hour    %.1f (boards tested / %s from first start to last end, breaks included)%n",
                    y.boardsPerHour(),
                    span(y.span()));
        }
        if (y.openRuns() > 0) {
            out.printf("  runs still going   %d%n", y.openRuns());
        }
        if (!y.failures().isEmpty()) {
            out.println("  failures by first failing step / measurement (FAIL runs, hint):");
            for (FailureCount f : y.failures()) {
                out.printf("    %-30s %4d  %s%n", f.label(), f.runs(), f.hint() == null ? "" : f.hint());
            }
        }
    }

    static String span(java.time.Duration d) {
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
