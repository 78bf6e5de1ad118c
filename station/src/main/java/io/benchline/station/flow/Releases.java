package io.benchline.station.flow;

import io.benchline.db.FlowRecords;
import io.benchline.db.Quarantine;
import io.benchline.station.InputError;
import java.time.Clock;
import java.util.Arrays;

/** An engineer releases a quarantined board: checked, then stored with who, when and why. */
public final class Releases {
    private final EngineerCheck check;
    private final FlowRecords records;
    private final String station;
    private final Clock clock;

    public Releases(EngineerCheck check, FlowRecords records, String station, Clock clock) {
        this.check = check;
        this.records = records;
        this.station = station;
        this.clock = clock;
    }

    /** Refuses, before any PIN is asked, a release without a reason or of a board not quarantined. */
    public void checkReleasable(String serial, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new InputError("a release needs a reason: what was found or done (--reason \"...\")");
        }
        if (why.length() > 500) {
            throw new InputError("the reason has " + why.length() + " characters: at most 500");
        }
        if (records.openQuarantine(serial).isEmpty()) {
            throw new InputError("board " + serial + " is not quarantined: nothing to release");
        }
    }

    /** The released quarantine; an {@link InputError} when the board is not quarantined or no reason is given. */
    public Quarantine release(String serial, String engineer, char[] pin, String reason) {
        try {
            checkReleasable(serial, reason);
        } catch (InputError e) {
            Arrays.fill(pin, '\0');
            throw e;
        }
        String why = reason.trim();
        StationUser who = check.engineer(engineer, pin, serial, "release " + serial);
        return records.release(serial, station, who.name(), why, clock.instant())
                .orElseThrow(() -> new InputError("board " + serial + " is not quarantined: nothing to release"));
    }
}
