package io.benchline.station.cli;

import io.benchline.fixtures.registry.Probes;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.station.InputError;
import picocli.CommandLine.Option;

/** The --probe URI option and opening the probe it names. */
final class ProbeOption {
    @Option(
            names = "--probe",
            required = true,
            paramLabel = "URI",
            description =
                    "Probe: stlink, stlink://SERIAL, stlink-tcp://HOST:PORT, sim:PROFILE, gdb://HOST:PORT, gdb-serial:PATH, qemu.")
    String uri;

    /** Opens and connects the probe; a malformed URI is bad input (exit 2), a missing probe a FixtureFault (exit 3). */
    DebugProbe connect() {
        DebugProbe probe;
        try {
            probe = Probes.open(uri, null);
        } catch (IllegalArgumentException e) {
            throw new InputError("--probe: " + e.getMessage());
        }
        try {
            probe.connect(false);
            return probe;
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
    }
}
