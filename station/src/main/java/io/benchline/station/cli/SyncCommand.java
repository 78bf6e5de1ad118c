package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.DatabaseUrl;
import io.benchline.db.SyncStatus;
import io.benchline.station.InputError;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "A station's forwarding to the line's central database (see docs/line.md).",
        subcommands = SyncCommand.Status.class)
final class SyncCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "The runs of a station's local file still waiting for the line database, the oldest of them,",
                "the last forward and the last error. Works while the station runs. Exit 0."
            })
    static final class Status implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        /** {@code sync status --json}. */
        record SyncJson(
                String database,
                long waitingRuns,
                Instant oldestWaiting,
                Instant lastForwardedAt,
                String lastError,
                Instant lastErrorAt) {}

        @Override
        public Integer call() {
            if (!DatabaseUrl.isH2(DatabaseUrl.resolve(db.location()))) {
                throw new InputError("--db " + db.location()
                        + ": sync status reads a station's local H2 file (the line database itself has no backlog)");
            }
            try (Database database = db.open()) {
                SyncStatus s = database.syncStatus();
                if (json) {
                    JsonOut.print(
                            System.out,
                            new SyncJson(
                                    database.url(),
                                    s.waitingRuns(),
                                    s.oldestWaiting(),
                                    s.lastForwardedAt(),
                                    s.lastError(),
                                    s.lastErrorAt()));
                    return ExitCodes.OK;
                }
                Instant now = Instant.now();
                System.out.println("station database " + db.location());
                System.out.println("  runs waiting for the line database: " + s.waitingRuns());
                System.out.println(
                        "  oldest waiting run ended:           " + when(s.oldestWaiting(), now, "none waits"));
                System.out.println("  last forward:                       " + when(s.lastForwardedAt(), now, "never"));
                System.out.println("  last error:                         "
                        + (s.lastError() == null
                                ? "none since the last forward"
                                : s.lastError() + " (" + when(s.lastErrorAt(), now, "time unknown") + ")"));
                return ExitCodes.OK;
            }
        }

        private static String when(Instant at, Instant now, String none) {
            if (at == null) {
                return none;
            }
            long s = Math.max(0, Duration.between(at, now).toSeconds());
            String ago = s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
            return at + ", " + ago;
        }
    }
}
