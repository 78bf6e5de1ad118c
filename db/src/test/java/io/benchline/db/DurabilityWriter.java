package io.benchline.db;

import java.time.Instant;

/** Child process of {@link DurabilityTest}: stores whole runs and prints each id once committed. */
public final class DurabilityWriter {
    public static void main(String[] args) {
        Database db = Database.open(args[0]);
        for (int i = 0; ; i++) {
            long run = db.store().begin(Samples.start("SN-K" + i, "KILL"), Instant.now());
            db.store().step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
            db.store().end(run, new RunEnd(Verdict.PASS, null, null, null), Instant.now());
            System.out.println(run);
            System.out.flush();
        }
    }
}
