package io.benchline.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Repeated kill -9 trials of the store with its in-run housekeeping (not a unit test: minutes).
 * Arguments: trials, directory. Each trial kills the writer after a random 900 to 18 000
 * acknowledgements (300 to 6000 runs, at a step or at a verdict) and prints what was acknowledged, lost and left open.
 */
public final class KillNineTrials {
    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        Random random = new Random();
        int lost = 0;
        for (int i = 0; i < trials; i++) {
            int killAfter = args.length > 2 ? Integer.parseInt(args[2]) : 900 + random.nextInt(17100);
            DurabilityTest.Trial t = DurabilityTest.trial(dir.resolve("trial" + i), killAfter);
            lost += t.missing().size();
            System.out.printf(
                    "trial %d: acknowledged %d, lost %d %s, left open %d, file %.1f MB%n",
                    i + 1, t.acknowledged(), t.missing().size(), t.missing(), t.aborted(), t.fileBytes() / 1e6);
        }
        System.out.printf("%d trials, %d acknowledged runs lost%n", trials, lost);
        System.exit(lost == 0 ? 0 : 1);
    }
}
