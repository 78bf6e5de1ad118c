package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardTracesTest {
    private static final String UID = "0033002D3133510637363930";
    private static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");

    @TempDir
    Path dir;

    private static void run(Database db, String serial, int i, String uid) {
        Instant at = T0.plusSeconds(60L * i);
        long id = db.store()
                .begin(
                        new RunStart(
                                serial,
                                "B",
                                "F411",
                                "bench-1",
                                "alice",
                                "sim",
                                "plan",
                                "1",
                                "a".repeat(64),
                                null,
                                "test"),
                        at);
        db.store()
                .stepBindingUid(
                        id,
                        new StepRecord(
                                1,
                                "read-uid",
                                "read-uid",
                                at,
                                at,
                                Verdict.PASS,
                                null,
                                List.of(new MeasurementRecord("VDD", 3.3, "V", 3.135, 3.465, Verdict.PASS))),
                        uid);
        db.store().end(id, new RunEnd(Verdict.PASS, null, null, null), at.plusSeconds(5));
    }

    @Test
    void aUidOnTwoBoardsListsBothWithTheirRuns() {
        try (Database db = Database.open(dir.resolve("t").toString())) {
            run(db, "SN-A", 0, UID);
            run(db, "SN-A", 1, UID);
            run(db, "SN-B", 2, UID);
            BoardTrace t = new BoardTraces(db.trace()).find(UID.toLowerCase()).orElseThrow();
            assertTrue(t.byUid());
            assertEquals(List.of("SN-A", "SN-B"), t.serials());
            assertEquals(2, t.boards().get(0).runs().size());
            assertEquals(1, t.boards().get(1).runs().size());

            Map<String, Object> json = TraceJson.tree(t);
            assertEquals("uid", json.get("matched_by"));
            assertEquals(true, json.get("several_serials"));
            assertEquals(List.of("SN-A", "SN-B"), json.get("serials"));
            assertSnakeCase(json);

            BoardTrace bySerial = new BoardTraces(db.trace()).find("SN-B").orElseThrow();
            assertFalse(bySerial.byUid());
            assertEquals("serial", TraceJson.tree(bySerial).get("matched_by"));
            assertTrue(
                    new BoardTraces(db.trace()).find("000000000000000000000000").isEmpty());
            assertTrue(new BoardTraces(db.trace()).find("SN-C").isEmpty());
        }
    }

    private static void assertSnakeCase(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertTrue(e.getKey().toString().matches("[a-z0-9]+(_[a-z0-9]+)*"), "key " + e.getKey());
                assertSnakeCase(e.getValue());
            }
        } else if (node instanceof List<?> l) {
            l.forEach(BoardTracesTest::assertSnakeCase);
        }
    }
}
