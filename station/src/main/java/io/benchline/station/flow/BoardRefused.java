package io.benchline.station.flow;

import io.benchline.db.Quarantine;
import io.benchline.station.InputError;

/**
 * A board the station will not test: it is quarantined (just now, over its plan's retest limit,
 * or earlier) until an engineer releases it. Not a verdict: nothing was powered, no run stored;
 * so the command line answers it as it answers a bad input (one line, exit 2).
 */
public final class BoardRefused extends InputError {
    public final String serial;
    public final Quarantine quarantine;

    BoardRefused(Quarantine q) {
        super("board " + q.serial() + " is quarantined (" + q.reason() + ", since " + q.since()
                + "): not tested; an engineer must release it (benchline board release " + q.serial()
                + " --reason ... --user NAME, or Release on the station's screen)");
        this.serial = q.serial();
        this.quarantine = q;
    }
}
