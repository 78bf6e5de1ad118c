package io.benchline.db;

import java.nio.file.Path;

/**
 * Turns what an operator types after --db (a file path or a JDBC URL) into the JDBC URL the
 * station opens, with the settings durability needs.
 */
public final class DatabaseUrl {
    /** Where the station keeps its results when no --db is given (relative to the working directory). */
    public static final String DEFAULT_PATH = "data/benchline";

    private DatabaseUrl() {}

    public static String resolve(String pathOrUrl) {
        String given = pathOrUrl == null || pathOrUrl.isBlank() ? DEFAULT_PATH : pathOrUrl.trim();
        if (given.startsWith("jdbc:h2:")) {
            return withH2Settings(given);
        }
        if (given.startsWith("jdbc:")) {
            return given;
        }
        String path = given.endsWith(".mv.db") ? given.substring(0, given.length() - ".mv.db".length()) : given;
        return withH2Settings("jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize());
    }

    /**
     * How long H2 keeps a chunk before reusing its space once nothing in it is live (H2's default:
     * 45 s). With WRITE_DELAY=0 a station writes a chunk per commit; at the benchmark's pace 45 s of
     * them is over 2 GB of file, at a bench's real pace a few MB. 1 s keeps the benchmark's file
     * near its data (see {@link H2Housekeeping}); every verdict is synced long before that.
     */
    static final int RETENTION_MS = Integer.getInteger("benchline.h2.retentionMs", 1000);

    /**
     * WRITE_DELAY=0: H2's default (500 ms) acknowledges commits that a kill -9 then loses, so a
     * run the operator was told about could vanish.
     * <p>
     * AUTO_SERVER=TRUE, because an H2 file has one owner: the first process locks it, and any
     * other plain {@code jdbc:h2:file:} open fails with "database may be already in use". A
     * report, a trace or a second look at the results must work while a station holds the
     * file. The other ways were weighed: FILE_LOCK=NO lets two processes write the same file and
     * corrupt it; a read-only open (ACCESS_MODE_DATA=r) still needs the lock; a separate H2 TCP
     * server would be one more process to start, watch and secure on every station. With
     * AUTO_SERVER the owner serves the file to others on loopback (its address and a random
     * key are in the .lock.db file beside it, readable only by those who can read the data), the
     * station keeps its in-process speed, and if the owner dies the next process to open the
     * file becomes the owner: no run is lost, since every commit was on disk.
     */
    private static String withH2Settings(String url) {
        String out = url;
        String upper = url.toUpperCase();
        if (upper.startsWith("JDBC:H2:FILE:")
                || !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")) {
            if (!upper.contains("WRITE_DELAY=")) {
                out += ";WRITE_DELAY=0";
            }
            if (!upper.contains("RETENTION_TIME=")) {
                out += ";RETENTION_TIME=" + RETENTION_MS;
            }
            if (!upper.contains("AUTO_SERVER=")) {
                out += ";AUTO_SERVER=TRUE";
            }
        }
        return out;
    }

    public static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }
}
