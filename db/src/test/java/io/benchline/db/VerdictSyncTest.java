package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verdict is on the disk before the store returns it: the file's writes for the closing commit
 * are followed by an fsync within the call. Steps are written (a killed process keeps them) but
 * not synced one by one. Watched from H2's file layer, so removing the sync fails this test.
 */
class VerdictSyncTest {
    @TempDir
    Path dir;

    @Test
    void eachVerdictIsForcedToTheDiskAfterItsCommitAndStepsAreWrittenWithoutOne() {
        SyncWatchFilePath.register();
        try (Database db = Database.open("jdbc:h2:syncwatch:" + dir.resolve("watched"))) {
            for (int i = 0; i < 3; i++) {
                long run = db.store().begin(Samples.start("SN-W" + i, "WATCH"), Instant.now());
                int before = SyncWatchFilePath.events().size();
                db.store().step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
                List<SyncWatchFilePath.Op> step = since(before);
                assertTrue(step.contains(SyncWatchFilePath.Op.WRITE), "a step's commit reaches the file: " + step);
                assertTrue(!step.contains(SyncWatchFilePath.Op.FORCE), "a step is not synced by itself: " + step);

                before = SyncWatchFilePath.events().size();
                boolean closed = i % 2 == 0
                        ? db.store()
                                .finish(
                                        run,
                                        Samples.vddStep(2, 3.30, Verdict.PASS),
                                        new RunEnd(Verdict.PASS, null, null, null),
                                        Instant.now())
                        : db.store().end(run, new RunEnd(Verdict.FAIL, "vdd", null, null), Instant.now());
                assertTrue(closed);
                List<SyncWatchFilePath.Op> verdict = since(before);
                int lastWrite = verdict.lastIndexOf(SyncWatchFilePath.Op.WRITE);
                assertTrue(lastWrite >= 0, "the verdict's commit reaches the file: " + verdict);
                assertEquals(
                        SyncWatchFilePath.Op.FORCE,
                        verdict.get(verdict.size() - 1),
                        "the verdict call ends with an fsync after its last write: " + verdict);
                assertTrue(verdict.subList(lastWrite, verdict.size()).contains(SyncWatchFilePath.Op.FORCE));
            }
        }
    }

    private static List<SyncWatchFilePath.Op> since(int index) {
        List<SyncWatchFilePath.Op> all = SyncWatchFilePath.events();
        return all.subList(index, all.size());
    }
}
