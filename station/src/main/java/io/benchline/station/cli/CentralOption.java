package io.benchline.station.cli;

import io.benchline.db.CentralCredentials;
import io.benchline.db.CentralUrl;
import io.benchline.station.InputError;
import picocli.CommandLine.Option;

/** --central: the line's PostgreSQL, for the commands that manage it. */
final class CentralOption {
    @Option(
            names = "--central",
            required = true,
            paramLabel = "URL",
            description = "The line's central database: jdbc:postgresql://host[:port]/db?user=NAME (password from "
                    + CentralCredentials.PASSWORD_VARIABLE
                    + ", PGPASSWORD or a pgpass file, never the URL; see docs/central.md).")
    String url;

    String url() {
        String given = url.trim();
        refusePassword("--central", given);
        if (!CentralUrl.isPostgres(given)) {
            throw new InputError(
                    "--central " + given + ": not a PostgreSQL URL (jdbc:postgresql://host[:port]/db?user=NAME)");
        }
        return given;
    }

    /** Every user of the machine can read a command line (ps): a password there is refused, and nothing is opened. */
    static void refusePassword(String option, String url) {
        if (CentralUrl.hasPassword(url)) {
            throw new InputError(
                    option + " has a password in it, which every user of this machine can read in the process "
                            + "list: remove password= from the URL and " + CentralCredentials.whereToPutIt());
        }
    }
}
