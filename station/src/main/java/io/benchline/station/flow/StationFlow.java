package io.benchline.station.flow;

import io.benchline.db.Database;
import io.benchline.station.plan.Plan;
import java.time.Clock;
import java.util.List;

/** The production flow of one station: which boards it may test, its engineers, their releases. */
public record StationFlow(BoardGate gate, EngineerCheck engineers, Releases releases) {

    public static StationFlow of(Plan plan, Database db, String station, Users users, Clock clock) {
        EngineerCheck check = new EngineerCheck(users, db.flow(), station, clock);
        return new StationFlow(
                new BoardGate(plan, db, station, clock), check, new Releases(check, db.flow(), station, clock));
    }

    /**
     * An engineer confirms testing again boards that already passed (one PIN for a panel's
     * boards): the PIN is checked once, then each confirmation is stored with its author.
     */
    public void confirmRetest(List<String> serials, EngineerPin who, String operator) {
        String boards = String.join(", ", serials);
        StationUser engineer = engineers.engineer(who.name(), who.pin(), boards, "confirm a retest of " + boards);
        for (String serial : serials) {
            gate.retestConfirmed(serial, engineer, operator);
        }
    }
}
