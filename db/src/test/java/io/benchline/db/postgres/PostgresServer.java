package io.benchline.db.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: its own data directory in a temporary directory, listening on a
 * free loopback port only, fsync and synchronous_commit on (what a line's server runs with).
 * PostgreSQL refuses to run as root, so as root (CI) every server program runs as the
 * {@code postgres} system user that Debian's package creates, owning the directory.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "benchline";
    private static final long COMMAND_SECONDS = 90;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final Thread cleanup;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.cleanup = new Thread(this::stopQuietly, "postgres-test-stop");
    }

    /** initdb into a new temporary directory, then start the server and wait until it accepts connections. */
    public static PostgresServer start() {
        try {
            Path dir = Files.createTempDirectory("benchline-pg");
            PostgresServer server = new PostgresServer(PostgresBinaries.dir(), dir, freePort());
            Runtime.getRuntime().addShutdownHook(server.cleanup); // a test JVM that dies leaves no server behind
            server.initdb();
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of the given database, as the superuser (trust authentication on loopback). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** Creates a new, empty database and returns its URL. */
    public String createDatabase() {
        String name = "t" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return url(name);
    }

    /** Runs statements as the superuser in a database (roles, grants, settings). */
    public void execute(String database, String... sql) {
        try (Connection c = DriverManager.getConnection(url(database));
                Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on the test server: " + e.getMessage(), e);
        }
    }

    /** Adds a line at the top of pg_hba.conf (first match wins) and reloads the server. */
    public void requireFirst(String hbaLine) {
        try {
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, hbaLine + "\n" + Files.readString(hba));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pgCtl("reload");
    }

    /** The crash: every server process killed without a checkpoint; the next start replays the WAL. */
    public void stopImmediately() {
        pgCtl("stop", "-m", "immediate");
        running = false;
    }

    /** Starts the server on the same port and data directory, waiting (bounded) until it accepts connections. */
    public void startAgain() {
        pgCtl("start", "-l", dir.resolve("server.log").toString());
        running = true;
    }

    @Override
    public void close() {
        if (running) {
            pgCtl("stop", "-m", "fast");
            running = false;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what called us
        }
        deleteTree(dir);
    }

    private void stopQuietly() {
        try {
            if (running) {
                pgCtl("stop", "-m", "immediate");
                running = false;
            }
            deleteTree(dir);
        } catch (RuntimeException ignored) {
            // best effort at JVM exit
        }
    }

    private void initdb() throws IOException {
        if (isRoot()) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        SUPERUSER,
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-locale",
                        "--no-sync"),
                "initdb");
        Files.writeString(
                data.resolve("postgresql.conf"),
                String.join(
                        "\n",
                        "",
                        "# benchline test server",
                        "listen_addresses = '127.0.0.1'",
                        "port = " + port,
                        "unix_socket_directories = '" + dir + "'",
                        "fsync = on",
                        "synchronous_commit = on",
                        "shared_buffers = 32MB",
                        "max_connections = 60",
                        ""),
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void pgCtl(String action, String... more) {
        List<String> command = new ArrayList<>(
                List.of(bin.resolve("pg_ctl").toString(), action, "-D", data.toString(), "-w", "-t", "60"));
        command.addAll(List.of(more));
        run(command, "pg_ctl " + action);
    }

    private void run(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = dir.resolve(what.replace(' ', '-') + ".out");
        try {
            Process p = new ProcessBuilder(full)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in " + COMMAND_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        what + " failed (exit " + p.exitValue() + "): " + tail(out) + tail(dir.resolve("server.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
