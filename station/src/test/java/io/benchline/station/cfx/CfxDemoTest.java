package io.benchline.station.cfx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.BatchRun;
import io.benchline.db.Database;
import io.benchline.db.OutboxRow;
import io.benchline.db.Verdict;
import io.benchline.station.BenchlineProcess;
import io.benchline.station.cfx.CfxConsumer.Received;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code benchline demo --cfx} against a real RabbitMQ (Debian's, AMQP 1.0 plugin), read back by a
 * consumer on a queue bound to the exchange: the consumer gets exactly the messages the outbox
 * holds, in CFX 2.1's field names, each run's in order; with the broker stopped for part of the
 * demo, killed while the station publishes, or the station killed with messages waiting.
 */
class CfxDemoTest extends WithBroker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLE = "line1.bench1";
    private static final Pattern BOARD_LINE = Pattern.compile("\\]\\s+(retest)?\\s*SN-\\S+\\s+(PASS|FAIL|ERROR)\\b");
    private static final Set<String> ENVELOPE_KEYS =
            Set.of("MessageName", "Version", "TimeStamp", "UniqueID", "Source", "Target", "RequestID", "MessageBody");

    @BeforeEach
    void emptyQueue() throws Exception {
        // each test reads its own messages only: what an earlier test left is read and dropped
        try (CfxConsumer old = CfxConsumer.open(broker)) {
            old.drain(Duration.ofMillis(300));
        }
    }

    @Test
    void consumerReceivesExactlyWhatTheDatabaseSays() throws Exception {
        String db = dir.resolve("demo").toString();
        Process demo = demo(db, "50", "A", null);
        assertEquals(0, finish(demo, null), "demo exit code");
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            checkDelivered(db, "A", c, true);
        }
    }

    @Test
    void brokerStoppedForPartOfTheDemo() throws Exception {
        String db = dir.resolve("outage").toString();
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            Process demo = demo(db, "50", "B", "0.01");
            int code = finish(demo, n -> {
                if (n == 8) {
                    broker.stop();
                } else if (n == 30) {
                    broker.startAgain();
                }
                return true;
            });
            assertEquals(0, code, "demo exit code");
        }
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            checkDelivered(db, "B", c, false);
        }
    }

    @Test
    void brokerKilledWhileThePublisherSends() throws Exception {
        String db = dir.resolve("killed-broker").toString();
        Process demo = demo(db, "50", "C", "0.01");
        int code = finish(demo, n -> {
            if (n == 15) {
                broker.kill();
                broker.startAgain();
            }
            return true;
        });
        assertEquals(0, code, "demo exit code");
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            checkDelivered(db, "C", c, false);
        }
    }

    @Test
    void stationKilledWithMessagesInTheOutbox() throws Exception {
        String db = dir.resolve("killed-station").toString();
        broker.stop();
        try {
            // a real fixture's timings (seconds per run), so the kill surely falls inside a run
            Process demo = demo(db, "100000", "D", "1");
            readBoards(demo, n -> n < 2);
            killInARun(demo, db);
            try (Database database = Database.open(db)) {
                long waiting = database.cfxOutbox().status().waiting();
                assertTrue(
                        waiting >= 7,
                        "messages left waiting: " + waiting + " "
                                + database.cfxOutbox().all().stream()
                                        .map(OutboxRow::messageName)
                                        .toList());
            }
        } finally {
            broker.startAgain();
        }
        // the next start closes the cut-off run (and says so on the line), then sends everything
        Process again = demo(db, "1", "D", null);
        assertEquals(0, finish(again, null), "demo exit code after the kill");
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            List<Received> got = checkDelivered(db, "D", c, false);
            assertTrue(
                    got.stream()
                            .filter(r -> r.name().equals(CfxMessages.UNITS_TESTED))
                            .anyMatch(r -> overall(r).equals("Aborted")),
                    "the run cut off by the kill is reported Aborted: "
                            + got.stream()
                                    .filter(r -> r.name().equals(CfxMessages.UNITS_TESTED))
                                    .map(CfxDemoTest::overall)
                                    .toList());
        }
    }

    /**
     * Every outbox row marked sent and received at least once (exactly once when {@code exact}),
     * each copy with its UniqueID and the body stored; CFX 2.1's envelope and subject; one
     * WorkStarted, UnitsTested, WorkCompleted per stored run, in that order.
     */
    private List<Received> checkDelivered(String db, String batch, CfxConsumer c, boolean exact) throws Exception {
        List<OutboxRow> rows;
        List<BatchRun> runs;
        try (Database database = Database.open(db)) {
            assertEquals(0, database.cfxOutbox().status().waiting(), "messages still waiting");
            rows = database.cfxOutbox().all();
            long batchId = database.batches().batch(batch).orElseThrow().id();
            runs = database.batches().runs(batchId);
        }
        Map<String, OutboxRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.uniqueId(), r));
        c.awaitCount(rows.size(), Duration.ofSeconds(60));
        List<Received> got = new ArrayList<>(c.drain(Duration.ofMillis(500)));
        got.removeIf(
                r -> r.name().equals(CfxMessages.ENDPOINT_CONNECTED) || r.name().equals(CfxMessages.HEARTBEAT));

        Set<String> seen = new HashSet<>();
        List<Received> firsts = new ArrayList<>();
        for (Received r : got) {
            OutboxRow row = byId.get(r.uniqueId());
            assertNotNull(row, "a message the outbox does not hold: " + r.uniqueId());
            assertEquals(r.uniqueId(), r.messageId(), "AMQP message id is the UniqueID");
            assertEquals(JSON.readTree(row.body()), r.envelope(), "the body as stored");
            assertEquals("gzip", r.encoding());
            assertEquals(HANDLE + "." + r.name(), r.subject());
            Set<String> keys = new HashSet<>();
            r.envelope().fieldNames().forEachRemaining(keys::add);
            assertEquals(ENVELOPE_KEYS, keys);
            assertEquals("2.1", r.envelope().get("Version").asText());
            assertEquals(HANDLE, r.envelope().get("Source").asText());
            assertEquals(
                    r.name() + ", CFX",
                    r.envelope().get("MessageBody").get("$type").asText());
            if (seen.add(r.uniqueId())) {
                firsts.add(r);
            } else {
                assertFalse(exact, "a copy with the broker up all along: " + r.name() + " " + r.uniqueId());
            }
        }
        assertEquals(byId.keySet(), seen, "every message in the outbox received");
        if (exact) {
            assertEquals(rows.size(), got.size());
        }

        // each run's messages in order, one of each per stored run
        Map<String, List<String>> perRun = new HashMap<>();
        for (Received r : firsts) {
            JsonNode body = r.envelope().get("MessageBody");
            JsonNode tx = body.has("TransactionID") ? body.get("TransactionID") : body.get("TransactionId");
            if (tx != null && !r.name().startsWith("CFX.ResourcePerformance")) {
                perRun.computeIfAbsent(tx.asText(), k -> new ArrayList<>()).add(r.name());
            }
        }
        long stored = runs.size();
        assertTrue(perRun.size() >= stored, perRun.size() + " runs on the broker, " + stored + " in the batch");
        for (var e : perRun.entrySet()) {
            assertEquals(
                    List.of(CfxMessages.WORK_STARTED, CfxMessages.UNITS_TESTED, CfxMessages.WORK_COMPLETED),
                    e.getValue(),
                    "run " + e.getKey());
        }
        Map<String, Long> verdicts = new HashMap<>();
        for (BatchRun run : runs) {
            verdicts.merge(CfxMessages.testResult(run.verdict()), 1L, Long::sum);
        }
        Map<String, Long> reported = new HashMap<>();
        for (Received r : firsts) {
            if (r.name().equals(CfxMessages.UNITS_TESTED)
                    && r.envelope()
                            .get("MessageBody")
                            .get("TestedUnits")
                            .get(0)
                            .get("UnitIdentifier")
                            .asText()
                            .contains(batch)) {
                reported.merge(overall(r), 1L, Long::sum);
                checkUnitsTested(r);
            }
        }
        assertEquals(verdicts, reported, "UnitsTested results against the stored verdicts");
        assertTrue(verdicts.getOrDefault("Failed", 0L) > 0 || runs.stream().allMatch(x -> x.verdict() != Verdict.FAIL));
        return got;
    }

    private static void checkUnitsTested(Received r) {
        JsonNode body = r.envelope().get("MessageBody");
        for (String key : List.of("TransactionId", "TestMethod", "Tester", "TestedUnits")) {
            assertTrue(body.has(key), key);
        }
        JsonNode unit = body.get("TestedUnits").get(0);
        Iterator<JsonNode> tests = unit.get("Tests").elements();
        // a run cut off before its first step was stored has nothing to report but its Aborted result
        assertTrue(tests.hasNext() || overall(r).equals("Aborted"), "tests in a UnitsTested");
        while (tests.hasNext()) {
            JsonNode t = tests.next();
            for (String key : List.of("UniqueIdentifier", "TestName", "Result", "Measurements")) {
                assertTrue(t.has(key), key);
            }
            for (JsonNode m : t.get("Measurements")) {
                assertEquals(
                        "CFX.Structures.NumericMeasurement, CFX", m.get("$type").asText());
                JsonNode v = m.get("MeasuredValue");
                for (String key : List.of("Value", "ValueUnits", "MinimumAcceptableValue", "MaximumAcceptableValue")) {
                    assertTrue(v.has(key), key);
                }
                assertTrue(m.has("MeasurementName") && m.has("Result"));
            }
        }
    }

    /** SIGKILL while a run is open (its WorkStarted in the outbox, its verdict not), with the broker away. */
    private static void killInARun(Process demo, String db) throws Exception {
        Database database = Database.open(db); // through the demo's H2 server (AUTO_SERVER)
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (database.cfxOutbox().status().waiting() % 3 != 1) {
                assertTrue(System.nanoTime() < deadline, "no run open within 60 s");
                Thread.sleep(20);
            }
            demo.destroyForcibly();
            assertTrue(demo.waitFor(30, TimeUnit.SECONDS));
        } finally {
            try {
                database.close();
            } catch (RuntimeException serverGone) {
                // the demo served the file; it is dead
            }
        }
    }

    private static String overall(Received r) {
        return r.envelope()
                .get("MessageBody")
                .get("TestedUnits")
                .get(0)
                .get("OverallResult")
                .asText();
    }

    private Process demo(String db, String boards, String batch, String timeScale) throws Exception {
        Path settings = dir.resolve("cfx-" + batch + ".properties");
        Files.writeString(
                settings,
                "drain-on-exit-ms=60000\nheartbeat-seconds=1\nconnect-timeout-ms=2000\nsend-timeout-ms=30000\n");
        List<String> cmd = new ArrayList<>(List.of(
                "demo",
                "--boards",
                boards,
                "--batch",
                batch,
                "--db",
                db,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml",
                "--cfx",
                broker.url(HANDLE),
                "--cfx-config",
                settings.toString()));
        if (timeScale != null) {
            cmd.addAll(List.of("--time-scale", timeScale));
        }
        ProcessBuilder pb = BenchlineProcess.of(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "cfx-demo-" + batch + ".err").toFile()));
        return start(pb);
    }

    /** Reads the demo's board lines, calling {@code atBoard} with each count until it says stop, then waits, bounded, for its exit. */
    private static int finish(Process demo, IntPredicate atBoard) throws Exception {
        readBoards(demo, atBoard);
        assertTrue(demo.waitFor(120, TimeUnit.SECONDS), "demo did not exit");
        return demo.exitValue();
    }

    /** Reads the demo's board lines until {@code atBoard} says stop (or its output ends). */
    private static void readBoards(Process demo, IntPredicate atBoard) throws Exception {
        int n = 0;
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (BOARD_LINE.matcher(line).find()) {
                n++;
                if (atBoard != null && !atBoard.test(n)) {
                    return;
                }
            }
        }
    }
}
