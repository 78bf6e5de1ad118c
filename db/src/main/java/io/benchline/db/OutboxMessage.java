package io.benchline.db;

/**
 * One message for the line's broker, as the outbox stores it: its unique id (sent again, it
 * carries the same), the station that sends it (its CFX handle), its name, the subject it is
 * published with, and its body (JSON text).
 */
public record OutboxMessage(String uniqueId, String source, String messageName, String subject, String body) {}
