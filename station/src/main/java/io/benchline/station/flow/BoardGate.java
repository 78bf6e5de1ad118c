package io.benchline.station.flow;

import io.benchline.db.Database;
import io.benchline.db.EngineerAction;
import io.benchline.db.FlowRecords;
import io.benchline.db.Quarantine;
import io.benchline.station.plan.Plan;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides, before a board is powered, whether the station may test it (docs/production-flow.md):
 * a quarantined board is refused, and a board whose FAILs since its last release exceed the
 * plan's {@code retest-limit} (first test plus that many retests) is quarantined and refused.
 * Stores an engineer's confirmation of a retest of a board that passed (whether it passed is the
 * station's line check, {@code Station.line().hasPassed}, local or the line's central database).
 */
public final class BoardGate {
    private final Plan plan;
    private final FlowRecords records;
    private final String station;
    private final Clock clock;

    public BoardGate(Plan plan, Database db, String station, Clock clock) {
        this.plan = plan;
        this.records = db.flow();
        this.station = station;
        this.clock = clock;
    }

    /** Throws {@link BoardRefused} for a board that must not be tested, quarantining one over its limit. */
    public void admit(String serial) {
        Optional<Quarantine> open = records.openQuarantine(serial);
        if (open.isPresent()) {
            throw new BoardRefused(open.get());
        }
        if (plan.retestLimit().isEmpty()) {
            return;
        }
        int limit = plan.retestLimit().getAsInt();
        int fails = records.failsSinceRelease(serial);
        if (fails > limit) {
            String reason = fails + " FAIL" + (fails == 1 ? "" : "s") + ", over the retest limit of " + limit
                    + " of plan " + plan.name() + " v" + plan.version();
            throw new BoardRefused(records.quarantine(serial, station, reason, clock.instant()));
        }
    }

    /** Stores that an engineer confirmed testing a board that already passed. */
    public void retestConfirmed(String serial, StationUser engineer, String operator) {
        records.record(new EngineerAction(
                clock.instant(),
                engineer.name(),
                EngineerAction.CONFIRM_RETEST,
                serial,
                station,
                null,
                "retest of a passed board, operator " + operator + ", plan " + plan.name() + " v" + plan.version()));
    }

    public String station() {
        return station;
    }
}
