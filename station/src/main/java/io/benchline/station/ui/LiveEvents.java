package io.benchline.station.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The browsers watching the station: each gets every run event as a Server-Sent Event with a JSON body. */
final class LiveEvents {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    void join(SseClient client, String event, Object hello) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, event, hello);
    }

    void publish(String event, Object data) {
        for (SseClient c : clients) {
            send(c, event, data);
        }
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
