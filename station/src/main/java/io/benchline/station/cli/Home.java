package io.benchline.station.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the files shipped with Benchline (plans, fixtures) whether run from the checkout or elsewhere. */
final class Home {
    private Home() {}

    /** A relative path as given when it exists from here, else from $BENCHLINE_HOME (set by ./benchline). */
    static String resolve(String relative) {
        return resolve(
                relative, Optional.ofNullable(System.getenv("BENCHLINE_HOME")).filter(h -> !h.isBlank()));
    }

    static String resolve(String relative, Optional<String> home) {
        Path p = Path.of(relative);
        if (p.isAbsolute() || Files.exists(p) || home.isEmpty()) {
            return relative;
        }
        Path fromHome = Path.of(home.get(), relative);
        return Files.exists(fromHome) ? fromHome.toString() : relative;
    }
}
