package io.benchline.station.benchmark;

import io.benchline.db.Database;
import io.benchline.db.ResultStore;
import io.benchline.db.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The store under concurrent positions: n writer threads share one station's {@link ResultStore}
 * (as a panel's sequencers do) and store whole runs back to back: the run's start, each step
 * committed before the next, the verdict committed and forced to the disk. Times every step
 * commit and every verdict call, and the whole.
 */
public final class StoreBench {
    /** One panel size's figures; the latencies are sorted, in nanoseconds. */
    public record Figures(int positions, int runs, double seconds, long[] stepNanos, long[] verdictNanos) {
        public double runsPerSecond() {
            return runs / seconds;
        }

        public static double percentileMillis(long[] sorted, double p) {
            return sorted.length == 0
                    ? 0
                    : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p))] / 1e6;
        }
    }

    private StoreBench() {}

    /** Stores warmup then runs runs per position, from positions threads at once; times the latter. */
    public static Figures time(Database db, int positions, int warmup, int runs, String batch)
            throws InterruptedException {
        List<List<BulkBoards.Run>> work = new ArrayList<>();
        for (int p = 0; p < positions; p++) {
            List<BulkBoards.Run> mine = new ArrayList<>();
            new BulkBoards(mine::add, "store-bench", 1000L * positions + p)
                    .runs(String.format(Locale.ROOT, "%s-P%d", batch, p + 1), warmup + runs);
            work.add(mine);
        }
        run(db, work, 0, warmup, null);
        long[][] steps = new long[positions][];
        long[][] verdicts = new long[positions][];
        long t0 = System.nanoTime();
        run(db, work, warmup, warmup + runs, (p, timed) -> {
            steps[p] = timed.steps();
            verdicts[p] = timed.verdicts();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Figures(positions, positions * runs, seconds, merged(steps), merged(verdicts));
    }

    private interface Done {
        void took(int position, Latencies latencies);
    }

    /** Each position's runs from..to, a thread per position, all at once; done (if any) gets each one's latencies. */
    private static void run(Database db, List<List<BulkBoards.Run>> work, int from, int to, Done done)
            throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        List<RuntimeException> failed = new ArrayList<>();
        for (int p = 0; p < work.size(); p++) {
            int position = p;
            Thread t = new Thread(
                    () -> {
                        try {
                            Latencies latencies = new Latencies();
                            for (BulkBoards.Run r : work.get(position).subList(from, to)) {
                                store(db.store(), r, latencies);
                            }
                            if (done != null) {
                                done.took(position, latencies);
                            }
                        } catch (RuntimeException e) {
                            synchronized (failed) {
                                failed.add(e);
                            }
                        }
                    },
                    "store-bench-" + (p + 1));
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
    }

    private static void store(ResultStore store, BulkBoards.Run r, Latencies into) {
        long id = store.begin(r.start(), Instant.now());
        List<StepRecord> steps = r.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            StepRecord s = steps.get(i);
            long t0 = System.nanoTime();
            if (s.kind().equals("read-uid")) {
                store.stepBindingUid(
                        id, s, String.format("%024X", r.start().serial().hashCode() & 0xffffffffL));
            } else {
                store.step(id, s);
            }
            into.step(System.nanoTime() - t0);
        }
        long t0 = System.nanoTime();
        store.finish(id, steps.get(steps.size() - 1), r.end(), Instant.now());
        into.verdict(System.nanoTime() - t0);
    }

    private static long[] merged(long[][] parts) {
        long[] all = Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** One writer's latencies, in nanoseconds. */
    private static final class Latencies {
        private long[] steps = new long[1024];
        private int stepCount;
        private long[] verdicts = new long[128];
        private int verdictCount;

        void step(long nanos) {
            if (stepCount == steps.length) {
                steps = Arrays.copyOf(steps, 2 * stepCount);
            }
            steps[stepCount++] = nanos;
        }

        void verdict(long nanos) {
            if (verdictCount == verdicts.length) {
                verdicts = Arrays.copyOf(verdicts, 2 * verdictCount);
            }
            verdicts[verdictCount++] = nanos;
        }

        long[] steps() {
            return Arrays.copyOf(steps, stepCount);
        }

        long[] verdicts() {
            return Arrays.copyOf(verdicts, verdictCount);
        }
    }
}
