package io.benchline.station.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The browsers watching the station: each gets every run event as a Server-Sent Event with a JSON
 * body. Events leave from their own thread, in order: a browser that stops reading must never hold
 * up the sequencer (with DUT power on).
 * <p>
 * Closed before the web server stops: an event written to a stream whose request the server
 * has already recycled sends Javalin's SSE close path into an endless loop of exceptions, so no
 * event may leave once the server begins to stop.
 */
final class LiveEvents implements AutoCloseable {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final ObjectMapper json;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchline-events");
        t.setDaemon(true);
        return t;
    });

    LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    void join(SseClient client, String event, Object hello) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // through the sender thread, so the greeting and the events never write to a client at once
        submit(() -> {
            clients.add(client);
            send(client, event, hello);
        });
    }

    void publish(String event, Object data) {
        submit(() -> {
            for (SseClient c : clients) {
                send(c, event, data);
            }
        });
    }

    private void submit(Runnable task) {
        if (closed) {
            return;
        }
        try {
            sender.execute(task);
        } catch (RejectedExecutionException stopping) {
            // closed meanwhile: nobody is listening any more
        }
    }

    /** Stops sending and waits (bounded) for an event being written, so the server can stop after. */
    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.clear();
    }

    private void send(SseClient c, String event, Object data) {
        if (closed) {
            return;
        }
        if (c.terminated()) {
            clients.remove(c);
            return;
        }
        try {
            c.sendEvent(event, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            clients.remove(c);
        }
    }
}
