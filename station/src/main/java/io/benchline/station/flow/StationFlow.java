package io.benchline.station.flow;

import io.benchline.db.Database;
import io.benchline.station.plan.Plan;
import java.time.Clock;

/** The production flow of one station: which boards it may test, its engineers, their releases. */
public record StationFlow(BoardGate gate, EngineerCheck engineers, Releases releases) {

    public static StationFlow of(Plan plan, Database db, String station, Users users, Clock clock) {
        EngineerCheck check = new EngineerCheck(users, db.flow(), station, clock);
        return new StationFlow(
                new BoardGate(plan, db, station, clock), check, new Releases(check, db.flow(), station, clock));
    }
}
