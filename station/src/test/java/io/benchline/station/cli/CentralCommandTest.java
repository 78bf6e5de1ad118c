package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.postgres.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** The central database from the command line, on a real PostgreSQL: migrated explicitly, checked by everyone else. */
class CentralCommandTest {
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
    void migrateBringsAnEmptyServerToTheSchemaThenStationsAndReportsUseIt() throws Exception {
        String url = PG.createDatabase();
        MigrationInfo[] pending = pending(url);
        String latest = pending[pending.length - 1].getVersion().toString();
        Result migrated = cli("central", "migrate", "--central", url);
        assertEquals(ExitCodes.OK, migrated.exit(), migrated.err());
        assertEquals(
                "central database " + url + " migrated from schema version none to " + latest + " (" + pending.length
                        + " migrations)\n",
                migrated.out());
        Result again = cli("central", "migrate", "--central", url);
        assertEquals("central database " + url + " already at schema version " + latest + "\n", again.out());

        Result demo = cli(
                "demo",
                "--boards",
                "12",
                "--batch",
                "PG12",
                "--quiet",
                "--db",
                url,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml");
        assertEquals(ExitCodes.OK, demo.exit(), demo.err());
        Result report = cli("report", "--batch", "PG12", "--json", "--db", url);
        assertEquals(ExitCodes.OK, report.exit(), report.err());
        assertEquals(12, new ObjectMapper().readTree(report.out()).get("boards").asLong());
        Result trace = cli("trace", "--json", "--db", url, firstSerial(url));
        assertEquals(ExitCodes.OK, trace.exit(), trace.err());
    }

    @Test
    void aServerBehindIsRefusedNotMigratedByReadersAndStations() {
        String url = PG.createDatabase();
        Flyway.configure().dataSource(url, null, null).target("1").load().migrate();
        MigrationInfo[] pending = pending(url);
        String latest = pending[pending.length - 1].getVersion().toString();

        for (String[] command : new String[][] {
            {"report", "--db", url},
            {
                "demo",
                "--boards",
                "1",
                "--quiet",
                "--db",
                url,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml"
            }
        }) {
            Result refused = cli(command);
            assertEquals(ExitCodes.ERROR, refused.exit(), command[0] + ": " + refused.err());
            assertEquals(
                    "station error: central database " + url + " is at schema version 1, this Benchline needs " + latest
                            + ": " + "run benchline central migrate --central URL\n",
                    refused.err(),
                    command[0]);
        }
        assertEquals(
                "1",
                Flyway.configure()
                        .dataSource(url, null, null)
                        .load()
                        .info()
                        .current()
                        .getVersion()
                        .toString(),
                "nobody but central migrate changes the central schema");

        Result migrated = cli("central", "migrate", "--central", url);
        assertEquals(
                "central database " + url + " migrated from schema version 1 to " + latest + " (" + pending.length
                        + (pending.length == 1 ? " migration" : " migrations") + ")\n",
                migrated.out());
        assertEquals(ExitCodes.OK, cli("report", "--db", url).exit());
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedBeforeAnythingIsOpened() {
        String url = "jdbc:postgresql://127.0.0.1:1/line?user=station_a&password=hunter2";
        for (String[] command : new String[][] {{"report", "--db", url}, {"central", "migrate", "--central", url}}) {
            Result refused = cli(command);
            assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(
                    refused.err().startsWith("error: " + command[command.length - 2] + " has a password in it"),
                    refused.err());
            assertTrue(
                    refused.err().contains("BENCHLINE_DB_PASSWORD or PGPASSWORD, or in a pgpass file"), refused.err());
            assertTrue(!refused.err().contains("hunter2") && !refused.out().contains("hunter2"));
        }
    }

    @Test
    void aServerThatIsAwayIsOneLineAndExit3WithinTheTimeouts() {
        String url = "jdbc:postgresql://127.0.0.1:1/line?user=station_a"; // nothing listens on port 1
        for (String[] command : new String[][] {{"report", "--db", url}, {"central", "migrate", "--central", url}}) {
            long start = System.nanoTime();
            Result refused = cli(command);
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals(ExitCodes.ERROR, refused.exit(), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("station error: cannot "), refused.err());
            assertTrue(refused.err().contains(url) && refused.err().contains("refused"), refused.err());
            assertTrue(seconds < 10, command[0] + " took " + seconds + " s");
        }
    }

    @Test
    void centralMigrateWantsAPostgresqlUrl() {
        Result refused = cli("central", "migrate", "--central", "jdbc:h2:mem:x");
        assertEquals(ExitCodes.USAGE, refused.exit());
        assertTrue(refused.err().startsWith("error: --central jdbc:h2:mem:x: not a PostgreSQL URL"), refused.err());
    }

    private static String firstSerial(String url) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url);
                var rs = c.createStatement().executeQuery("SELECT MIN(serial) FROM board")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The migrations this build ships that the database has not applied, oldest first. */
    private static MigrationInfo[] pending(String url) {
        return Flyway.configure().dataSource(url, null, null).load().info().pending();
    }
}
