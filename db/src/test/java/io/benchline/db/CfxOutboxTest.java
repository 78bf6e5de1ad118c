package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's housekeeping: sent messages pruned after their keep time, never unsent ones, fault messages, or another station's. */
class CfxOutboxTest {
    private static final String OCCURRED = "CFX.ResourcePerformance.FaultOccurred";
    private static final String CLEARED = "CFX.ResourcePerformance.FaultCleared";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    /** Where a test's database lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void onlySentMessagesPastTheirKeepTimeGo() {
        String me = "line1.prune-" + UUID.randomUUID();
        String other = "line1.other-" + UUID.randomUUID();
        try (Database db = Database.open(location("outbox"))) {
            Instant old = NOW.minus(Duration.ofDays(40));
            insert(db, me, "CFX.Production.WorkStarted", old, old, 4500);
            insert(db, me, OCCURRED, old, old);
            insert(db, me, CLEARED, old, old);
            insert(db, me, "CFX.Production.WorkCompleted", old, null);
            insert(db, me, "CFX.Production.TestAndInspection.UnitsTested", NOW.minus(Duration.ofDays(1)), NOW);
            insert(db, other, "CFX.Production.WorkStarted", old, old);

            long gone = db.cfxOutbox().pruneSent(me, NOW.minus(Duration.ofDays(30)), List.of(OCCURRED, CLEARED));

            assertEquals(4500, gone, "the old sent rows, in slices");
            List<String> left = db.cfxOutbox().all().stream()
                    .filter(r -> r.subject().startsWith(me) || r.subject().startsWith(other))
                    .map(r -> r.subject().substring(r.subject().indexOf(' ') + 1))
                    .toList();
            assertEquals(
                    List.of(
                            OCCURRED,
                            CLEARED,
                            "CFX.Production.WorkCompleted",
                            "CFX.Production.TestAndInspection.UnitsTested",
                            "CFX.Production.WorkStarted"),
                    left);
            assertEquals(2, db.cfxOutbox().named(me, List.of(OCCURRED, CLEARED)).size(), "fault messages kept");
            assertEquals(1, db.cfxOutbox().status().waiting() - waitingElsewhere(db, me), "the unsent one stays");
        }
    }

    private static long waitingElsewhere(Database db, String me) {
        return db.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT COUNT(*) FROM cfx_outbox WHERE sent_at IS NULL AND source <> :me")
                                .bind("me", me)
                                .mapTo(Long.class)
                                .one());
    }

    private static void insert(Database db, String source, String name, Instant created, Instant sent) {
        insert(db, source, name, created, sent, 1);
    }

    private static void insert(Database db, String source, String name, Instant created, Instant sent, int count) {
        db.jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO cfx_outbox (unique_id, source, message_name, subject, body, created_at, sent_at)
                    VALUES (:id, :source, :name, :subject, '{}', :created, :sent)""");
            for (int i = 0; i < count; i++) {
                batch.bind("id", UUID.randomUUID().toString())
                        .bind("source", source)
                        .bind("name", name)
                        .bind("subject", source + " " + name)
                        .bind("created", created)
                        .bind("sent", sent)
                        .add();
            }
            batch.execute();
        });
    }
}
