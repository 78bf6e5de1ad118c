package io.benchline.station.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The backlog in the operator's words: nothing, a quiet line, a warning once old. */
class BacklogTest {
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Duration PATIENCE = Duration.ofMinutes(10);

    @Test
    void nothingWaitingSaysNothing() {
        Backlog b = Backlog.of(new SyncStatus(0, null, NOW, null, null), NOW, PATIENCE);
        assertNull(b.message());
        assertFalse(b.warn());
    }

    @Test
    void aYoungBacklogIsAQuietLine() {
        Backlog b = Backlog.of(
                new SyncStatus(42, NOW.minusSeconds(300), null, "refused", NOW.minusSeconds(5)), NOW, PATIENCE);
        assertEquals("42 runs waiting for the line database", b.message());
        assertFalse(b.warn());
        assertEquals(
                "1 run waiting for the line database",
                Backlog.of(new SyncStatus(1, NOW, null, null, null), NOW, PATIENCE)
                        .message());
    }

    @Test
    void anOldBacklogWarnsWithItsAgeAndTheLastError() {
        Backlog b = Backlog.of(
                new SyncStatus(
                        42,
                        NOW.minus(Duration.ofMinutes(14)),
                        null,
                        "central database unreachable",
                        NOW.minusSeconds(3)),
                NOW,
                PATIENCE);
        assertTrue(b.warn());
        assertTrue(
                b.message().startsWith("42 runs waiting for the line database, the oldest for 14 min."), b.message());
        assertTrue(b.message().contains("Testing goes on and nothing is lost"), b.message());
        assertTrue(b.message().endsWith(": central database unreachable"), b.message());
    }
}
