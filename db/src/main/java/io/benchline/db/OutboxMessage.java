package io.benchline.db;

/**
 * One message for the line's broker, as the outbox stores it: its unique id (sent again, it
 * carries the same), its name, the subject it is published with, and its body (JSON text).
 */
public record OutboxMessage(String uniqueId, String messageName, String subject, String body) {}
