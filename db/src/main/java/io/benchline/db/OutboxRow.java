package io.benchline.db;

import java.time.Instant;

/** A message in the outbox, in the order it is to be sent ({@code id}). */
public record OutboxRow(long id, String uniqueId, String messageName, String subject, String body, Instant createdAt) {}
