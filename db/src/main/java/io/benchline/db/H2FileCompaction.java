package io.benchline.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;

/**
 * When an H2 file is compacted. With WRITE_DELAY=0 (every commit in the file when it returns) H2
 * runs no background housekeeping: each commit appends a chunk and the file grows by about
 * 200 KB per board (measured: 250 MB after 1 284 runs, 2 MB of live data). Compacting while runs
 * are being stored is not safe: commits acknowledged just after an in-place compaction were lost
 * at a kill -9 (measured, H2 2.5.252). So the file is compacted when it is opened, before any run,
 * by the only process holding it (SHUTDOWN COMPACT writes a new file and swaps it in).
 */
final class H2FileCompaction {
    static final long THRESHOLD_BYTES = 64L << 20;

    private H2FileCompaction() {
    }

    static boolean due(String url, Handle keeper) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return false;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        Path file = Path.of((semicolon < 0 ? path : path.substring(0, semicolon)) + ".mv.db");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < THRESHOLD_BYTES) {
                return false;
            }
        } catch (java.io.IOException e) {
            return false;
        }
        int sessions = keeper.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS").mapTo(Integer.class).one();
        return sessions == 1;
    }
}
