package io.benchline.station.ui;

import java.time.Duration;

/**
 * The operator's START button on the jig. The fixture's jig role (JigController, protocol in
 * docs/jig-protocol.md) has exactly this method, so a station passes {@code jig::awaitStart}.
 */
@FunctionalInterface
public interface StartButton {
    /** Waits until START is pressed; false when the timeout passes first. */
    boolean awaitStart(Duration timeout);
}
