package io.benchline.station.cfx;

import io.benchline.station.InputError;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where and how a station publishes its CFX messages: the broker ({@code amqp[s]://HOST:PORT?
 * vhost=VHOST&exchange=EXCHANGE&handle=HANDLE}), the credentials (from the environment or the
 * settings file, never from the command line), and the rest with defaults that a settings file
 * (Java properties, see docs/cfx.md) may change.
 */
public record CfxSettings(
        boolean tls,
        String host,
        int port,
        String vhost,
        String exchange,
        String handle,
        String user,
        String password,
        String address,
        Duration heartbeat,
        boolean gzip,
        Duration connectTimeout,
        Duration sendTimeout,
        Duration drainOnExit,
        Duration oldAfter,
        int window,
        Duration keepSent) {

    public static final String USER_ENV = "BENCHLINE_CFX_USER";
    public static final String PASSWORD_ENV = "BENCHLINE_CFX_PASSWORD";

    private static final Set<String> FILE_KEYS = Set.of(
            "url",
            "user",
            "password",
            "address",
            "heartbeat-seconds",
            "gzip",
            "connect-timeout-ms",
            "send-timeout-ms",
            "drain-on-exit-ms",
            "old-after-seconds",
            "window",
            "keep-sent-days");

    /** The AMQP subject (and RabbitMQ routing key) of a message: {@code <handle>.<MessageName>}, as the CFX SDK sets it. */
    public String subject(String messageName) {
        return handle + "." + messageName;
    }

    /** The broker's address without credentials, for messages. */
    public String where() {
        return (tls ? "amqps" : "amqp") + "://" + host + ":" + port + " vhost " + vhost + " exchange " + exchange;
    }

    @Override
    public String toString() {
        return where() + " handle " + handle + (user == null ? "" : " user " + user);
    }

    /**
     * Settings from {@code --cfx URL} and/or a settings file (either may be null, not both); the
     * URL given on the command line wins over the file's. Bad input is an {@link InputError}
     * naming the option or the file's key.
     */
    public static CfxSettings of(String url, Path file, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            values.putAll(read(file));
        }
        String where = url != null ? "--cfx" : file + ": url";
        if (url != null) {
            refuseCredentials(url);
            values.put("url", url);
        }
        String u = values.get("url");
        if (u == null) {
            throw new InputError(file + ": no 'url' (amqp://HOST:PORT?vhost=V&exchange=X&handle=H), and no --cfx");
        }
        URI uri;
        try {
            uri = new URI(u.trim());
        } catch (URISyntaxException e) {
            throw new InputError(where + " " + u + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new InputError(where + " " + u + ": give amqp://HOST:PORT?... or amqps://HOST:PORT?...");
        }
        if (uri.getHost() == null) {
            throw new InputError(where + " " + u + ": no host");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new InputError(where + ": a password in the URL; give it in $" + PASSWORD_ENV
                    + " or the settings file's 'password'");
        }
        boolean tls = scheme.equals("amqps");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 5671 : 5672;
        Map<String, String> query = query(where, uri.getRawQuery());
        for (String key : query.keySet()) {
            if (!Set.of("vhost", "exchange", "handle").contains(key)) {
                throw new InputError(where + ": unknown parameter '" + key + "' (vhost, exchange, handle)");
            }
        }
        String exchange = required(where, query, "exchange");
        String handle = required(where, query, "handle");
        String vhost = query.getOrDefault("vhost", "/");
        String user = firstOf(env.get(USER_ENV), values.get("user"), uri.getUserInfo());
        String password = firstOf(env.get(PASSWORD_ENV), values.get("password"));
        String address = values.getOrDefault("address", "/exchange/" + exchange);
        Duration heartbeat = Duration.ofSeconds(number(file, values, "heartbeat-seconds", 60, 1));
        boolean gzip =
                !"false".equalsIgnoreCase(values.getOrDefault("gzip", "true").trim());
        Duration connect = Duration.ofMillis(number(file, values, "connect-timeout-ms", 5000, 100));
        Duration send = Duration.ofMillis(number(file, values, "send-timeout-ms", 5000, 100));
        Duration drain = Duration.ofMillis(number(file, values, "drain-on-exit-ms", 5000, 0));
        Duration old = Duration.ofSeconds(number(file, values, "old-after-seconds", 60, 1));
        int window = (int) number(file, values, "window", 256, 1);
        Duration keepSent = Duration.ofDays(number(file, values, "keep-sent-days", 30, 1));
        return new CfxSettings(
                tls,
                uri.getHost(),
                port,
                vhost,
                exchange,
                handle,
                user,
                password,
                address,
                heartbeat,
                gzip,
                connect,
                send,
                drain,
                old,
                window,
                keepSent);
    }

    /** The same settings with other timings (tests, benchmarks). */
    public CfxSettings withDrainOnExit(Duration drain) {
        return new CfxSettings(
                tls,
                host,
                port,
                vhost,
                exchange,
                handle,
                user,
                password,
                address,
                heartbeat,
                gzip,
                connectTimeout,
                sendTimeout,
                drain,
                oldAfter,
                window,
                keepSent);
    }

    private static void refuseCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return;
        }
        int at = url.indexOf('@', scheme + 3);
        int end = url.indexOf('/', scheme + 3);
        int q = url.indexOf('?', scheme + 3);
        int hostEnd = end < 0 ? (q < 0 ? url.length() : q) : (q < 0 ? end : Math.min(end, q));
        if (at >= 0 && at < hostEnd && url.substring(scheme + 3, at).contains(":")) {
            throw new InputError("--cfx: a password on the command line; give it in $" + PASSWORD_ENV
                    + " or the settings file's 'password'");
        }
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InputError("--cfx-config " + file + ": cannot read (" + e.getMessage() + ")");
        }
        Map<String, String> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!FILE_KEYS.contains(key)) {
                throw new InputError(file + ": unknown key '" + key + "' (" + String.join(", ", FILE_KEYS) + ")");
            }
            out.put(key, p.getProperty(key).trim());
        }
        return out;
    }

    private static Map<String, String> query(String where, String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InputError(where + ": parameter '" + pair + "' has no value (NAME=VALUE)");
            }
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String required(String where, Map<String, String> query, String key) {
        String v = query.get(key);
        if (v == null || v.isBlank()) {
            throw new InputError(where + ": no " + key + "= (amqp://HOST:PORT?vhost=V&exchange=X&handle=H)");
        }
        return v;
    }

    private static long number(Path file, Map<String, String> values, String key, long dflt, long min) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min) {
                throw new InputError(file + ": " + key + " must be at least " + min + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputError(file + ": " + key + " is not a whole number: " + v);
        }
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
