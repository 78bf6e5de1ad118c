package io.benchline.station.cli;

import io.benchline.db.CentralCredentials;
import io.benchline.db.CentralUrl;
import io.benchline.db.Database;
import io.benchline.db.StationState;
import io.benchline.station.InputError;
import io.benchline.station.Panel;
import io.benchline.station.RunHooks;
import io.benchline.station.Station;
import io.benchline.station.Version;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.line.StationLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * --central, --station and --sync-patience: a station on a line of stations (store-and-forward to
 * the line's PostgreSQL; see docs/line.md). Without --central the station is alone, as before.
 */
final class LineOptions {
    /** How long a station waits at exit for its backlog to reach the line database; the rest goes with the next start. */
    static final Duration DRAIN_ON_EXIT = Duration.ofSeconds(2);

    private static final Pattern PATIENCE = Pattern.compile("(\\d+)\\s*(s|min|m|h)?");

    @Option(
            names = "--central",
            paramLabel = "URL",
            description = {
                "The line's central database: jdbc:postgresql://host[:port]/db?user=NAME. Runs are stored",
                "in --db first and forwarded in the background (password from " + CentralCredentials.PASSWORD_VARIABLE
                        + ", PGPASSWORD or a pgpass file; docs/line.md)."
            })
    String central;

    @Option(
            names = "--station",
            paramLabel = "NAME",
            description =
                    "This station's name on the line, stored with each run (default: the fixture file's station).")
    String station;

    @Option(
            names = "--sync-patience",
            paramLabel = "TIME",
            defaultValue = "10min",
            description = "How old the oldest run waiting for the line database may get before the operator screen "
                    + "warns: 90s, 10min, 2h (default: ${DEFAULT-VALUE}).")
    String patience;

    /** The fixture under the station name given, if any. */
    FixtureFile named(FixtureFile fixture) {
        String name = Cli.named("--station", station);
        if (name == null) {
            return fixture;
        }
        if (name.length() > 100) {
            throw new InputError("--station is longer than 100 characters");
        }
        return fixture.withStation(name);
    }

    /** Checks the options before anything is opened: bad input is refused with nothing stored. */
    void check() {
        centralUrl();
        patience();
    }

    /**
     * Puts the station on the line when --central is given, else leaves it alone. The caller
     * closes what this returns (a bounded drain, then what is left goes with the next start).
     */
    Session join(Station s, Database local, String batch, Duration drainOnExit, PrintStream out) {
        return join(s.hooks(), s.fixture().file().station(), s.plan().name(), local, batch, drainOnExit, out);
    }

    /** As for a one-board station: each position's runs are forwarded and the panel's state shown on the line. */
    Session join(Panel p, Database local, String batch, Duration drainOnExit, PrintStream out) {
        return join(p.hooks(), p.fixture().file().station(), p.plan().name(), local, batch, drainOnExit, out);
    }

    private Session join(
            RunHooks hooks,
            String station,
            String planName,
            Database local,
            String batch,
            Duration drainOnExit,
            PrintStream out) {
        String url = centralUrl();
        if (url == null) {
            return new Session(hooks.line(), null);
        }
        StationState initial = new StationState(station, "idle", batch, planName, Version.current());
        StationLine line = StationLine.join(local, url, initial, patience(), drainOnExit, out::println);
        hooks.joinLine(line);
        out.println("on the line: runs forwarded to " + CentralUrl.redact(url) + " as station " + initial.station()
                + " (stored here first; see benchline sync status)");
        // Ctrl-C or a service stop: the same bounded drain as a clean end
        Thread hook = new Thread(line::close, "benchline-line-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Session(line, hook);
    }

    /** The station's place on the line for as long as the command runs; closing it leaves the line. */
    record Session(StationLine line, Thread hook) implements AutoCloseable {
        @Override
        public void close() {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook closes it too; close() waits for it
                }
            }
            line.close();
        }
    }

    private String centralUrl() {
        if (central == null) {
            return null;
        }
        String given = central.trim();
        CentralOption.refusePassword("--central", given);
        if (!CentralUrl.isPostgres(given)) {
            throw new InputError(
                    "--central " + given + ": not a PostgreSQL URL (jdbc:postgresql://host[:port]/db?user=NAME)");
        }
        return given;
    }

    private Duration patience() {
        Matcher m = PATIENCE.matcher(patience.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InputError("--sync-patience " + patience + ": give a time such as 90s, 10min or 2h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "h" -> Duration.ofHours(n);
            case "min", "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
