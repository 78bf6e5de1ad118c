package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.DatabaseException;
import io.benchline.db.DatabaseUrl;
import io.benchline.station.InputError;
import picocli.CommandLine.Option;

/** The --db option every command that touches results shares. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
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

    /** Opens the database; a database that cannot be opened is a user-facing one-line error. */
    public Database open() {
        try {
            return Database.open(location());
        } catch (DatabaseException e) {
            throw new InputError(e.getMessage());
        }
    }
}
