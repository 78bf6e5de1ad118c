package io.benchline.station.demo;

import java.util.List;

/**
 * The fixture file of a simulated n-up panel: a board, supply, probe and UART per position, one
 * DMM behind one switch matrix for all (position p's test points on channels 4p-3 to 4p).
 */
public final class SimPanelFile {
    private SimPanelFile() {}

    /** profiles.get(i) is the board profile at position i+1. */
    public static String text(List<String> profiles, double timeScale) {
        StringBuilder b = new StringBuilder();
        b.append("name: sim-panel-")
                .append(profiles.size())
                .append("up\nstation: sim-station-1\nsim: {board: good, seed: 7}\n")
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
