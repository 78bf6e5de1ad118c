package io.benchline.station;

import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.image.FirmwareImages;
import io.benchline.fixtures.image.ImageException;
import io.benchline.station.plan.Plan;
import java.util.Optional;

/** Reads the plan's released firmware image once per test position. */
final class FirmwareLoader {
    private FirmwareLoader() {}

    static Optional<FirmwareImage> load(Plan plan) {
        return plan.firmware().map(f -> {
            try {
                return FirmwareImages.read(f.path(), f.base());
            } catch (ImageException e) {
                throw new InputError("plan " + plan.file() + ": firmware " + e.getMessage());
            }
        });
    }
}
