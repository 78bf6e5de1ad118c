package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.DatabaseException;
import io.benchline.db.DatabaseUrl;
import io.benchline.station.InputError;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The --db option every command that touches results shares. A malformed --db is bad input (exit 2);
 * a database that is there but cannot be opened (permissions, a lock, a server away) is a station
 * problem (DatabaseException, exit 3).
 */
public final class DbOption {
    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            description = "Results database: an H2 file path or a JDBC URL (default: $BENCHLINE_DB or "
                    + DatabaseUrl.DEFAULT_PATH + ".mv.db in the working directory).")
    String db;

    public String location() {
        if (db != null) {
            return db;
        }
        String env = System.getenv("BENCHLINE_DB");
        return env == null || env.isBlank() ? DatabaseUrl.DEFAULT_PATH : env;
    }

    /** Opens an existing database for reading (report, trace): a read-only command never creates one. */
    public Database open() {
        String location = checkedLocation();
        Optional<H2File> file = H2File.of(location);
        if (file.isPresent() && !file.get().exists()) {
            throw new InputError("no results database at " + file.get().dataFile()
                    + " (give --db or BENCHLINE_DB, or run the station here first)");
        }
        return openChecked(location, file);
    }

    /** Opens the database a station writes to (run, demo, station), creating it on first use. */
    public Database openOrCreate() {
        String location = checkedLocation();
        return openChecked(location, H2File.of(location));
    }

    private static Database openChecked(String location, Optional<H2File> file) {
        // checked before H2 opens it: H2 would print its own trace and blame its lock file
        file.flatMap(H2File::writeProblem).ifPresent(problem -> {
            throw new DatabaseException("cannot open database " + file.get().dataFile() + ": " + problem, null);
        });
        return Database.open(location);
    }

    private String checkedLocation() {
        String location = location().trim();
        if (location.isEmpty()) {
            throw new InputError("--db is empty: give an H2 file path or a JDBC URL");
        }
        if (db != null) {
            CentralOption.refusePassword("--db", location);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:") && !lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw new InputError(
                    "--db " + location + ": not a database Benchline opens (an H2 file path, jdbc:h2:... or "
                            + "jdbc:postgresql://host/db)");
        }
        return location;
    }
}
