package io.benchline.db;

import java.time.Instant;

/** A batch in the list of batches: its name, product, when it was created and how many runs it has. */
public record BatchSummary(String name, String product, Instant createdAt, long runs) {}
