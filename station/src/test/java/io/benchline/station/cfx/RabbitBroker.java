package io.benchline.station.cfx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real RabbitMQ (Debian's rabbitmq-server, 3.10, with its AMQP 1.0 plugin) for tests: a
 * throw-away node whose home, database and logs live in a temporary directory, listening on a
 * free loopback port, run as the {@code rabbitmq} system user when the tests run as root. Its
 * definitions (loaded at each boot) give a vhost {@value #VHOST}, a user with a password, a topic
 * exchange {@value #EXCHANGE} and a durable queue {@value #QUEUE} bound to it for every key.
 */
public final class RabbitBroker implements AutoCloseable {
    public static final String VHOST = "cfx";
    public static final String EXCHANGE = "cfx";
    public static final String QUEUE = "cfx-tests";
    public static final String USER = "bench";
    public static final String PASSWORD = "bench-secret-1";
    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final long COMMAND_SECONDS = 90;
    private static final AtomicInteger NODES = new AtomicInteger();

    private final Path dir;
    private final int port;
    private final int distPort;
    private final String node;
    private final Thread cleanup;
    private Process server;

    private RabbitBroker(Path dir, int port, int distPort, String node) {
        this.dir = dir;
        this.port = port;
        this.distPort = distPort;
        this.node = node;
        this.cleanup = new Thread(this::killQuietly, "rabbitmq-test-stop");
    }

    /** Debian's RabbitMQ is installed here (the tests that need it fail, not skip, without it: see .ci/packages). */
    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server"));
    }

    public static RabbitBroker start() {
        try {
            Path dir = Files.createTempDirectory("benchline-rmq");
            String node = "bl" + ProcessHandle.current().pid() + "n" + NODES.incrementAndGet() + "@localhost";
            RabbitBroker b = new RabbitBroker(dir, freePort(), freePort(), node);
            Runtime.getRuntime().addShutdownHook(b.cleanup);
            b.configure();
            b.startAgain();
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The --cfx URL of this broker for a station handle. */
    public String url(String handle) {
        return "amqp://127.0.0.1:" + port + "?vhost=" + VHOST + "&exchange=" + EXCHANGE + "&handle=" + handle;
    }

    /** Starts the node (same directories, same port) and waits, bounded, until it runs its applications. */
    public void startAgain() {
        try {
            Files.deleteIfExists(dir.resolve("pid"));
            List<String> command =
                    asBroker(List.of(BIN.resolve("rabbitmq-server").toString()));
            server = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctl("wait", "--timeout", "60", dir.resolve("pid").toString());
    }

    /** A clean stop: the node shuts down, the port closes. */
    public void stop() {
        ctl("shutdown");
        awaitServerExit();
    }

    /** The crash: the node's VM killed with SIGKILL (what it had confirmed is on its disk). */
    public void kill() {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitServerExit();
    }

    /** Messages ready in the test queue (rabbitmqctl list_queues). */
    public long queued() {
        String out = ctl("list_queues", "-p", VHOST, "-q", "--no-table-headers", "name", "messages");
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals(QUEUE)) {
                return Long.parseLong(f[1]);
            }
        }
        return -1;
    }

    @Override
    public void close() {
        killQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what called us
        }
    }

    private void killQuietly() {
        try {
            if (Files.exists(dir.resolve("pid"))) {
                ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (server != null) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (RuntimeException | InterruptedException ignored) {
            // best effort
        }
        deleteTree(dir);
    }

    private long pid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitServerExit() {
        try {
            if (server != null && !server.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("rabbitmq-server did not exit in " + COMMAND_SECONDS + " s");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_SECONDS);
            while (portOpen()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " still open after the broker stopped");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean portOpen() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void configure() throws IOException {
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_amqp1_0].\n");
        Files.writeString(
                dir.resolve("rabbitmq.conf"),
                String.join(
                        "\n",
                        "listeners.tcp.default = 127.0.0.1:" + port,
                        "load_definitions = " + dir.resolve("definitions.json"),
                        "log.file.level = info",
                        ""));
        Files.writeString(dir.resolve("definitions.json"), definitions());
        if (isRoot()) {
            UserPrincipal rabbit =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("rabbitmq");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.setOwner(p, rabbit);
                }
            }
            Files.setOwner(dir, rabbit);
        }
    }

    private static String definitions() {
        return """
                {
                  "users": [{"name": "%s", "password_hash": "%s",
                             "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": "administrator"}],
                  "vhosts": [{"name": "%s"}],
                  "permissions": [{"user": "%s", "vhost": "%s", "configure": ".*", "write": ".*", "read": ".*"}],
                  "exchanges": [{"name": "%s", "vhost": "%s", "type": "topic", "durable": true,
                                 "auto_delete": false, "internal": false, "arguments": {}}],
                  "queues": [{"name": "%s", "vhost": "%s", "durable": true, "auto_delete": false, "arguments": {}}],
                  "bindings": [{"source": "%s", "vhost": "%s", "destination": "%s", "destination_type": "queue",
                                "routing_key": "#", "arguments": {}}]
                }
                """.formatted(
                        USER,
                        passwordHash(PASSWORD),
                        VHOST,
                        USER,
                        VHOST,
                        EXCHANGE,
                        VHOST,
                        QUEUE,
                        VHOST,
                        EXCHANGE,
                        VHOST,
                        QUEUE);
    }

    /** RabbitMQ's SHA-256 password hash: base64(salt ++ sha256(salt ++ password)), a 4-byte salt. */
    static String passwordHash(String password) {
        try {
            byte[] salt = new byte[4];
            new SecureRandom().nextBytes(salt);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] digest = sha.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[4 + digest.length];
            System.arraycopy(salt, 0, out, 0, 4);
            System.arraycopy(digest, 0, out, 4, digest.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        env.put("HOME", dir.toString());
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        return env;
    }

    private List<String> asBroker(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "rabbitmq", "--"));
        }
        full.add("env");
        environment().forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(command);
        return full;
    }

    private String ctl(String... args) {
        List<String> command =
                new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        Path out = dir.resolve("ctl.out");
        try {
            Process p = new ProcessBuilder(asBroker(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "rabbitmqctl " + args[0] + " did not finish in " + COMMAND_SECONDS + " s");
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + text
                        + "\nserver: " + tail(dir.resolve("server.out")));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no " + file + ")";
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
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
