package io.benchline.db;

import java.time.Instant;

/**
 * The outbox as {@code benchline cfx status} shows it: messages waiting and since when, messages
 * sent and when last, and the last error the publisher met (null once a send succeeded again).
 */
public record OutboxStatus(
        long waiting, Instant oldestWaiting, long sent, Instant lastSentAt, String lastError, Instant lastErrorAt) {}
