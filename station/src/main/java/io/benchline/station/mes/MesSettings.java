package io.benchline.station.mes;

import io.benchline.station.InputError;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.YamlError;
import io.benchline.station.yaml.YamlTree;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A station's MES settings (docs/mes.md): the fixture file's {@code mes:} block, and
 * {@code --mes URL} for the route-check URL. The bearer token comes from
 * {@value #TOKEN_ENV} or the block's token-file, never from the command line.
 *
 * @param routeUrl      where the route check is asked; empty: no route check
 * @param resultsUrl    where each run's result is posted after its verdict; empty: none posted
 * @param timeout       the most a route check (and each result post) may take
 * @param resultTries   attempts to post one result before it is recorded as not posted
 * @param retryDelay    the pause after a result post's first failed attempt, doubled after each
 */
public record MesSettings(
        Optional<URI> routeUrl,
        Optional<URI> resultsUrl,
        Duration timeout,
        OnUnreachable onUnreachable,
        int resultTries,
        Duration retryDelay,
        Optional<String> token) {
    public static final String TOKEN_ENV = "BENCHLINE_MES_TOKEN";
    static final long DEFAULT_TIMEOUT_MS = 2000;
    static final long MIN_TIMEOUT_MS = 100;
    static final long MAX_TIMEOUT_MS = 10_000;
    static final int DEFAULT_TRIES = 5;
    static final long DEFAULT_RETRY_MS = 2000;

    public static final MesSettings NONE = new MesSettings(
            Optional.empty(),
            Optional.empty(),
            Duration.ofMillis(DEFAULT_TIMEOUT_MS),
            OnUnreachable.REFUSE,
            DEFAULT_TRIES,
            Duration.ofMillis(DEFAULT_RETRY_MS),
            Optional.empty());

    public boolean enabled() {
        return routeUrl.isPresent() || resultsUrl.isPresent();
    }

    /** The same settings with the route check asked at url (from {@code --mes}). */
    MesSettings withRouteUrl(String url, Map<String, String> env) {
        return new MesSettings(
                Optional.of(url("--mes", url, null)),
                resultsUrl,
                timeout,
                onUnreachable,
                resultTries,
                retryDelay,
                token.or(() -> envToken(env)));
    }

    /**
     * The settings of a fixture file's {@code mes:} block (none when it has none), with
     * {@code --mes} (null when not given) overriding its route-url.
     */
    public static MesSettings of(FixtureFile fixture, String mesOption, Map<String, String> env) {
        MesSettings s = fromFile(fixture, env);
        return mesOption == null ? s : s.withRouteUrl(mesOption, env);
    }

    private static MesSettings fromFile(FixtureFile fixture, Map<String, String> env) {
        Path file = Path.of(fixture.source());
        if (!Files.isRegularFile(file)) {
            return NONE; // a built-in (sim:PROFILE) fixture has no file and no mes block
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("fixture " + file + ": cannot read: " + e.getMessage());
        }
        Fields f = Fields.of(YamlTree.parse(fixture.source(), text), "the fixture");
        return f.optNode("mes")
                .map(n -> parse(n, file.toAbsolutePath().getParent(), env))
                .orElse(NONE);
    }

    /** Checks a {@code mes:} block where the fixture file is read, so its errors name file:line:column. */
    public static void check(Node block) {
        parse(block, null, Map.of());
    }

    /** Reads a {@code mes:} block; a relative token-file is taken from dir (null: not read, only checked). */
    static MesSettings parse(Node block, Path dir, Map<String, String> env) {
        Fields f = Fields.of(block, "mes");
        Optional<URI> route = f.optText("route-url").map(u -> url("mes: route-url", u, f.where("route-url")));
        Optional<URI> results = f.optText("results-url").map(u -> url("mes: results-url", u, f.where("results-url")));
        long timeoutMs = f.optLong("timeout-ms").orElse(DEFAULT_TIMEOUT_MS);
        if (timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS) {
            throw new YamlError(
                    f.where("timeout-ms"),
                    "mes: timeout-ms must be " + MIN_TIMEOUT_MS + " to " + MAX_TIMEOUT_MS + ", found " + timeoutMs);
        }
        String policy = f.optText("on-unreachable").orElse("refuse");
        OnUnreachable onUnreachable = switch (policy.toLowerCase(Locale.ROOT)) {
            case "refuse" -> OnUnreachable.REFUSE;
            case "allow" -> OnUnreachable.ALLOW;
            default ->
                throw new YamlError(
                        f.where("on-unreachable"),
                        "mes: on-unreachable must be refuse or allow, found '" + policy + "'");
        };
        long tries = f.optLong("result-tries").orElse((long) DEFAULT_TRIES);
        if (tries < 1 || tries > 100) {
            throw new YamlError(f.where("result-tries"), "mes: result-tries must be 1 to 100, found " + tries);
        }
        long retryMs = f.optLong("result-retry-ms").orElse(DEFAULT_RETRY_MS);
        if (retryMs < 10 || retryMs > 600_000) {
            throw new YamlError(
                    f.where("result-retry-ms"), "mes: result-retry-ms must be 10 to 600000, found " + retryMs);
        }
        Optional<String> tokenFile = f.optText("token-file");
        f.done();
        Optional<String> token = envToken(env);
        if (token.isEmpty() && tokenFile.isPresent() && dir != null) {
            token = Optional.of(readToken(dir.resolve(tokenFile.get()), f));
        }
        return new MesSettings(
                route,
                results,
                Duration.ofMillis(timeoutMs),
                onUnreachable,
                (int) tries,
                Duration.ofMillis(retryMs),
                token);
    }

    private static Optional<String> envToken(Map<String, String> env) {
        String t = env.get(TOKEN_ENV);
        return t == null || t.isBlank() ? Optional.empty() : Optional.of(t.trim());
    }

    private static String readToken(Path file, Fields f) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (t.isEmpty()) {
                throw new YamlError(f.where("token-file"), "mes: token-file " + file + " is empty");
            }
            return t;
        } catch (IOException e) {
            throw new YamlError(f.where("token-file"), "mes: cannot read token-file " + file + ": " + e);
        }
    }

    private static URI url(String what, String text, io.benchline.station.yaml.Where where) {
        String problem;
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
            problem = "is not an http:// or https:// URL with a host";
        } catch (URISyntaxException e) {
            problem = "is not a URL: " + e.getReason();
        }
        String message = what + " '" + text + "' " + problem;
        throw where == null ? new InputError(message) : new YamlError(where, message);
    }
}
