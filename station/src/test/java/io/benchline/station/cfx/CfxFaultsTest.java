package io.benchline.station.cfx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.station.BenchlineProcess;
import io.benchline.station.cfx.CfxConsumer.Received;
import io.benchline.station.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The station's resource messages on a real RabbitMQ: a probe fault is a FaultOccurred per run
 * that hit it; a station started again recalls the faults still open, lists them in every
 * Heartbeat, and clears each of them with its own FaultCleared once the step passes again.
 */
class CfxFaultsTest extends WithBroker {
    private static final String HANDLE = "line1.faults";
    private static final String PLAN = "../plans/stm32f411-board.yaml";
    private static final Pattern READY = Pattern.compile("Station ready at (http://\\S+?)/?\\s*$");

    @Test
    void faultsRecalledAfterARestartAreInTheHeartbeatAndClearedOneByOne() throws Exception {
        String db = dir.resolve("faults").toString();
        Path settings = dir.resolve("cfx.properties");
        Files.writeString(settings, "heartbeat-seconds=1\nconnect-timeout-ms=2000\ndrain-on-exit-ms=20000\n");
        try (CfxConsumer c = CfxConsumer.open(broker)) {
            c.drain(Duration.ofMillis(300));

            // two stations' lives, each ending ERROR at the probe: two faults, both open
            for (String serial : List.of("SN-F-0001", "SN-F-0002")) {
                Process run = station(
                        List.of(
                                "run",
                                "--plan",
                                PLAN,
                                "--fixture",
                                "sim:probe-unplugged",
                                "--serial",
                                serial,
                                "--db",
                                db),
                        settings);
                assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run " + serial + " did not end");
                assertEquals(ExitCodes.ERROR, run.exitValue(), "a probe that is not there is the station's ERROR");
            }
            Received first =
                    c.awaitFirst(isNamed(CfxMessages.FAULT_OCCURRED), "first FaultOccurred", Duration.ofSeconds(30));
            Received second =
                    c.awaitFirst(isNamed(CfxMessages.FAULT_OCCURRED), "second FaultOccurred", Duration.ofSeconds(30));
            JsonNode fault = first.envelope().get("MessageBody").get("Fault");
            assertEquals("swd-connect", fault.get("FaultCode").asText());
            assertEquals("Error", fault.get("Severity").asText());
            assertTrue(fault.get("Description").asText().length() > 0, "the fault says what happened");
            Set<String> open = new TreeSet<>(List.of(occurrence(first), occurrence(second)));
            assertEquals(2, open.size(), "each run's fault is its own occurrence");

            // a third life: the station recalls both and reports them in its heartbeat
            Process station = station(
                    List.of("station", "--plan", PLAN, "--fixture", "sim:good", "--port", "0", "--db", db), settings);
            String base = ready(station);
            Received beat = c.awaitFirst(isNamed(CfxMessages.HEARTBEAT), "Heartbeat", Duration.ofSeconds(15));
            JsonNode body = beat.envelope().get("MessageBody");
            assertEquals(HANDLE, body.get("CFXHandle").asText());
            assertEquals("00:00:01", body.get("HeartbeatFrequency").asText());
            assertEquals(open, activeFaults(beat), "the heartbeat lists the faults still open");

            // the step passes again: one FaultCleared per occurrence, then a heartbeat with none
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"serial\":\"SN-F-0003\",\"operator\":\"ana\"}"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() / 100 == 2, "run started: " + answer.statusCode() + " " + answer.body());
            Set<String> cleared = new TreeSet<>();
            cleared.add(occurrence(
                    c.awaitFirst(isNamed(CfxMessages.FAULT_CLEARED), "FaultCleared", Duration.ofSeconds(60))));
            cleared.add(occurrence(
                    c.awaitFirst(isNamed(CfxMessages.FAULT_CLEARED), "FaultCleared", Duration.ofSeconds(30))));
            assertEquals(open, cleared, "each open occurrence cleared by id");
            Received after = c.awaitFirst(isNamed(CfxMessages.HEARTBEAT), "Heartbeat", Duration.ofSeconds(15));
            assertEquals(Set.of(), activeFaults(after), "no fault open once the probe works again");
            station.destroy();
            assertTrue(station.waitFor(30, TimeUnit.SECONDS), "station did not stop");
        }
    }

    private static java.util.function.Predicate<Received> isNamed(String name) {
        return r -> r.name().equals(name);
    }

    private static String occurrence(Received r) {
        JsonNode body = r.envelope().get("MessageBody");
        JsonNode id = body.has("Fault") ? body.get("Fault").get("FaultOccurrenceId") : body.get("FaultOccurrenceId");
        return id.asText();
    }

    private static Set<String> activeFaults(Received heartbeat) {
        Set<String> ids = new TreeSet<>();
        heartbeat
                .envelope()
                .get("MessageBody")
                .get("ActiveFaults")
                .forEach(f -> ids.add(f.get("FaultOccurrenceId").asText()));
        return ids;
    }

    private Process station(List<String> args, Path settings) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--cfx", broker.url(HANDLE), "--cfx-config", settings.toString()));
        ProcessBuilder pb = BenchlineProcess.of(all)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "cfx-faults.err").toFile()));
        return start(pb);
    }

    /** The station's address from its "ready" line; its further output is read and dropped so it never blocks. */
    private static String ready(Process station) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the station stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the station ended before it was ready (see target/cfx-faults.err)");
    }
}
