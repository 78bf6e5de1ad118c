package io.benchline.db;

import java.util.Map;
import java.util.Optional;

/**
 * The central database's password, never from the command line: BENCHLINE_DB_PASSWORD, else
 * PGPASSWORD (libpq's name, which pgjdbc itself does not read). With neither, the driver looks in
 * the pgpass file (PGPASSFILE, else ~/.pgpass).
 */
public final class CentralCredentials {
    public static final String PASSWORD_VARIABLE = "BENCHLINE_DB_PASSWORD";

    private CentralCredentials() {}

    public static Optional<String> password(Map<String, String> environment) {
        for (String name : new String[] {PASSWORD_VARIABLE, "PGPASSWORD"}) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Where to put a password instead of the command line: for one-line errors. */
    public static String whereToPutIt() {
        return "put it in " + PASSWORD_VARIABLE + " or PGPASSWORD, or in a pgpass file (~/.pgpass, or PGPASSFILE)";
    }
}
