package io.benchline.station;

import io.benchline.station.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code benchline ARGS} as its own process, on the test's class path: for kills, exit codes, two stations. */
public final class BenchlineProcess {
    private BenchlineProcess() {}

    public static ProcessBuilder of(String... args) {
        return of(List.of(args));
    }

    public static ProcessBuilder of(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    /** What a station process printed up to its "Station ready at ADDRESS" line; address null if it ended first. */
    public record Ready(String address, List<String> lines) {}

    /** Reads the station's stdout until it is ready (or its output ends); the reader stays open for the caller. */
    public static Ready awaitReady(BufferedReader out) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Station ready at ")) {
                return new Ready(line.substring("Station ready at ".length()), lines);
            }
        }
        return new Ready(null, lines);
    }
}
