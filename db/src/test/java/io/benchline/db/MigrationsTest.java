package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway is skipped only when it would change nothing; every other state still goes through it. */
class MigrationsTest {
    @TempDir
    Path dir;

    String url() {
        return DatabaseUrl.resolve(dir.resolve("m").toString());
    }

    Map<String, String> history(String url) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"script\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void theShippedMigrationsAreListedWithFlywaysOwnChecksums() throws Exception {
        var scripts = Migrations.scripts(Migrations.class.getClassLoader()).orElseThrow();
        assertEquals("V1__results.sql", scripts.get("1").name());
        assertEquals("V2__report_tallies.sql", scripts.get("2").name());
        String url = url();
        assertFalse(Migrations.upToDate(url), "an empty database has no history");
        Database.open(url).close();
        assertEquals(shipped(), history(url));
        // true only if the checksums computed here equal the ones Flyway stored
        assertTrue(Migrations.upToDate(url));
    }

    @Test
    void aPendingMigrationIsAppliedByFlyway() throws Exception {
        String url = url();
        Flyway.configure().dataSource(url, null, null).target("1").load().migrate();
        assertEquals(Map.of("1", "V1__results.sql"), history(url));
        assertFalse(Migrations.upToDate(url));
        Database.open(url).close();
        assertEquals(shipped(), history(url));
    }

    /** Version to script name of every migration this build carries. */
    static Map<String, String> shipped() {
        Map<String, String> out = new java.util.TreeMap<>();
        Migrations.scripts(Migrations.class.getClassLoader())
                .orElseThrow()
                .forEach((version, script) -> out.put(version, script.name()));
        return out;
    }

    @Test
    void anEditedFailedOrForeignHistoryIsLeftToFlyway() throws Exception {
        String url = url();
        Database.open(url).close();
        assertTrue(Migrations.upToDate(url));

        sql(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '2'");
        assertFalse(Migrations.upToDate(url), "a migration edited after it was applied");
        sql(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" - 1 WHERE \"version\" = '2'");
        assertTrue(Migrations.upToDate(url));

        sql(url, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        assertFalse(Migrations.upToDate(url), "a failed migration");
        sql(url, "UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '2'");

        sql(url, "UPDATE \"flyway_schema_history\" SET \"script\" = 'V2__renamed.sql' WHERE \"version\" = '2'");
        assertFalse(Migrations.upToDate(url), "a renamed migration");
        sql(url, "UPDATE \"flyway_schema_history\" SET \"script\" = 'V2__report_tallies.sql' WHERE \"version\" = '2'");

        sql(
                url,
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                        + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (999, '999', 'newer', 'SQL', 'V999__newer.sql', 1, 'x', 0, TRUE)");
        assertFalse(Migrations.upToDate(url), "a migration from a newer build");
    }

    ClassLoader jarWith(String... files) throws Exception {
        Path jar = Files.createTempFile(dir, "migrations", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            for (String f : files) {
                out.putNextEntry(new JarEntry("db/migration/" + f));
                out.write(("-- " + f + "\nSELECT 1;\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    @Test
    void migrationsAreListedFromAJarAsFromTheShadedOne() throws Exception {
        var scripts = Migrations.scripts(jarWith("V1__a.sql", "V1_1__b.sql")).orElseThrow();
        assertEquals("V1__a.sql", scripts.get("1").name());
        assertEquals("V1_1__b.sql", scripts.get("1.1").name());
        assertTrue(
                Migrations.scripts(jarWith("V1__a.sql", "R__view.sql")).isEmpty(),
                "a repeatable migration is Flyway's");
        assertTrue(Migrations.scripts(jarWith("V1__a.sql", "afterMigrate.sql")).isEmpty(), "a callback is Flyway's");
    }
}
