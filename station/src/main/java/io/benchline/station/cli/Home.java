package io.benchline.station.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the files shipped with Benchline (plans, fixtures) whether run from the checkout or elsewhere. */
final class Home {
    private Home() {
    }

    /** A relative path as given when it exists from here, else from $BENCHLINE_HOME (set by ./benchline). */
    static String resolve(String relative) {
        Path p = Path.of(relative);
        if (p.isAbsolute() || Files.exists(p)) {
            return relative;
        }
        String home = System.getenv("BENCHLINE_HOME");
        if (home != null && Files.exists(Path.of(home, relative))) {
            return Path.of(home, relative).toString();
        }
        return relative;
    }
}
