package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.cli.CliRun.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --cfx's bad input (exit 2, one line), a broker that is not there (the run goes on), and `cfx status`. */
class CfxCommandTest {

    @TempDir
    Path dir;

    private Result run(String... cfx) {
        String[] base = {
            "run",
            "--plan",
            RunCommandTest.PLAN,
            "--fixture",
            "sim:good",
            "--serial",
            "SN-CFX-0001",
            "--db",
            dir.resolve("r").toString()
        };
        String[] all = new String[base.length + cfx.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(cfx, 0, all, base.length, cfx.length);
        return CliRun.benchline(all);
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        Result r = run("--cfx", "amqp://bench:secret@127.0.0.1:5672?vhost=cfx&exchange=cfx&handle=l1.b1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--cfx") && r.err().contains("BENCHLINE_CFX_PASSWORD"), r.err());
        assertFalse(r.err().contains("secret"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void missingExchangeOrUnknownParameterOrKeyIsBadInput() throws Exception {
        Result noExchange = run("--cfx", "amqp://127.0.0.1:5672?vhost=cfx&handle=l1.b1");
        assertEquals(2, noExchange.exit(), noExchange.err());
        assertTrue(noExchange.err().contains("exchange"), noExchange.err());
        Result unknown = run("--cfx", "amqp://127.0.0.1:5672?exchange=cfx&handle=l1.b1&colour=red");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("colour"), unknown.err());
        Path file = dir.resolve("cfx.properties");
        Files.writeString(file, "url=amqp://127.0.0.1:5672?exchange=cfx&handle=l1.b1\nheartbeat=5\n");
        Result key = run("--cfx-config", file.toString());
        assertEquals(2, key.exit(), key.err());
        assertTrue(key.err().contains(file.toString()) && key.err().contains("heartbeat"), key.err());
        Result scheme = run("--cfx", "http://127.0.0.1:5672?exchange=cfx&handle=l1.b1");
        assertEquals(2, scheme.exit(), scheme.err());
    }

    @Test
    void aBrokerThatIsNotThereDoesNotStopTheRunAndStatusSaysWhatWaits() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path file = dir.resolve("cfx.properties");
        Files.writeString(file, "drain-on-exit-ms=300\nconnect-timeout-ms=500\n");
        Result r = run(
                "--cfx",
                "amqp://127.0.0.1:" + port + "?vhost=cfx&exchange=cfx&handle=line1.bench9",
                "--cfx-config",
                file.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS"), r.out());

        Result status = CliRun.benchline(
                "cfx", "status", "--json", "--db", dir.resolve("r").toString());
        assertEquals(0, status.exit(), status.err());
        JsonNode s = new ObjectMapper().readTree(status.out());
        assertEquals(3, s.get("waiting").asLong(), status.out()); // WorkStarted, UnitsTested, WorkCompleted
        assertEquals(0, s.get("sent").asLong());
        assertTrue(s.get("last_error").asText().toLowerCase().contains("refused"), status.out());

        Result text = CliRun.benchline("cfx", "status", "--db", dir.resolve("r").toString());
        assertTrue(text.out().startsWith("CFX outbox: 3 waiting"), text.out());
    }
}
