package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.BatchSummary;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.station.line.StationClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance soak of issue 13: two station processes (simulated fixture, a local H2 file
 * each) on one real PostgreSQL, driven through their HTTP API with random serials, while every
 * few seconds one station is killed with SIGKILL (and started again on the same file) or the
 * server crashes ({@code pg_ctl stop -m immediate}, started again a few seconds later). At the
 * end every run a station acknowledged is in the central database exactly once with the verdict
 * the station stored, every run cut off by a kill is there closed, each station's file and the
 * central database hold the same number of runs, and runs were acknowledged while the server was
 * away. {@code -Dbenchline.soak.seconds=300} for the acceptance run (default 30).
 */
class LineSoakTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    static final Duration SOAK = Duration.ofSeconds(Long.getLong("benchline.soak.seconds", 30));
    static final Duration STARTUP = Duration.ofSeconds(90);
    static final Duration CATCH_UP = Duration.ofSeconds(180);
    static final double TIME_SCALE = 0.1;

    @TempDir
    Path dir;

    /** A run a station answered 202 to; its verdict once the station showed it (null: cut off first). */
    record Acked(String station, String serial, long id, boolean serverAway, String verdict) {}

    @Test
    void stationsAndServerCrashingEveryFewSecondsLoseNothing() throws Exception {
        String url = PG.migratedDatabase();
        Random random = new Random(Long.getLong("benchline.soak.seed", System.nanoTime()));
        AtomicBoolean serverAway = new AtomicBoolean();
        AtomicLong maxBacklog = new AtomicLong();
        ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
        List<StationProcess> stations = List.of(
                new StationProcess("SOAK-A", fixture("good"), url, dir),
                new StationProcess("SOAK-B", fixture("vdd-low"), url, dir));
        for (StationProcess s : stations) {
            s.start();
        }
        AtomicBoolean driving = new AtomicBoolean(true);
        List<Thread> drivers = new ArrayList<>();
        for (StationProcess s : stations) {
            Thread t = new Thread(() -> drive(s, driving, serverAway, acked, maxBacklog), "soak-" + s.name);
            t.start();
            drivers.add(t);
        }
        List<Thread> restarts = new ArrayList<>();
        int kills = 0;
        int crashes = 0;
        long serverAwayMs = 0;
        long end = System.nanoTime() + SOAK.toNanos();
        try {
            // crash, kill, crash, kill...: both kinds of fault in the shortest soak
            for (int fault = 0; System.nanoTime() < end; fault++) {
                pause(2000 + random.nextInt(3000));
                if (fault % 2 == 0) {
                    PG.server().stopImmediately();
                    serverAway.set(true);
                    crashes++;
                    long down = System.nanoTime();
                    pause(2000 + random.nextInt(4000));
                    serverAway.set(false);
                    PG.server().startAgain();
                    serverAwayMs += (System.nanoTime() - down) / 1_000_000;
                } else {
                    StationProcess victim = stations.get(random.nextInt(stations.size()));
                    victim.kill();
                    kills++;
                    restarts.add(victim.startInBackground());
                }
            }
            for (Thread r : restarts) {
                r.join(STARTUP.toMillis());
            }
        } finally {
            driving.set(false);
            for (Thread t : drivers) {
                t.join(60_000);
            }
            if (serverAway.get()) {
                PG.server().startAgain();
            }
        }
        long caughtUpStart = System.nanoTime();
        for (StationProcess s : stations) {
            s.client().awaitForwarded(CATCH_UP);
        }
        long caughtUpMs = (System.nanoTime() - caughtUpStart) / 1_000_000;
        for (StationProcess s : stations) {
            s.stop();
        }

        int cutOff = 0;
        int cutOffAborted = 0;
        int duringOutage = 0;
        try (Database central = Database.open(url)) {
            Map<String, Long> centralRuns = new java.util.HashMap<>();
            for (BatchSummary b : central.batches().batches()) {
                centralRuns.put(b.name(), b.runs());
            }
            for (StationProcess s : stations) {
                try (Database local = Database.open(s.db.toString())) {
                    long localRuns = local.batches().batches().stream()
                            .mapToLong(BatchSummary::runs)
                            .sum();
                    assertEquals(
                            localRuns,
                            centralRuns.getOrDefault(s.name, 0L),
                            s.name + ": the central database holds every run of the station's file, once");
                    for (Acked a : acked) {
                        if (!a.station().equals(s.name)) {
                            continue;
                        }
                        List<RunDetail> there = central.trace().board(a.serial());
                        assertEquals(1, there.size(), "exactly once in the central database: " + a);
                        Verdict centralVerdict = there.get(0).run().verdict();
                        assertNotNull(centralVerdict, "closed in the central database: " + a);
                        Verdict localVerdict =
                                local.trace().run(a.id()).orElseThrow().run().verdict();
                        assertEquals(localVerdict, centralVerdict, "the verdict the station stored: " + a);
                        assertEquals(s.name, there.get(0).run().station());
                        if (a.verdict() != null) {
                            assertEquals(Verdict.valueOf(a.verdict()), centralVerdict, "the verdict shown: " + a);
                        } else {
                            cutOff++;
                            if (centralVerdict == Verdict.ABORTED) {
                                cutOffAborted++;
                            }
                        }
                        if (a.serverAway()) {
                            duringOutage++;
                        }
                    }
                }
            }
        }
        System.out.printf(
                "line soak: %d s, 2 station processes, one PostgreSQL; %d runs acknowledged (%d while the server was"
                        + " away), %d cut off by a kill (%d closed ABORTED, the rest had stored their verdict); %d"
                        + " station kills (SIGKILL), %d server crashes (pg_ctl stop -m immediate, %d s away in all);"
                        + " max backlog %d runs; caught up %d ms after the last fault; every acknowledged run in"
                        + " the central database once, with its verdict%n",
                SOAK.toSeconds(),
                acked.size(),
                duringOutage,
                cutOff,
                cutOffAborted,
                kills,
                crashes,
                serverAwayMs / 1000,
                maxBacklog.get(),
                caughtUpMs);
        assertTrue(kills > 0 && crashes > 0, "the soak killed stations and crashed the server");
        assertTrue(duringOutage > 0, "stations acknowledged runs while the server was away");
    }

    /**
     * The simulated fixture at a tenth of real time: a run takes a moment, so some kills land in
     * the middle of one (cut off, closed ABORTED at the next start).
     */
    private String fixture(String profile) throws IOException {
        String text = Files.readString(Path.of("../fixtures/sim-f411.yaml"))
                .replaceFirst("board: good", "board: " + profile)
                .replaceFirst("time-scale: 0\\b", "time-scale: " + TIME_SCALE);
        assertTrue(text.contains("time-scale: " + TIME_SCALE), "the fixture is paced");
        Path file = dir.resolve("fixture-" + profile + ".yaml");
        Files.writeString(file, text);
        return file.toString();
    }

    /** Tests boards on one station until told to stop, through whatever process serves it now. */
    private static void drive(
            StationProcess s,
            AtomicBoolean driving,
            AtomicBoolean serverAway,
            ConcurrentLinkedQueue<Acked> acked,
            AtomicLong maxBacklog) {
        AtomicInteger n = new AtomicInteger();
        Random random = new Random();
        while (driving.get()) {
            StationClient client = s.client();
            if (client == null) {
                s.awaitNext(null);
                continue;
            }
            String serial = "SN-" + s.name + "-" + n.incrementAndGet() + "-"
                    + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase();
            long id;
            boolean away;
            try {
                HttpResponse<String> r = client.start(serial, false);
                away = serverAway.get();
                if (r.statusCode() != 202) {
                    continue; // 409 run going: START again with the next board
                }
                id = StationClient.json(r.body()).get("id").asLong();
            } catch (IOException e) {
                s.awaitNext(client); // killed: wait for the next process
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String verdict = null;
            try {
                verdict = client.awaitVerdict(id);
                JsonNode sync = client.sync();
                maxBacklog.accumulateAndGet(sync.get("waiting_runs").asLong(), Math::max);
            } catch (IOException | RuntimeException e) {
                s.awaitNext(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            acked.add(new Acked(s.name, serial, id, away, verdict));
        }
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms); // the pace of the faults, not a wait for anything
    }

    /** One station process on its own local file; killed and started again on the same file. */
    static final class StationProcess {
        final String name;
        final String fixture;
        final String central;
        final Path db;
        final Path log;
        private volatile Process process;
        private volatile StationClient client;

        StationProcess(String name, String fixture, String central, Path dir) {
            this.name = name;
            this.fixture = fixture;
            this.central = central;
            this.db = dir.resolve(name);
            this.log = dir.resolve(name + ".log");
        }

        StationClient client() {
            return client;
        }

        /** Waits (bounded) until a process other than the one behind client serves the station. */
        void awaitNext(StationClient dead) {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            try {
                while (client == dead && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void start() throws IOException, InterruptedException {
            long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
            process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "station",
                            "--plan",
                            Path.of(RunCommandTest.PLAN).toAbsolutePath().toString(),
                            "--fixture",
                            fixture,
                            "--port",
                            "0",
                            "--batch",
                            name,
                            "--db",
                            db.toString(),
                            "--central",
                            central,
                            "--station",
                            name)
                    .directory(db.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                List<String> lines = Files.readAllLines(log);
                for (String l : lines.subList((int) Math.min(before, lines.size()), lines.size())) {
                    if (l.startsWith("Station ready at ")) {
                        client = new StationClient(l.substring("Station ready at ".length()));
                        return;
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            name + " exited " + process.exitValue() + ": " + Files.readString(log));
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(
                    name + " not ready after " + STARTUP.toSeconds() + " s: " + Files.readString(log));
        }

        Thread startInBackground() {
            Thread t = new Thread(
                    () -> {
                        try {
                            start();
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(name + " did not start again", e);
                        }
                    },
                    "restart-" + name);
            t.start();
            return t;
        }

        synchronized void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(30, TimeUnit.SECONDS);
        }

        synchronized void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: the station's clean stop
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), name + " stops on SIGTERM");
        }
    }
}
