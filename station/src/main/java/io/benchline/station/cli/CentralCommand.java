package io.benchline.station.cli;

import io.benchline.db.CentralSchema;
import io.benchline.db.CentralUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "central",
        mixinStandardHelpOptions = true,
        description = "The line's central PostgreSQL database (see docs/central.md).",
        subcommands = CentralCommand.Migrate.class)
final class CentralCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Brings the central database's schema up to this Benchline's. Stations and reports never "
                    + "migrate a central database; they refuse one that is behind.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        CentralOption central;

        @Override
        public Integer call() {
            String url = central.url();
            CentralSchema.Migration m = CentralSchema.migrate(url);
            if (m.applied() == 0) {
                System.out.printf("central database %s already at schema version %s%n", CentralUrl.redact(url), m.to());
            } else {
                System.out.printf(
                        "central database %s migrated from schema version %s to %s (%d migration%s)%n",
                        CentralUrl.redact(url), m.from(), m.to(), m.applied(), m.applied() == 1 ? "" : "s");
            }
            return ExitCodes.OK;
        }
    }
}
