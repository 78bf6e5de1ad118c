package io.benchline.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compacts a grown H2 file before it is opened. With WRITE_DELAY=0 (every commit in the file
 * when it returns) H2 runs no background housekeeping: each commit appends a chunk and the file
 * grows by about 200 KB per board (measured: 250 MB after 1 284 runs, 2 MB of live data).
 * Compacting while runs are being stored is not safe: commits acknowledged just after an in-place
 * compaction were lost at a kill -9 (measured, H2 2.5.252). So the file is compacted when it is
 * opened, before any run, and only when nobody else holds it: the compaction connection does not
 * use AUTO_SERVER, so H2's file lock refuses it while another process has the file open, and it
 * stands down when this process has.
 */
final class H2FileCompaction {
    static final long THRESHOLD_BYTES = 64L << 20;

    private H2FileCompaction() {
    }

    static void compactIfDue(String url) {
        Path file = fileOf(url);
        if (file == null || !grown(file)) {
            return;
        }
        String exclusive = url.replaceAll("(?i);AUTO_SERVER=TRUE", "") + ";AUTO_SERVER=FALSE";
        try (Connection c = DriverManager.getConnection(exclusive); Statement s = c.createStatement()) {
            // another session means this process has the database open already (a station and its
            // report pages): compacting would close it under them
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                if (rs.next() && rs.getInt(1) > 1) {
                    return;
                }
            }
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // held by another process (file locked) or not compactable now: it stays as it is until the next open
        }
    }

    static Path fileOf(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        return Path.of((semicolon < 0 ? path : path.substring(0, semicolon)) + ".mv.db");
    }

    private static boolean grown(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) >= THRESHOLD_BYTES;
        } catch (IOException e) {
            return false;
        }
    }
}
