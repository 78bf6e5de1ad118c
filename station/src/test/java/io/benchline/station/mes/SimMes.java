package io.benchline.station.mes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A simulated MES on loopback, speaking the contract of docs/mes.md over real HTTP: route checks
 * at {@code /route} (allowed unless the serial was refused, after an optional delay) and results at
 * {@code /results} (taken with 204, or answered with a set status). It keeps what it was sent.
 */
public final class SimMes implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final List<JsonNode> questions = new CopyOnWriteArrayList<>();
    private final List<JsonNode> results = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long routeDelayMs;
    private volatile int routeStatus = 200;
    private volatile int resultsStatus = 204;
    private volatile long resultsDelayMs;

    public SimMes() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/route", this::route);
        server.createContext("/results", this::result);
        server.start();
    }

    public String routeUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/route";
    }

    public String resultsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/results";
    }

    /** A loopback URL where nothing listens: connections are refused. */
    public static String downUrl(String path) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refuse(String serial, String reason) {
        refused.put(serial, reason);
    }

    /** The MES takes this long to answer a route check. */
    public void slowRoute(long ms) {
        routeDelayMs = ms;
    }

    public void routeStatus(int status) {
        routeStatus = status;
    }

    /** The MES takes this long to answer a result post. */
    public void slowResults(long ms) {
        resultsDelayMs = ms;
    }

    public void resultsStatus(int status) {
        resultsStatus = status;
    }

    public List<JsonNode> questions() {
        return questions;
    }

    public List<JsonNode> results() {
        return results;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    private void route(HttpExchange x) throws IOException {
        JsonNode q = json.readTree(x.getRequestBody());
        questions.add(q);
        authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        pause(routeDelayMs);
        if (routeStatus != 200) {
            send(x, routeStatus, "{\"error\":\"simulated failure\"}");
            return;
        }
        String reason = refused.get(q.path("serial").asText());
        send(
                x,
                200,
                json.writeValueAsString(
                        reason == null
                                ? Map.of("allowed", true, "reason", "")
                                : Map.of("allowed", false, "reason", reason)));
    }

    private void result(HttpExchange x) throws IOException {
        JsonNode r = json.readTree(x.getRequestBody());
        pause(resultsDelayMs);
        if (resultsStatus / 100 == 2) {
            results.add(r);
        }
        send(x, resultsStatus, resultsStatus == 204 ? null : "{}");
    }

    /** A slow MES, cut short when the test ends. */
    private void pause(long ms) {
        if (ms > 0) {
            try {
                closing.await(ms, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
