package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "cfx",
        mixinStandardHelpOptions = true,
        description = "The station's IPC-CFX outbox (see docs/cfx.md).",
        subcommands = {CfxCommand.Status.class})
final class CfxCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give a subcommand: status");
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "Messages waiting in the outbox and since when, messages sent and when last,",
                "and the last error the publisher met. Reads the file while a station runs."
            })
    static final class Status implements Callable<Integer> {
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Mixin
        DbOption db;

        record StatusJson(
                long waiting,
                Instant oldestWaiting,
                Double oldestAgeSeconds,
                long sent,
                Instant lastSentAt,
                String lastError,
                Instant lastErrorAt) {}

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                OutboxStatus s = database.cfxOutbox().status();
                Instant now = Instant.now();
                Double age = s.oldestWaiting() == null
                        ? null
                        : Duration.between(s.oldestWaiting(), now).toMillis() / 1000.0;
                if (json) {
                    JsonOut.print(
                            System.out,
                            new StatusJson(
                                    s.waiting(),
                                    s.oldestWaiting(),
                                    age,
                                    s.sent(),
                                    s.lastSentAt(),
                                    s.lastError(),
                                    s.lastErrorAt()));
                    return ExitCodes.OK;
                }
                System.out.printf(
                        "CFX outbox: %d waiting%s, %d sent%s%n",
                        s.waiting(),
                        age == null ? "" : String.format(" (oldest %s, %.0f s ago)", s.oldestWaiting(), age),
                        s.sent(),
                        s.lastSentAt() == null ? "" : " (last " + s.lastSentAt() + ")");
                if (s.lastError() != null) {
                    System.out.println("last error: " + s.lastError() + " at " + s.lastErrorAt());
                }
                return ExitCodes.OK;
            }
        }
    }
}
