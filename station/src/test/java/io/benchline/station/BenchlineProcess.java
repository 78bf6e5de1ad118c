package io.benchline.station;

import io.benchline.station.cli.Main;
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
}
