package io.benchline.station.cfx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.BatchRun;
import io.benchline.db.Database;
import io.benchline.db.RunRow;
import io.benchline.station.cfx.CfxConsumer.Received;
import io.benchline.station.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `demo --positions 2 --cfx` against the real RabbitMQ test broker: one WorkStarted, UnitsTested
 * and WorkCompleted per position's run, in that order, each naming the position the board sat in.
 */
@Timeout(180)
class PanelCfxTest extends WithBroker {
    private static final String HANDLE = "line1.panel1";

    @Test
    void eachPositionsRunIsReportedWithItsPosition() throws Exception {
        try (CfxConsumer old = CfxConsumer.open(broker)) {
            old.drain(Duration.ofMillis(300));
        }
        Path settings = dir.resolve("cfx.properties");
        Files.writeString(
                settings,
                "user=" + RabbitBroker.USER + "\npassword=" + RabbitBroker.PASSWORD
                        + "\ndrain-on-exit-ms=60000\nconnect-timeout-ms=2000\nsend-timeout-ms=30000\n");
        String db = dir.resolve("panel").toString();
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            CliRun.Result r = CliRun.benchline(
                    "demo",
                    "--positions",
                    "2",
                    "--boards",
                    "6",
                    "--time-scale",
                    "0",
                    "--batch",
                    "PC",
                    "--db",
                    db,
                    "--plan",
                    "../plans/stm32f411-board.yaml",
                    "--fixture",
                    "../fixtures/sim-f411.yaml",
                    "--cfx",
                    broker.url(HANDLE),
                    "--cfx-config",
                    settings.toString());
            assertEquals(0, r.exit(), r.out() + r.err());

            Map<String, List<Integer>> positions = new TreeMap<>();
            int messages;
            int runs;
            try (Database database = Database.open(db)) {
                assertEquals(0, database.cfxOutbox().status().waiting(), "messages still waiting");
                messages = database.cfxOutbox().all().size();
                List<BatchRun> batch = database.batches()
                        .runs(database.batches().batch("PC").orElseThrow().id());
                runs = batch.size();
                for (BatchRun b : batch) {
                    RunRow run = database.trace().run(b.runId()).orElseThrow().run();
                    positions
                            .computeIfAbsent(run.serial(), k -> new ArrayList<>())
                            .add(run.position());
                }
            }
            assertTrue(runs >= 6, runs + " runs");
            c.awaitCount(messages, Duration.ofSeconds(60));
            List<Received> got = new ArrayList<>(c.drain(Duration.ofMillis(500)));
            got.removeIf(x -> !List.of(CfxMessages.WORK_STARTED, CfxMessages.UNITS_TESTED, CfxMessages.WORK_COMPLETED)
                    .contains(x.name()));

            Map<String, List<String>> perRun = new HashMap<>();
            Map<String, List<Integer>> tested = new TreeMap<>();
            for (Received x : got) {
                JsonNode body = x.envelope().get("MessageBody");
                JsonNode tx = body.has("TransactionID") ? body.get("TransactionID") : body.get("TransactionId");
                perRun.computeIfAbsent(tx.asText(), k -> new ArrayList<>()).add(x.name());
                if (x.name().equals(CfxMessages.UNITS_TESTED)) {
                    JsonNode unit = body.get("TestedUnits").get(0);
                    tested.computeIfAbsent(unit.get("UnitIdentifier").asText(), k -> new ArrayList<>())
                            .add(unit.get("UnitPositionNumber").asInt());
                } else {
                    JsonNode unit = body.get("Units").get(0);
                    assertTrue(unit.get("PositionNumber").asInt() >= 1, unit.toString());
                }
            }
            assertEquals(runs, perRun.size(), "one transaction per stored run");
            perRun.forEach((tx, names) -> assertEquals(
                    List.of(CfxMessages.WORK_STARTED, CfxMessages.UNITS_TESTED, CfxMessages.WORK_COMPLETED),
                    names,
                    "run " + tx));
            positions.replaceAll((k, v) -> v.stream().sorted().toList());
            tested.replaceAll((k, v) -> v.stream().sorted().toList());
            assertEquals(positions, tested, "each UnitsTested names the run's position");
            assertTrue(
                    positions.values().stream().flatMap(List::stream).anyMatch(p -> p == 2),
                    "runs at position 2: " + positions);
        }
    }
}
