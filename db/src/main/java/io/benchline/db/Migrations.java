package io.benchline.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway, unless it already is. Flyway's start (its plugins,
 * its classpath scan, some 400 classes) took a third of a headless {@code benchline run}, which a
 * line controller pays per board; so the schema history is read first, and Flyway is skipped only
 * when that history lists exactly the migrations this build carries, each applied successfully,
 * under the same script name and with the checksum Flyway computes for it: the state in which
 * Flyway's migrate changes nothing. Anything else (a new migration, a failed or edited one, a
 * baseline, a repeatable or Java migration, a history that cannot be read) goes to Flyway.
 * The test that this shortcut agrees with Flyway: MigrationsTest.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]+\\.sql");

    private Migrations() {}

    /** Migrates the database at url unless its history, read over c, says it is current. */
    static void migrate(String url, Connection c) {
        if (!upToDate(c)) {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        }
    }

    static boolean upToDate(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return upToDate(c);
        }
    }

    static boolean upToDate(Connection c) {
        Optional<Map<String, Script>> scripts = scripts(Migrations.class.getClassLoader());
        if (scripts.isEmpty()) {
            return false;
        }
        try {
            return matches(c, scripts.get());
        } catch (SQLException e) {
            rollbackQuietly(c); // PostgreSQL refuses further statements in a transaction after an error
            return false; // no history yet, or not readable: Flyway decides
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the connection is unusable: the store's first statement will say so
        }
    }

    /** A migration file: its name and Flyway's checksum of it. */
    record Script(String name, int checksum) {}

    static boolean matches(Connection c, Map<String, Script> scripts) throws SQLException {
        // asked first so that a new database is not a failed query (H2 writes each one to a .trace.db file)
        try (ResultSet table = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (!table.next()) {
                return false;
            }
        }
        Map<String, Script> applied = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT \"version\", \"script\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version == null && "TABLE".equals(rs.getString(4))) {
                    continue; // Flyway's note that it created the history table
                }
                int checksum = rs.getInt(3);
                boolean noChecksum = rs.wasNull();
                if (version == null || noChecksum || !"SQL".equals(rs.getString(4)) || !rs.getBoolean(5)) {
                    return false;
                }
                if (applied.put(normalize(version), new Script(rs.getString(2), checksum)) != null) {
                    return false;
                }
            }
        }
        return applied.equals(scripts);
    }

    /** The versioned SQL migrations at {@link #LOCATION}, by version; empty when there is anything else there. */
    static Optional<Map<String, Script>> scripts(ClassLoader loader) {
        Map<String, Script> scripts = new HashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(LOCATION);
            if (!roots.hasMoreElements()) {
                return Optional.empty();
            }
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                Map<String, URL> files = listing(root);
                if (files == null) {
                    return Optional.empty();
                }
                for (Map.Entry<String, URL> f : files.entrySet()) {
                    Matcher m = VERSIONED.matcher(f.getKey());
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    if (scripts.put(normalize(m.group(1)), new Script(f.getKey(), checksum(f.getValue()))) != null) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(scripts);
    }

    /** The files directly under a classpath directory, by name; null when it cannot be listed. */
    private static Map<String, URL> listing(URL root) throws IOException, URISyntaxException {
        Map<String, URL> files = new HashMap<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try (Stream<Path> list = Files.list(Path.of(root.toURI()))) {
                    for (Path p : (Iterable<Path>) list::iterator) {
                        if (Files.isDirectory(p)) {
                            return null;
                        }
                        files.put(p.getFileName().toString(), p.toUri().toURL());
                    }
                }
            }
            case "jar" -> {
                URLConnection conn = root.openConnection();
                if (!(conn instanceof JarURLConnection jarConn)) {
                    return null;
                }
                JarFile jar = jarConn.getJarFile();
                String entry = jarConn.getEntryName();
                String prefix = entry.endsWith("/") ? entry : entry + "/";
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry file = e.nextElement();
                    String name = file.getName();
                    if (name.startsWith(prefix) && name.length() > prefix.length()) {
                        String rest = name.substring(prefix.length());
                        if (file.isDirectory() || rest.contains("/")) {
                            return null;
                        }
                        files.put(rest, new URL("jar:" + jarConn.getJarFileURL() + "!/" + name));
                    }
                }
            }
            default -> {
                return null;
            }
        }
        return files;
    }

    /** Flyway's checksum of a migration: CRC-32 over its lines in UTF-8, line breaks and a leading BOM left out. */
    static int checksum(URL file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = file.openStream();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = r.readLine();
            }
        }
        return (int) crc.getValue();
    }

    private static String normalize(String version) {
        return version.replace('_', '.');
    }
}
