package io.benchline.station.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans with a retest limit and users files for the production-flow tests. */
public final class FlowTestFiles {
    public static final Path SHIPPED_PLAN = Path.of("../plans/stm32f411-board.yaml");
    public static final String ENGINEER = "eve";
    public static final String ENGINEER_PIN = "4711";
    public static final String OPERATOR = "olga";
    public static final String OPERATOR_PIN = "1234";
    /** Few iterations: the tests check many PINs; the users file records the count per user. */
    static final int TEST_ITERATIONS = 1_000;

    private FlowTestFiles() {}

    /** The shipped plan with {@code retest-limit: LIMIT}, written in dir (its firmware path made absolute). */
    public static Path planWithRetestLimit(Path dir, int limit) {
        try {
            String text = Files.readString(SHIPPED_PLAN);
            String firmware = SHIPPED_PLAN
                            .toAbsolutePath()
                            .getParent()
                            .resolve("../firmware/")
                            .normalize() + "/";
            text = text.replace("path: ../firmware/", "path: " + firmware)
                    .replace("\nsteps:\n", "\nretest-limit: " + limit + "\nsteps:\n");
            Path file = dir.resolve("plan-retest-limit-" + limit + ".yaml");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A users file with the engineer eve and the operator olga. */
    public static Users users(Path dir) {
        Users users = Users.load(dir.resolve("users.yaml"))
                .with(new StationUser(ENGINEER, Role.ENGINEER, PinHash.of(ENGINEER_PIN.toCharArray(), TEST_ITERATIONS)))
                .with(new StationUser(
                        OPERATOR, Role.OPERATOR, PinHash.of(OPERATOR_PIN.toCharArray(), TEST_ITERATIONS)));
        UsersFileWriter.write(users);
        return Users.load(users.file());
    }
}
