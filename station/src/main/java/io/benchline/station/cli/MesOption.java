package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.Panel;
import io.benchline.station.RunHooks;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.mes.MesGate;
import io.benchline.station.mes.MesSettings;
import io.benchline.station.plan.Plan;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code --mes URL}: the MES route check of docs/mes.md, beside the fixture file's {@code mes:} block. */
final class MesOption {
    @Option(
            names = "--mes",
            paramLabel = "URL",
            description = {
                "Ask this MES URL before each run whether the board may be tested here (docs/mes.md);",
                "overrides the fixture file's mes: route-url. Bearer token from $" + MesSettings.TOKEN_ENV
                        + " or the mes: token-file."
            })
    String url;

    /** Puts the station behind its MES when --mes or the fixture file's mes: block names one. */
    void attach(Station station, FixtureFile fixture, Database db, PrintStream notices) {
        attach(station.hooks(), station.plan(), fixture, db, notices);
    }

    /** As for a one-board station: each position's board is asked for, its result posted. */
    void attach(Panel panel, FixtureFile fixture, Database db, PrintStream notices) {
        attach(panel.hooks(), panel.plan(), fixture, db, notices);
    }

    private void attach(RunHooks hooks, Plan plan, FixtureFile fixture, Database db, PrintStream notices) {
        MesSettings settings = MesSettings.of(fixture, url, System.getenv());
        if (settings.enabled()) {
            hooks.useMes(MesGate.open(settings, db, fixture.station(), plan, notices::println));
        }
    }
}
