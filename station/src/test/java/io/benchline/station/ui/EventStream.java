package io.benchline.station.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of the station's live events (/api/events), as a browser is: event names in the order sent. */
final class EventStream implements AutoCloseable {
    private final BlockingQueue<String> names = new LinkedBlockingQueue<>();
    private final InputStream body;

    EventStream(String base) throws Exception {
        // as a browser asks: without this Accept the server does not stream the events
        body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "api/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .body();
        Thread reader = new Thread(this::read, "test-events");
        reader.setDaemon(true);
        reader.start();
        await("hello");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event:")) {
                    names.add(line.substring("event:".length()).trim());
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** Waits for the next event of this name, skipping others; fails after 20 s. */
    void await(String name) throws InterruptedException {
        for (String next = names.poll(20, TimeUnit.SECONDS); next != null; next = names.poll(20, TimeUnit.SECONDS)) {
            if (next.equals(name)) {
                return;
            }
        }
        throw new AssertionError("no '" + name + "' event within 20 s");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
