package io.benchline.station.cli;

import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.flow.Users;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a station's users file is: {@code --users}, else the fixture file's {@code users:}, else
 * {@code users.yaml} in $BENCHLINE_HOME (the station's home), else in the working directory.
 */
final class UsersOption {
    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "The station's users file (default: the fixture file's users:, else users.yaml in"
                    + " $BENCHLINE_HOME or the working directory).")
    Path users;

    Path path(Optional<FixtureFile> fixture) {
        if (users != null) {
            return users;
        }
        Optional<Path> named = fixture.flatMap(FixtureFile::users);
        if (named.isPresent()) {
            return named.get();
        }
        String home = System.getenv("BENCHLINE_HOME");
        return home == null || home.isBlank() ? Path.of("users.yaml") : Path.of(home, "users.yaml");
    }

    Users load(Optional<FixtureFile> fixture) {
        return Users.load(path(fixture));
    }
}
