package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The positions of a panel share the verdict's fsync (group commit), and still each verdict is on
 * the disk before the store returns it: a sync that began after the verdict's commit has ended.
 * Real threads on one real H2 file; the order of its writes and fsyncs is watched from H2's file
 * layer ({@link SyncWatchFilePath}), each with the thread that made it.
 */
class GroupSyncTest {
    private static final long BOUND_SECONDS = 30;

    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        SyncWatchFilePath.beforeForce(() -> {});
    }

    @Test
    void aVerdictCommittedWhileASyncRunsWaitsForTheNextSync() throws Exception {
        SyncWatchFilePath.register();
        try (Database db = Database.open("jdbc:h2:syncwatch:" + dir.resolve("held"))) {
            ResultStore store = db.store();
            long first = begunWithAStep(store, "SN-HELD-1");
            long second = begunWithAStep(store, "SN-HELD-2");
            CountDownLatch forcing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            SyncWatchFilePath.beforeForce(() -> {
                if (forcing.getCount() == 1) { // hold the first sync in its fsync
                    forcing.countDown();
                    await(release);
                }
            });
            int from = SyncWatchFilePath.timeline().size();
            Thread a = closer(store, first, "position-1");
            a.start();
            assertTrue(forcing.await(BOUND_SECONDS, TimeUnit.SECONDS), "the first verdict's sync began");

            Thread b = closer(store, second, "position-2");
            b.start();
            // position 2's commit is written while the first sync is in its fsync; wait until it waits
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (!waitsAfterCommit(b, from)) {
                assertTrue(System.nanoTime() < deadline, "position 2 committed and waits for a sync");
                Thread.onSpinWait();
            }
            assertTrue(!marked(from, "returned", "position-2"), "no verdict returned while its sync is held");
            release.countDown();
            a.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            b.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            assertTrue(!a.isAlive() && !b.isAlive(), "both verdicts returned");

            List<SyncWatchFilePath.Mark> t = SyncWatchFilePath.timeline()
                    .subList(from, SyncWatchFilePath.timeline().size());
            assertSyncedAfterCommit(t, "position-1");
            assertSyncedAfterCommit(t, "position-2");
            assertEquals(2, count(t, "FORCE_BEGIN"), "two syncs: the held one, then one for position 2: " + t);
        }
    }

    @Test
    void concurrentVerdictsFromFourPositionsAreEachSyncedAfterTheirCommitAndAllDurable() throws Exception {
        SyncWatchFilePath.register();
        int positions = 4;
        int runs = 25;
        String url = "jdbc:h2:syncwatch:" + dir.resolve("four");
        List<Long> closed = new ArrayList<>();
        int from;
        try (Database db = Database.open(url)) {
            ResultStore store = db.store();
            CyclicBarrier together = new CyclicBarrier(positions);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failed = new ArrayList<>();
            from = SyncWatchFilePath.timeline().size();
            for (int p = 1; p <= positions; p++) {
                int position = p;
                Thread t = new Thread(
                        () -> {
                            try {
                                together.await(BOUND_SECONDS, TimeUnit.SECONDS);
                                for (int i = 0; i < runs; i++) {
                                    long run = begunWithAStep(store, "SN-P" + position + "-" + i);
                                    store.step(run, Samples.vddStep(2, 3.31, Verdict.PASS));
                                    SyncWatchFilePath.mark("called");
                                    assertTrue(store.finish(
                                            run,
                                            Samples.vddStep(3, 3.30, Verdict.PASS),
                                            new RunEnd(Verdict.PASS, null, null, null),
                                            Instant.now()));
                                    SyncWatchFilePath.mark("returned");
                                    synchronized (closed) {
                                        closed.add(run);
                                    }
                                }
                            } catch (Throwable e) {
                                synchronized (failed) {
                                    failed.add(e);
                                }
                            }
                        },
                        "position-" + p);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
                assertTrue(!t.isAlive(), t.getName() + " finished");
            }
            assertEquals(List.of(), failed);
        }
        List<SyncWatchFilePath.Mark> t = SyncWatchFilePath.timeline()
                .subList(from, SyncWatchFilePath.timeline().size());
        for (int p = 1; p <= positions; p++) {
            assertEquals(runs, assertSyncedAfterCommit(t, "position-" + p), "verdicts checked for position " + p);
        }
        assertEquals(positions * runs, closed.size());
        try (Database db = Database.open(url)) {
            for (long run : closed) {
                var stored = db.trace().run(run).orElseThrow(() -> new AssertionError("run lost: " + run));
                assertEquals(Verdict.PASS, stored.run().verdict());
                assertEquals(3, stored.steps().size());
            }
        }
    }

    /**
     * For each of the thread's verdict calls (between its marks "called" and "returned"): after
     * the last write the thread made to the file in the call (its commit), a force began and
     * ended before the call returned. Returns the number of calls checked.
     */
    private static int assertSyncedAfterCommit(List<SyncWatchFilePath.Mark> t, String thread) {
        int checked = 0;
        for (int called = indexOf(t, "called", thread, 0);
                called >= 0;
                called = indexOf(t, "called", thread, called + 1)) {
            int returned = indexOf(t, "returned", thread, called + 1);
            assertTrue(returned > called, thread + " returned from its verdict call at " + called);
            int lastWrite = -1;
            for (int i = called; i < returned; i++) {
                if (t.get(i).what().equals("WRITE") && t.get(i).thread().equals(thread)) {
                    lastWrite = i;
                }
            }
            assertTrue(lastWrite > called, thread + "'s verdict was written by its own commit at " + called);
            int begin = indexOf(t, "FORCE_BEGIN", null, lastWrite + 1);
            int end = indexOf(t, "FORCE", null, begin + 1);
            if (begin < 0 || end < 0 || end > returned) {
                fail(thread + "'s verdict (call at " + called + ", commit written at " + lastWrite
                        + ") returned at " + returned + " before a sync begun after its commit ended (begin "
                        + begin + ", end " + end + "): " + t.subList(called, Math.min(t.size(), returned + 1)));
            }
            checked++;
        }
        return checked;
    }

    private static int indexOf(List<SyncWatchFilePath.Mark> t, String what, String thread, int from) {
        for (int i = Math.max(0, from); i < t.size(); i++) {
            SyncWatchFilePath.Mark m = t.get(i);
            if (m.what().equals(what) && (thread == null || m.thread().equals(thread))) {
                return i;
            }
        }
        return -1;
    }

    private static int count(List<SyncWatchFilePath.Mark> t, String what) {
        return (int) t.stream().filter(m -> m.what().equals(what)).count();
    }

    private static boolean marked(int from, String what, String thread) {
        List<SyncWatchFilePath.Mark> t = SyncWatchFilePath.timeline();
        return indexOf(t.subList(from, t.size()), what, thread, 0) >= 0;
    }

    /** The thread has written its commit and now waits (Object.wait, the only unbounded park after it) for a sync. */
    private static boolean waitsAfterCommit(Thread b, int from) {
        return marked(from, "WRITE", b.getName()) && b.getState() == Thread.State.WAITING;
    }

    private static long begunWithAStep(ResultStore store, String serial) {
        long run = store.begin(Samples.start(serial, "GROUP"), Instant.now());
        store.step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
        return run;
    }

    private static Thread closer(ResultStore store, long run, String name) {
        return new Thread(
                () -> {
                    SyncWatchFilePath.mark("called");
                    store.finish(
                            run,
                            Samples.vddStep(2, 3.30, Verdict.PASS),
                            new RunEnd(Verdict.PASS, null, null, null),
                            Instant.now());
                    SyncWatchFilePath.mark("returned");
                },
                name);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held sync was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
