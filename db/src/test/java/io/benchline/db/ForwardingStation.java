package io.benchline.db;

import java.time.Instant;

/**
 * Child process of {@link LineForwarderKillTest}: a station that forwards its local file to the
 * central database while it tests. First leaves a run open ("open ID": cut off by the kill to
 * come, everything after it waits for it), then tests runs, printing "done ID" once each verdict
 * is committed, until killed. Arguments: local path, central URL, station.
 */
public final class ForwardingStation {
    public static void main(String[] args) {
        Database db = Database.open(args[0]);
        String station = args[2];
        long open = db.store().begin(Samples.start("SN-KF-open", "LOT-K"), Instant.now());
        db.store().step(open, Samples.vddStep(1, 3.3, Verdict.PASS));
        System.out.println("open " + open);
        LineForwarder f = LineForwarder.start(db, args[1], new StationState(station, "testing", "LOT-K", null, "test"));
        for (int i = 0; ; i++) {
            long id = LineStation.run(db, station, "SN-KF-" + i, "LOT-K", i);
            f.verdictStored();
            System.out.println("done " + id);
        }
    }
}
