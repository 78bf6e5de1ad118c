package io.benchline.station.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * A line's consumer as the tests play it: an AMQP 1.0 receiver on the broker's durable queue bound
 * to the CFX exchange, decoding each message as a CFX consumer would (gzip, then the envelope).
 */
final class CfxConsumer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as received: AMQP subject and message id, content encoding, the envelope, when it arrived. */
    record Received(String subject, String messageId, String encoding, JsonNode envelope, long arrivedNanos) {
        String name() {
            return envelope.get("MessageName").asText();
        }

        String uniqueId() {
            return envelope.get("UniqueID").asText();
        }
    }

    private final Client client;
    private final Connection connection;
    private final Receiver receiver;
    private final List<Received> received = new ArrayList<>();

    private CfxConsumer(Client client, Connection connection, Receiver receiver) {
        this.client = client;
        this.connection = connection;
        this.receiver = receiver;
    }

    static CfxConsumer open(RabbitBroker broker) throws ClientException {
        Client client = Client.create();
        ConnectionOptions options = new ConnectionOptions()
                .virtualHost("vhost:" + RabbitBroker.VHOST)
                .user(RabbitBroker.USER)
                .password(RabbitBroker.PASSWORD)
                .openTimeout(10_000)
                .requestTimeout(10_000)
                .reconnectEnabled(false);
        options.saslOptions().addAllowedMechanism("PLAIN");
        Connection connection = client.connect("127.0.0.1", broker.port(), options);
        Receiver receiver = connection.openReceiver(
                "/amq/queue/" + RabbitBroker.QUEUE,
                new ReceiverOptions().creditWindow(500).autoAccept(false));
        return new CfxConsumer(client, connection, receiver);
    }

    /** Receives until {@code count} messages in all arrived or the deadline passed; returns all received so far. */
    List<Received> awaitCount(int count, Duration within) throws ClientException {
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Delivery d = receiver.receive(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
            if (d != null) {
                received.add(decode(d));
            }
        }
        return List.copyOf(received);
    }

    /** Receives until a message that {@code wanted} accepts arrives (returned), or fails the test after {@code within}. */
    Received awaitFirst(Predicate<Received> wanted, String what, Duration within) throws ClientException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + within + "; received "
                        + received.stream().map(Received::name).toList());
            }
            Delivery d = receiver.receive(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
            if (d != null) {
                Received r = decode(d);
                received.add(r);
                if (wanted.test(r)) {
                    return r;
                }
            }
        }
    }

    /** Whatever else arrives within {@code quiet} of the last message. */
    List<Received> drain(Duration quiet) throws ClientException {
        while (true) {
            Delivery d = receiver.receive(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (d == null) {
                return List.copyOf(received);
            }
            received.add(decode(d));
        }
    }

    private static Received decode(Delivery d) throws ClientException {
        long at = System.nanoTime();
        Message<byte[]> m = d.message();
        byte[] body = m.body();
        if ("gzip".equals(m.contentEncoding())) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        d.accept();
        try {
            JsonNode env = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return new Received(m.subject(), String.valueOf(m.messageId()), m.contentEncoding(), env, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.close();
        }
    }
}
