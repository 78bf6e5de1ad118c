package io.benchline.station;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or a service stop (SIGTERM) while a run is going: the run is closed as ABORTED
 * and DUT power switched off before the process ends. A signal handler rather than a shutdown
 * hook, because H2 closes its database in its own shutdown hook, in no set order with ours.
 */
final class StopSignals {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {}

    static StopSignals install(Runnable onStop) {
        StopSignals s = new StopSignals();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, sig -> {
                    onStop.run();
                    System.exit(128 + sig.getNumber());
                });
                s.signals.add(signal);
                s.previous.add(old);
            } catch (IllegalArgumentException unsupported) {
                // no such signal on this platform
            }
        }
        return s;
    }

    void restore() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
