package io.benchline.station.cli;

import io.benchline.db.CalibrationOverride;
import io.benchline.db.Database;
import io.benchline.station.calibration.CalibrationOverrides;
import io.benchline.station.fixture.FixtureCalibration;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureInstrument;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.flow.EngineerCheck;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "calibration",
        mixinStandardHelpOptions = true,
        description = "An engineer's actions on the calibration of a fixture's instruments.",
        subcommands = {CalibrationCommand.OverrideCommand.class})
final class CalibrationCommand {

    @Command(
            name = "override",
            mixinStandardHelpOptions = true,
            description = {
                "Let runs go on with an instrument past its calibration due date, for the fixture file's"
                        + " calibration-override-hours (12 h unless it says otherwise); stored with who, when, why,"
                        + " which instrument and due date.",
                "Needs an engineer of the station's users file; the PIN comes from BENCHLINE_PIN, the terminal or"
                        + " one line of stdin, never an option.",
                "Exit 0 stored, 2 refused (no reason, no due date for that instrument, not an engineer, wrong PIN)."
            })
    static final class OverrideCommand implements Callable<Integer> {
        @Option(
                names = "--instrument",
                required = true,
                paramLabel = "ROLE",
                description =
                        "The instrument's role in the fixture file: supply, dmm, switch, or a position's supply@N.")
        String role;

        @Option(names = "--reason", required = true, description = "Why it may still be used, in a few words.")
        String reason;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The engineer overriding.")
        String user;

        @Option(
                names = "--fixture",
                required = true,
                paramLabel = "FILE",
                description = "The station's fixture file: the due date, the station name and the users file.")
        String fixture;

        @Mixin
        UsersOption usersOption;

        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            FixtureFile file = FixtureLoader.load(Home.resolve(fixture));
            String r = role.trim();
            CalibrationOverrides.checkOverridable(file, r, reason);
            var users = usersOption.load(Optional.of(file));
            String instrument = identify(file, r);
            try (Database database = db.open()) {
                Clock clock = Clock.systemUTC();
                CalibrationOverrides overrides = new CalibrationOverrides(
                        new EngineerCheck(users, database.flow(), file.station(), clock),
                        database.calibration(),
                        clock);
                char[] pin = PinPrompt.read("PIN for " + user, false);
                CalibrationOverride o = overrides.override(file, r, instrument, user, pin, reason);
                System.out.printf(
                        "calibration override: %s %s (due %s) may be used at station %s until %s; by %s at %s: %s%n",
                        o.role(), o.instrument(), o.due(), o.station(), o.validUntil(), o.author(), o.at(), o.reason());
                return ExitCodes.OK;
            }
        }

        /**
         * Who the instrument says it is, asked now; when it cannot be asked (a station holds its port),
         * what the fixture file's label says.
         */
        private static String identify(FixtureFile file, String role) {
            try (PanelFixture panel = PanelFixture.open(file)) {
                for (var position : panel.positions()) {
                    Optional<FixtureInstrument> i = position.instruments().stream()
                            .filter(x -> x.role().equals(role))
                            .findFirst();
                    if (i.isPresent()) {
                        return i.get().identity().label();
                    }
                }
            } catch (RuntimeException e) {
                // the port is busy or the instrument away: the file's label is all there is
            }
            return file.calibration()
                    .entry(role)
                    .flatMap(FixtureCalibration.Entry::serial)
                    .map(s -> "serial " + s + " (per the fixture file; not identified)")
                    .orElse("(not identified)");
        }
    }
}
