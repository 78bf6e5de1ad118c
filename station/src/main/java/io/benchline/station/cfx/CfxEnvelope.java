package io.benchline.station.cfx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchline.db.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The CFX 2.1 envelope around a message body, as the IPC-CFX SDK writes it: {@code MessageName},
 * {@code Version}, {@code TimeStamp}, {@code UniqueID}, {@code Source} (the station's handle),
 * {@code Target}, {@code RequestID}, and {@code MessageBody} led by its {@code $type} (the SDK's
 * serializer names the body's .NET type, "CFX.Production.WorkStarted, CFX").
 */
final class CfxEnvelope {
    static final String VERSION = "2.1";
    static final ObjectMapper JSON = new ObjectMapper();

    /** .NET's round-trip format, as Newtonsoft writes a DateTime with its offset. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    private CfxEnvelope() {}

    /** A new message body, its {@code $type} first. */
    static ObjectNode body(String messageName) {
        ObjectNode body = JSON.createObjectNode();
        body.put("$type", messageName + ", CFX");
        return body;
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    /** A UUID that the same inputs always give: a message written again (a retried transaction) is the same message. */
    static UUID stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }

    static OutboxMessage wrap(CfxSettings settings, String messageName, UUID uniqueId, Instant at, ObjectNode body) {
        ObjectNode env = JSON.createObjectNode();
        env.put("MessageName", messageName);
        env.put("Version", VERSION);
        env.put("TimeStamp", time(at));
        env.put("UniqueID", uniqueId.toString());
        env.put("Source", settings.handle());
        env.putNull("Target");
        env.putNull("RequestID");
        env.set("MessageBody", body);
        try {
            return new OutboxMessage(
                    uniqueId.toString(),
                    settings.handle(),
                    messageName,
                    settings.subject(messageName),
                    JSON.writeValueAsString(env));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CFX envelope", e);
        }
    }
}
