package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.benchline.db.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A station's password reaches a server that asks for one (scram-sha-256), from the environment or a pgpass file. */
class CentralCredentialsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    @TempDir
    Path dir;

    @Test
    void benchlinesVariableComesBeforeLibpqsAndEmptyMeansUnset() {
        assertEquals(
                Optional.of("a"), CentralCredentials.password(Map.of("BENCHLINE_DB_PASSWORD", "a", "PGPASSWORD", "b")));
        assertEquals(
                Optional.of("b"), CentralCredentials.password(Map.of("BENCHLINE_DB_PASSWORD", "", "PGPASSWORD", "b")));
        assertEquals(Optional.empty(), CentralCredentials.password(Map.of()));
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAPgpassFileNeverTheUrl() throws Exception {
        PG.server().execute("postgres", "CREATE ROLE station_a LOGIN PASSWORD 'line-secret-7'");
        PG.server().requireFirst("host all station_a 127.0.0.1/32 scram-sha-256");
        String url = "jdbc:postgresql://127.0.0.1:" + PG.server().port() + "/postgres?user=station_a";

        SQLException refused = assertThrows(SQLException.class, () -> user(url, Optional.empty()));
        String why = Database.rootMessage(refused);
        assertTrue(why.contains("no password was provided"), why);

        assertEquals(
                "station_a", user(url, CentralCredentials.password(Map.of("BENCHLINE_DB_PASSWORD", "line-secret-7"))));

        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + PG.server().port() + ":*:station_a:line-secret-7\n");
        String saved = System.getProperty("org.postgresql.pgpassfile"); // what PGPASSFILE sets, in-process
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            assertEquals("station_a", user(url, Optional.empty()));
        } finally {
            if (saved == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", saved);
            }
        }
    }

    @Test
    void aPasswordInTheUrlIsSeenAndRedacted() {
        String url = "jdbc:postgresql://db.line/benchline?user=s1&password=hunter2&sslmode=verify-full";
        assertTrue(CentralUrl.hasPassword(url));
        assertEquals(
                "jdbc:postgresql://db.line/benchline?user=s1&password=***&sslmode=verify-full", CentralUrl.redact(url));
        assertFalse(CentralUrl.hasPassword("jdbc:postgresql://db.line/benchline?user=s1&sslmode=verify-full"));
    }

    private static String user(String url, Optional<String> password) throws SQLException {
        try (HikariDataSource pool = CentralPool.open(url, password);
                Connection c = pool.getConnection();
                var rs = c.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
