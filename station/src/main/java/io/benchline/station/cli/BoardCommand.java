package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.Quarantine;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.flow.EngineerCheck;
import io.benchline.station.flow.Releases;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "board",
        mixinStandardHelpOptions = true,
        description = "An engineer's actions on one board.",
        subcommands = {BoardCommand.Release.class})
final class BoardCommand {

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = {
                "Release a quarantined board so it may be tested again; stored with who, when and why.",
                "Needs an engineer of the station's users file; the PIN comes from BENCHLINE_PIN, the terminal or"
                        + " one line of stdin, never an option.",
                "Exit 0 released, 2 refused (not quarantined, no reason, not an engineer, wrong PIN)."
            })
    static final class Release implements Callable<Integer> {
        @Parameters(paramLabel = "SERIAL", description = "The board's serial.")
        String serial;

        @Option(names = "--reason", required = true, description = "What was found or done, in a few words.")
        String reason;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The engineer releasing it.")
        String user;

        @Option(
                names = "--fixture",
                paramLabel = "FILE",
                description = "The station's fixture file: its station name and users file.")
        String fixture;

        @Mixin
        UsersOption usersOption;

        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            Optional<FixtureFile> fixtureFile =
                    Optional.ofNullable(fixture).map(f -> FixtureLoader.load(Home.resolve(f)));
            String station = fixtureFile.map(FixtureFile::station).orElseGet(FixtureLoader::defaultStation);
            var users = usersOption.load(fixtureFile);
            try (Database database = db.open()) {
                Clock clock = Clock.systemUTC();
                Releases releases = new Releases(
                        new EngineerCheck(users, database.flow(), station, clock), database.flow(), station, clock);
                releases.checkReleasable(serial.trim(), reason);
                char[] pin = PinPrompt.read("PIN for " + user, false);
                Quarantine q = releases.release(serial.trim(), user, pin, reason);
                System.out.printf(
                        "released %s (quarantined since %s: %s) by %s at %s: %s%n",
                        q.serial(), q.since(), q.reason(), q.releasedBy(), q.releasedAt(), q.releaseReason());
                return ExitCodes.OK;
            }
        }
    }
}
