package io.benchline.db.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL server programs (initdb, pg_ctl, postgres) are. Debian's {@code postgresql}
 * package puts them in /usr/lib/postgresql/&lt;major&gt;/bin, off the PATH, and does not always
 * install pg_config; BENCHLINE_PG_BIN overrides the search.
 */
public final class PostgresBinaries {
    private PostgresBinaries() {}

    public static Path dir() {
        return find().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server programs: install Debian's postgresql (listed in .ci/packages), "
                        + "or set BENCHLINE_PG_BIN to the directory holding initdb and pg_ctl"));
    }

    static Optional<Path> find() {
        String override = System.getenv("BENCHLINE_PG_BIN");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(PostgresBinaries::hasServer);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(debian)) {
            return majors.map(m -> m.resolve("bin"))
                    .filter(PostgresBinaries::hasServer)
                    .max(Comparator.comparingInt(PostgresBinaries::major));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
