package io.benchline.db;

import java.time.Instant;

/** Child process of {@link DurabilityTest}: stores whole runs and prints each step and each run once committed. */
public final class DurabilityWriter {
    public static void main(String[] args) {
        Database db = Database.open(args[0]);
        for (int i = 0; ; i++) {
            long run = db.store().begin(Samples.start("SN-K" + i, "KILL"), Instant.now());
            // the sequencer's commits for one board: a step, the UID with its step, the teardown with the verdict
            db.store().step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
            System.out.println("step " + run + " 1");
            db.store().stepBindingUid(run, Samples.vddStep(2, 3.30, Verdict.PASS), String.format("%024X", i));
            System.out.println("step " + run + " 2");
            db.store()
                    .finish(
                            run,
                            Samples.vddStep(3, 3.31, Verdict.PASS),
                            new RunEnd(Verdict.PASS, null, null, null),
                            Instant.now());
            System.out.println(run);
            System.out.flush();
        }
    }
}
