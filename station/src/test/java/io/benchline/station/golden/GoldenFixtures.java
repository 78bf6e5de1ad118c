package io.benchline.station.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Simulated fixture files with a golden: block, for tests. */
public final class GoldenFixtures {
    private GoldenFixtures() {}

    /** Writes dir/golden-fixture.yaml: the simulated bench at the named station, then the block as given. */
    public static Path write(Path dir, String station, String goldenBlock) throws IOException {
        Path f = dir.resolve("golden-fixture.yaml");
        Files.writeString(f, """
                name: sim-golden
                station: %s
                sim: {board: good}
                time-scale: 0
                supply: {kind: sim}
                dmm: {kind: sim}
                switch: {kind: sim}
                probe: sim
                uart: {kind: sim}
                test-points: {VDD: "1", VDDA: "2", VCAP1: "3", NRST: "4"}
                """.formatted(station) + goldenBlock);
        return f;
    }
}
