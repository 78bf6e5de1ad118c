package io.benchline.station.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The browsers watching the station: each gets every run event as a Server-Sent Event with a JSON
 * body. Events leave from their own thread, in order: a browser that stops reading must never hold
 * up the sequencer (with DUT power on).
 */
final class LiveEvents implements AutoCloseable {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
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
        sender.execute(() -> {
            clients.add(client);
            send(client, event, hello);
        });
    }

    void publish(String event, Object data) {
        sender.execute(() -> {
            for (SseClient c : clients) {
                send(c, event, data);
            }
        });
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private void send(SseClient c, String event, Object data) {
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
