package io.benchline.db;

import java.time.Instant;

/** A stored batch as read back. */
public record BatchRow(long id, String name, String product, Instant createdAt) {}
