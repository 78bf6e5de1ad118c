package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.SpcAlarm;
import io.benchline.reports.spc.SpcRule;
import io.benchline.station.Station;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The demo's line for each process alarm its control charts open, as it opens. */
final class DemoAlarms {
    private final Set<String> seen = new HashSet<>();
    private final boolean quiet;

    DemoAlarms(boolean quiet) {
        this.quiet = quiet;
    }

    void print(Database db, Station station, PrintStream out) {
        for (SpcAlarm a : db.spcAlarms().open(station.charts().station())) {
            if (seen.add(a.id()) && !quiet) {
                out.printf(
                        Locale.ROOT,
                        "         ALARM %s: %s at %s (%.4g %s; centre %.4g, σ %.3g): the board still passes%n",
                        a.measurement(),
                        String.join(", ", SpcRule.words(a.rules())),
                        a.lastSerial(),
                        a.lastReading(),
                        a.unit(),
                        a.centre(),
                        a.sigma());
            }
        }
    }

    void summary(PrintStream out) {
        out.println("  process alarms opened: " + seen.size() + (seen.isEmpty() ? "" : " (not yet acknowledged)"));
    }
}
