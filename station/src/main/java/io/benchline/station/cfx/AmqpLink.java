package io.benchline.station.cfx;

import io.benchline.db.OutboxMessage;
import io.benchline.db.OutboxRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.ClientOptions;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.DeliveryMode;
import org.apache.qpid.protonj2.client.DeliveryState;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.SenderOptions;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * One AMQP 1.0 connection to the line's broker with one sender to the CFX exchange; every wait
 * bounded by the settings' timeouts. Messages are sent as the CFX SDK sends them: the envelope's
 * JSON (gzip-compressed unless the settings say otherwise) in one data section, the subject
 * {@code <handle>.<MessageName>} (RabbitMQ's routing key at an {@code /exchange/NAME} address),
 * the UniqueID as message id, and the SDK's application properties.
 */
final class AmqpLink implements AutoCloseable {
    private final CfxSettings settings;
    private final Client client;
    private final Connection connection;
    private final Sender sender;

    private AmqpLink(CfxSettings settings, Client client, Connection connection, Sender sender) {
        this.settings = settings;
        this.client = client;
        this.connection = connection;
        this.sender = sender;
    }

    static AmqpLink open(CfxSettings s) throws ClientException {
        Client client = Client.create(new ClientOptions().id("benchline-" + s.handle()));
        long connect = s.connectTimeout().toMillis();
        long send = s.sendTimeout().toMillis();
        ConnectionOptions options = new ConnectionOptions()
                .virtualHost("vhost:" + s.vhost())
                .openTimeout(connect)
                .closeTimeout(Math.min(connect, 2000))
                .sendTimeout(send)
                .requestTimeout(send)
                .reconnectEnabled(false)
                .sslEnabled(s.tls());
        options.transportOptions().connectTimeout((int) connect);
        if (s.user() != null) {
            // without PLAIN allowed the client would pick ANONYMOUS, and RabbitMQ would log it in as guest
            options.user(s.user()).password(s.password());
            options.saslOptions().addAllowedMechanism("PLAIN");
        }
        Connection connection = null;
        try {
            connection = client.connect(s.host(), s.port(), options);
            Sender sender = connection.openSender(
                    s.address(),
                    new SenderOptions()
                            .deliveryMode(DeliveryMode.AT_LEAST_ONCE)
                            .sendTimeout(send)
                            .openTimeout(connect));
            sender.openFuture().get(connect, TimeUnit.MILLISECONDS);
            return new AmqpLink(s, client, connection, sender);
        } catch (ClientException e) {
            closeQuietly(client, connection);
            throw e;
        } catch (Exception e) {
            closeQuietly(client, connection);
            throw new ClientException(CfxPublisher.describe(e), e);
        }
    }

    /** Sends one message not from the outbox (EndpointConnected, Heartbeat) and waits for the broker to take it. */
    void sendNow(OutboxMessage m, Instant at) throws ClientException {
        Tracker t = sender.send(message(m.uniqueId(), m.messageName(), m.subject(), m.body(), at));
        settled(t, m.messageName());
    }

    /**
     * Sends the rows in order, then waits for the broker's settlement of each in order. Returns
     * the ids the broker accepted, a prefix of the rows; a refusal or a timeout ends the prefix
     * and is thrown after the accepted ones are returned through {@code accepted}.
     */
    void sendInOrder(List<OutboxRow> rows, List<Long> accepted) throws ClientException {
        List<Tracker> trackers = new ArrayList<>(rows.size());
        for (OutboxRow r : rows) {
            trackers.add(sender.send(message(r.uniqueId(), r.messageName(), r.subject(), r.body(), r.createdAt())));
        }
        for (int i = 0; i < trackers.size(); i++) {
            settled(trackers.get(i), rows.get(i).messageName());
            accepted.add(rows.get(i).id());
        }
    }

    private void settled(Tracker t, String what) throws ClientException {
        t.awaitSettlement(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!t.remoteSettled()) { // settled() is our own end's settlement, not the broker's
            throw new ClientException("the broker did not confirm a " + what + " within "
                    + settings.sendTimeout().toMillis() + " ms");
        }
        DeliveryState state = t.remoteState();
        if (state == null || state.getType() != DeliveryState.Type.ACCEPTED) {
            throw new ClientException("the broker refused a " + what + ": " + state);
        }
    }

    private Message<byte[]> message(String uniqueId, String name, String subject, String json, Instant at)
            throws ClientException {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        Message<byte[]> m = Message.create(settings.gzip() ? gzip(raw) : raw);
        m.durable(true);
        m.messageId(uniqueId);
        m.subject(subject);
        m.replyTo(settings.handle());
        m.contentType("application/json; charset=\"utf-8\"");
        if (settings.gzip()) {
            m.contentEncoding("gzip");
        }
        if (at != null) {
            m.creationTime(at.toEpochMilli());
        }
        int dot = name.lastIndexOf('.');
        m.property("cfx-topic", dot > 0 ? name.substring(0, dot) : name);
        m.property("cfx-message", name);
        m.property("cfx-handle", settings.handle());
        return m;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closeQuietly(client, connection);
    }

    private static void closeQuietly(Client client, Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (RuntimeException ignored) {
            // the broker is gone: nothing to tell it
        }
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // same
        }
    }
}
