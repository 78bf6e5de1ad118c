package io.benchline.station.ui;

import io.benchline.fixtures.instrument.Jig;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.fixture.PanelFixture;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's START button on the jig. The fixture's jig role (JigController, protocol in
 * docs/jig-protocol.md) has exactly this method, so a station passes {@code jig::awaitStart}.
 */
@FunctionalInterface
public interface StartButton {
    /** Waits until START is pressed; false when the timeout passes first. */
    boolean awaitStart(Duration timeout);

    /**
     * A fixture whose switch is the Benchline jig (switch: {kind: jig}) has the operator's START
     * button on the same controller.
     */
    static Optional<StartButton> of(Fixture fixture) {
        return fixture.switchMatrix() instanceof Jig jig ? Optional.of(jig::awaitStart) : Optional.empty();
    }

    /** A multi-up fixture whose shared switch is the Benchline jig: one START for the whole panel. */
    static Optional<StartButton> of(PanelFixture panel) {
        return panel.jig().map(jig -> jig::awaitStart);
    }
}
