package io.benchline.station.demo;

import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.station.fixture.FixtureLoader;
import java.util.Locale;
import java.util.Map;

/** The fixture file that points a station at simulated instruments served as real ones. */
public final class ServedFixtureFile {
    private ServedFixtureFile() {}

    public static String text(SimInstrumentServers sims, Transport t, String probeUri) {
        String transport = t.name().toLowerCase(Locale.ROOT);
        StringBuilder tp = new StringBuilder();
        FixtureLoader.SIM_WIRING.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> tp.append(tp.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(": \"")
                        .append(e.getValue())
                        .append('"'));
        return "# Written by `benchline sim serve`: simulated instruments served as real ones (" + transport + ").\n"
                + "# Valid while that process runs. The probe is its simulated ST-LINK, served over stlink-tcp.\n"
                + "name: sim-served-" + transport + "\n"
                + "station: sim-station-1\n"
                + "time-scale: 0\n"
                + sims.fixtureYaml()
                + "probe: " + probeUri + "\n"
                + "uart: {kind: sim}\n"
                + "test-points: {" + tp + "}\n";
    }
}
