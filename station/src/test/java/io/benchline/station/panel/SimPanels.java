package io.benchline.station.panel;

import java.util.List;

/** Fixture files of simulated panels for the tests. */
public final class SimPanels {
    private SimPanels() {}

    /** A simulated n-up fixture; profiles.get(i) is the board at position i+1 (channels 4i+1..4i+4). */
    public static String text(List<String> profiles, double timeScale) {
        StringBuilder b = new StringBuilder();
        b.append("name: sim-panel\nstation: sim-panel-station\nsim: {board: good, seed: 7}\n")
                .append("time-scale: ")
                .append(timeScale)
                .append("\ndmm: {kind: sim}\nswitch: {kind: sim}\npositions:\n");
        for (int i = 0; i < profiles.size(); i++) {
            int c = 4 * i;
            b.append("  - probe: sim\n")
                    .append("    board: ")
                    .append(profiles.get(i))
                    .append("\n    supply: {kind: sim}\n    uart: {kind: sim}\n")
                    .append("    test-points: {VDD: \"")
                    .append(c + 1)
                    .append("\", VDDA: \"")
                    .append(c + 2)
                    .append("\", VCAP1: \"")
                    .append(c + 3)
                    .append("\", NRST: \"")
                    .append(c + 4)
                    .append("\"}\n");
        }
        return b.toString();
    }
}
