package io.benchline.station.mes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON over HTTP to the MES, each exchange held to the settings' timeout from the request to the
 * last byte of the answer. Anything but a 2xx answer with a JSON body is {@link Unreachable}.
 */
final class MesHttp {
    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> token;
    private final ObjectMapper json = new ObjectMapper();

    /** The MES could not be asked; the message says why, in words for the operator. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    MesHttp(MesSettings settings) {
        this.timeout = settings.timeout();
        this.token = settings.token();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts body as JSON to url and returns the JSON answer (a 2xx answer's body, parsed). */
    JsonNode ask(URI url, Object body) throws Unreachable {
        HttpResponse<String> response = post(url, body);
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || answer.isMissingNode()) {
                throw new Unreachable(url + " answered HTTP " + response.statusCode() + " with an empty body");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new Unreachable(url + " answered HTTP " + response.statusCode() + " with a body that is not JSON"
                    + snippet(response.body()));
        }
    }

    /** Posts body as JSON to url; returns once the MES answered 2xx (its body is not read). */
    HttpResponse<String> post(URI url, Object body) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Unreachable("no answer from " + url + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while asking " + url);
        } catch (ExecutionException e) {
            throw new Unreachable(why(url, e.getCause()));
        }
        if (response.statusCode() / 100 != 2) {
            throw new Unreachable(url + " answered HTTP " + response.statusCode() + snippet(response.body()));
        }
        return response;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String why(URI url, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + url + " within " + timeout.toMillis() + " ms";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "cannot connect to " + url + " (connection refused or no route)";
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "cannot reach " + url + ": " + m;
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String one = body.strip().lines().findFirst().orElse("");
        return ": " + (one.length() > 200 ? one.substring(0, 200) + "…" : one);
    }
}
