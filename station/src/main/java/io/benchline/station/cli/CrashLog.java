package io.benchline.station.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The station's log of its own crashes: the full stack trace goes to a file, the operator gets one
 * line naming it. A small appender of its own rather than SLF4J: slf4j-simple has one destination
 * for every logger, and the libraries' warnings belong on stderr.
 */
final class CrashLog {
    static final String DEFAULT = "data/logs/benchline.log";

    private CrashLog() {}

    /** $BENCHLINE_LOG, else data/logs/benchline.log under the working directory. */
    static Path path() {
        String env = System.getenv("BENCHLINE_LOG");
        return Path.of(env == null || env.isBlank() ? DEFAULT : env);
    }

    /** Appends the failure with the command that met it; empty when the log itself cannot be written. */
    static Optional<Path> write(String command, Throwable failure) {
        Path log = path().toAbsolutePath();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String entry = Instant.now() + " benchline " + command + "\n" + trace + "\n";
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return Optional.of(log);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
