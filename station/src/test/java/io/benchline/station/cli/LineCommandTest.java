package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.StationState;
import io.benchline.db.postgres.PostgresExtension;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code benchline line}: the page served by its own process, and its exit codes. */
class LineCommandTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    private record Result(int exit, String out, String err) {}

    private static synchronized Result cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            return new Result(cl.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void servesTheLineReadOnlyUntilStopped() throws Exception {
        String url = PG.migratedDatabase();
        try (Database db = Database.open(url)) {
            db.heartbeats().beat(new StationState("prog-1", "testing", "LOT-9", "plan", "1.0"), 0, null, Instant.now());
        }
        Process line = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "line",
                        "--central",
                        url,
                        "--port",
                        "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(line.getInputStream(), StandardCharsets.UTF_8))) {
            String address = null;
            List<String> lines = new ArrayList<>();
            String each;
            while (address == null && (each = out.readLine()) != null) {
                lines.add(each);
                if (each.startsWith("Line page at ")) {
                    address = each.substring("Line page at ".length());
                }
            }
            assertTrue(address != null && address.matches("http://127\\.0\\.0\\.1:\\d+/"), String.join("\n", lines));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> view = http.send(
                    HttpRequest.newBuilder(URI.create(address + "api/line")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, view.statusCode(), view.body());
            JsonNode station =
                    new ObjectMapper().readTree(view.body()).get("stations").get(0);
            assertEquals("prog-1", station.get("name").asText());
            assertEquals("LOT-9", station.get("batch").asText());
            assertEquals(
                    24, new ObjectMapper().readTree(view.body()).get("hours").size());
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("<title>Benchline line</title>"), page.body());
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create(address + "api/line"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode(), "read-only");
        } finally {
            line.destroy();
            assertTrue(line.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    @Test
    void badInputIsExitTwoAndAServerAwayExitThree() throws Exception {
        Result notPostgres = cli("line", "--central", "jdbc:h2:/tmp/x");
        assertEquals(ExitCodes.USAGE, notPostgres.exit());
        assertTrue(
                notPostgres.err().startsWith("error: --central jdbc:h2:/tmp/x: not a PostgreSQL URL"),
                notPostgres.err());

        Result password = cli("line", "--central", "jdbc:postgresql://127.0.0.1/x?user=u&password=secret");
        assertEquals(ExitCodes.USAGE, password.exit());

        String url = PG.migratedDatabase();
        Result badPort = cli("line", "--central", url, "--port", "70000");
        assertEquals(ExitCodes.USAGE, badPort.exit(), badPort.err());
        assertTrue(badPort.err().contains("--port 70000"), badPort.err());

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result busy = cli("line", "--central", url, "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.USAGE, busy.exit(), busy.err());
            assertTrue(busy.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), busy.err());
        }

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Result away = cli("line", "--central", "jdbc:postgresql://127.0.0.1:" + closedPort + "/line?user=benchline");
        assertEquals(ExitCodes.ERROR, away.exit(), away.err());
        assertTrue(away.err().startsWith("station error: cannot open database jdbc:postgresql:"), away.err());
        assertEquals(1, away.err().lines().count(), "one line, no stack trace: " + away.err());
    }
}
