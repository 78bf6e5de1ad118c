package io.benchline.station.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file behind a --db location when it is an H2 file database (a path or a jdbc:h2:file: URL). */
record H2File(Path dataFile) {

    static Optional<H2File> of(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        String path;
        if (lower.startsWith("jdbc:h2:")) {
            String rest = location.substring("jdbc:h2:".length());
            String restLower = rest.toLowerCase(Locale.ROOT);
            if (restLower.startsWith("mem:")
                    || restLower.startsWith("tcp:")
                    || restLower.startsWith("ssl:")
                    || restLower.startsWith("zip:")) {
                return Optional.empty();
            }
            path = restLower.startsWith("file:") ? rest.substring("file:".length()) : rest;
            int settings = path.indexOf(';');
            path = settings < 0 ? path : path.substring(0, settings);
        } else if (lower.startsWith("jdbc:")) {
            return Optional.empty();
        } else {
            path = location;
        }
        path = path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(new H2File(Path.of(path + ".mv.db").toAbsolutePath().normalize()));
    }

    boolean exists() {
        return Files.exists(dataFile);
    }

    /** Why H2 could not write here (it also writes a lock file beside the data), or empty when it can. */
    Optional<String> writeProblem() {
        if (Files.exists(dataFile)) {
            if (!Files.isWritable(dataFile)) {
                return Optional.of(dataFile + ": permission denied");
            }
            return Files.isWritable(dataFile.getParent())
                    ? Optional.empty()
                    : Optional.of(
                            dataFile.getParent() + ": permission denied (the database needs a lock file beside it)");
        }
        Path dir = dataFile.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of(dataFile.getParent() + ": not a directory");
        }
        return Files.isWritable(dir) ? Optional.empty() : Optional.of(dir + ": permission denied");
    }
}
