package io.benchline.station.benchmark;

import io.benchline.db.CentralArrivals;
import io.benchline.db.CentralSchema;
import io.benchline.db.Database;
import io.benchline.db.LineForwarder;
import io.benchline.db.ResultStore;
import io.benchline.db.StationState;
import io.benchline.db.StepRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Line lag: several stations, each with its own local file and forwarder, store runs at a steady
 * rate through their {@link ResultStore} (commit by commit, as the sequencer does); a watcher
 * polls the central database and notes when each run appears there. The lag of a run is from the
 * moment its verdict's commit returned locally to the poll that first saw it centrally.
 */
public final class LineLagBench {
    static final Duration POLL = Duration.ofMillis(10);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** Verdict times (nanoTime) of a serial's runs in order, and how many of them were seen centrally. */
    private static final class Board {
        final List<Long> verdicts = new ArrayList<>();
        int seen;
    }

    private final Map<String, Board> boards = new ConcurrentHashMap<>();
    private final List<Long> lagsNanos = new ArrayList<>();

    private LineLagBench() {}

    public static void run(String centralUrl, int stations, int rate, int seconds, Path dir, PrintStream out)
            throws InterruptedException {
        CentralSchema.migrate(centralUrl);
        new LineLagBench().measure(centralUrl, stations, rate, seconds, dir, out);
    }

    private void measure(String centralUrl, int stations, int rate, int seconds, Path dir, PrintStream out)
            throws InterruptedException {
        String stamp = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);
        List<Database> dbs = new ArrayList<>();
        List<LineForwarder> forwarders = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        long[] written = new long[stations];
        try {
            for (int k = 0; k < stations; k++) {
                String station = "lag-" + (k + 1);
                String batch = "LAG" + stamp + "-" + (k + 1);
                List<BulkBoards.Run> runs = new ArrayList<>();
                new BulkBoards(runs::add, station, 100 + k).runs(batch, rate * seconds);
                Database db = Database.open(dir.resolve(station).toString());
                dbs.add(db);
                LineForwarder f = LineForwarder.start(
                        db, centralUrl, new StationState(station, "testing", batch, "stm32f411-board", "bench"));
                forwarders.add(f);
                int index = k;
                writers.add(new Thread(() -> written[index] = write(db.store(), f, runs, rate), station));
            }
            Thread watcher = new Thread(() -> watch(centralUrl), "lag-watcher");
            watcher.setDaemon(true);
            watcher.start();
            long t0 = System.nanoTime();
            writers.forEach(Thread::start);
            for (Thread w : writers) {
                w.join();
            }
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (waiting() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis()); // a bounded wait for the last runs to show up centrally
            }
            watcher.interrupt();
            watcher.join(SETTLE.toMillis());
            long total = Arrays.stream(written).sum();
            long[] lags;
            synchronized (lagsNanos) {
                lags = lagsNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            out.printf(
                    Locale.ROOT,
                    "line lag: %d stations x %d runs/s for %d s: %d runs stored locally in %.1f s (%.0f runs/s),"
                            + " %d seen in the central database%n",
                    stations,
                    rate,
                    seconds,
                    total,
                    writeSeconds,
                    total / writeSeconds,
                    lags.length);
            if (lags.length > 0) {
                out.printf(
                        Locale.ROOT,
                        "verdict -> visible in central: p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                                + " (central polled every %d ms)%n",
                        lags[lags.length / 2] / 1e6,
                        lags[(int) Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] / 1e6,
                        lags[lags.length - 1] / 1e6,
                        POLL.toMillis());
            }
            if (lags.length != total) {
                throw new IllegalStateException((total - lags.length) + " runs did not reach the central database");
            }
        } finally {
            forwarders.forEach(LineForwarder::close);
            dbs.forEach(Database::close);
        }
    }

    /** Stores the runs at the rate given (falling behind rather than skipping), telling the forwarder of each verdict. */
    private long write(ResultStore store, LineForwarder forwarder, List<BulkBoards.Run> runs, int rate) {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long n = 0;
        for (BulkBoards.Run r : runs) {
            long due = start + n * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            long id = store.begin(r.start(), Instant.now());
            List<StepRecord> steps = r.steps();
            for (int i = 0; i < steps.size() - 1; i++) {
                StepRecord s = steps.get(i);
                if (s.kind().equals("read-uid")) {
                    store.stepBindingUid(
                            id, s, String.format("%024X", r.start().serial().hashCode() & 0xffffffffL));
                } else {
                    store.step(id, s);
                }
            }
            store.finish(id, steps.get(steps.size() - 1), r.end(), Instant.now());
            long verdictAt = System.nanoTime();
            Board b = boards.computeIfAbsent(r.start().serial(), k -> new Board());
            synchronized (b) {
                b.verdicts.add(verdictAt);
            }
            forwarder.verdictStored();
            n++;
        }
        return n;
    }

    private long waiting() {
        long n = 0;
        for (Board b : boards.values()) {
            synchronized (b) {
                n += b.verdicts.size() - b.seen;
            }
        }
        return n;
    }

    private void watch(String centralUrl) {
        try (CentralArrivals arrivals = CentralArrivals.open(centralUrl)) {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> pending = new ArrayList<>();
                boards.forEach((serial, b) -> {
                    synchronized (b) {
                        if (b.seen < b.verdicts.size()) {
                            pending.add(serial);
                        }
                    }
                });
                Map<String, Integer> counts = pending.isEmpty() ? new HashMap<>() : arrivals.arrived(pending);
                long now = System.nanoTime();
                counts.forEach((serial, count) -> {
                    Board b = boards.get(serial);
                    synchronized (b) {
                        while (b.seen < Math.min(count, b.verdicts.size())) {
                            long lag = now - b.verdicts.get(b.seen++);
                            synchronized (lagsNanos) {
                                lagsNanos.add(lag);
                            }
                        }
                    }
                });
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
    }
}
