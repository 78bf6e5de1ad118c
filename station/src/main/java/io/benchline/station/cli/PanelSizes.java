package io.benchline.station.cli;

import io.benchline.station.InputError;
import java.util.List;
import picocli.CommandLine.Option;

/** The panel sizes a multi-up benchmark times: {@code --positions 1,2,4,8}. */
final class PanelSizes {
    @Option(
            names = "--positions",
            split = ",",
            defaultValue = "1,2,4,8",
            description = "Panel sizes to time, e.g. 4 or 1,2,4,8 (default: ${DEFAULT-VALUE}).")
    List<Integer> positions;

    /** The sizes given, each from 1 to 32, or an InputError. */
    List<Integer> sizes() {
        if (positions.stream().anyMatch(p -> p < 1 || p > 32)) {
            throw new InputError("--positions must be from 1 to 32");
        }
        return positions;
    }
}
