package io.benchline.station.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.StepRow;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step past its timeout-ms is an ERROR told within that timeout, and teardown still switches DUT
 * power off: instruments served over TCP, a mute DMM (wire fault injection) and a GDB server that
 * accepts the connection and never answers.
 */
@Timeout(60)
class StepTimeoutTest {
    /** Generous: the step's thread start, the store's commit and a loaded machine, never the driver's own timeouts (3-5 s). */
    private static final long MARGIN_MS = 1_000;

    @TempDir
    Path dir;

    Database db;
    SimFixture bench;
    SimInstrumentServers servers;

    @BeforeEach
    void serve() {
        db = Database.open(dir.resolve("results").toString());
        Map<String, String> pointByChannel = new HashMap<>();
        FixtureLoader.SIM_WIRING.forEach((point, channel) -> pointByChannel.put(channel, point));
        bench = new SimFixture(new SimBoard(BoardProfile.GOOD, 7), pointByChannel, 0);
        servers = SimInstrumentServers.start(bench, SimInstrumentServers.Transport.TCP);
    }

    @AfterEach
    void stop() {
        servers.close();
        db.close();
    }

    @Test
    void aMuteDmmEndsTheMeasureStepAsErrorWithinItsTimeoutAndPowerGoesOff() throws IOException {
        Plan plan = plan("""
                  - kind: measure
                    name: VDD
                    test-point: VDD
                    unit: V
                    low: 3.1
                    high: 3.5
                    timeout-ms: 2500
                """);
        // long enough that the switch's select (before the meter is asked) ends inside it on a loaded machine
        try (Station station = Station.open(plan, fixture("sim:good"), db)) {
            servers.dmmFaults().mute(1_000);
            RunOutcome o = station.run(new RunRequest("SN-MUTE-1", "T", "tester"), RunListener.NONE);

            assertEquals(Verdict.ERROR, o.verdict(), o.message());
            assertEquals("VDD", o.failedStep());
            assertTrue(
                    o.message()
                            .startsWith(
                                    "step 'VDD' did not end within its timeout of 2500 ms (timeout-ms): it was waiting on dmm "),
                    o.message());
            assertEquals(1, o.message().lines().count(), o.message());
            assertTrue(
                    o.message()
                            .endsWith(
                                    "no reply before the step's timeout (the station closed the port; it is reopened on the next command)"),
                    o.message());
            assertStepEndedWithin(o, "VDD", 2500);
            assertTeardownSwitchedPowerOff(o);
        }
    }

    @Test
    void aGdbServerThatNeverAnswersEndsSwdConnectAsErrorWithinItsTimeoutAndPowerGoesOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread listener = swallowing(server);
            Plan plan = plan("""
                      - kind: swd-connect
                        name: swd-connect
                        timeout-ms: 1200
                    """);
            try (Station station = Station.open(plan, fixture("gdb://127.0.0.1:" + server.getLocalPort()), db)) {
                RunOutcome o = station.run(new RunRequest("SN-MUTE-2", "T", "tester"), RunListener.NONE);

                assertEquals(Verdict.ERROR, o.verdict(), o.message());
                assertEquals("swd-connect", o.failedStep());
                assertTrue(
                        o.message()
                                .startsWith(
                                        "step 'swd-connect' did not end within its timeout of 1200 ms (timeout-ms): it was waiting on"
                                                + " GDB server gdb://127.0.0.1:" + server.getLocalPort()),
                        o.message());
                assertTrue(
                        o.message().endsWith("no reply before the step's timeout (the station closed the link)"),
                        o.message());
                assertTrue(o.hint().startsWith("station problem, not the board"), o.hint());
                assertStepEndedWithin(o, "swd-connect", 1200);
                assertTeardownSwitchedPowerOff(o);
            }
            listener.interrupt();
        }
    }

    private void assertStepEndedWithin(RunOutcome o, String step, long timeoutMs) {
        RunDetail d = db.trace().run(o.runId()).orElseThrow();
        StepRow row = d.steps().stream()
                .map(s -> s.step())
                .filter(s -> s.name().equals(step))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.ERROR, row.verdict());
        long ms = Duration.between(row.startedAt(), row.endedAt()).toMillis();
        assertTrue(
                ms >= timeoutMs - 50 && ms < timeoutMs + MARGIN_MS,
                "step took " + ms + " ms against a timeout of " + timeoutMs);
    }

    private void assertTeardownSwitchedPowerOff(RunOutcome o) {
        var teardown = o.steps().get(o.steps().size() - 1);
        assertEquals("teardown", teardown.name());
        assertEquals(Verdict.PASS, teardown.verdict(), teardown.message());
        assertFalse(bench.board().supplyOn(), "DUT power is off after the run");
    }

    /** Accepts one client and reads whatever it sends, answering nothing. */
    private static Thread swallowing(ServerSocket server) {
        Thread t = new Thread(
                () -> {
                    try (Socket s = server.accept();
                            InputStream in = s.getInputStream()) {
                        byte[] buf = new byte[1024];
                        while (in.read(buf) >= 0) {
                            // a server that takes every byte and never replies
                        }
                    } catch (IOException ignored) {
                        // the client closed the connection: what the test waits for
                    }
                },
                "mute-gdb-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private FixtureFile fixture(String probe) {
        return FixtureLoader.parse(
                "(served tcp bench)",
                "name: timeout-bench\ntime-scale: 0\n" + servers.fixtureYaml()
                        + "probe: \"" + probe + "\"\n"
                        + "test-points: {VDD: \"1\", VDDA: \"2\", VCAP1: \"3\", NRST: \"4\"}\n");
    }

    private Plan plan(String steps) throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                plan: timeouts
                version: "1"
                product: {name: test board}
                serial-pattern: "SN-[A-Z0-9-]+"
                steps:
                  - kind: power
                    name: power-on
                    volts: 3.3
                    current-limit: 0.25
                """ + steps);
        return PlanLoader.load(file);
    }
}
