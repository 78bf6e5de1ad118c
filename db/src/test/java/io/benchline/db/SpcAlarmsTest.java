package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control-chart alarms and acknowledgements as stored (migration V10), and the runs a chart is rebuilt from. */
class SpcAlarmsTest {
    private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path dir;

    String location(String name) {
        return dir.resolve(name).toString();
    }

    private static SpcFiring firing(String measurement, int second, double reading, String... rules) {
        return new SpcFiring(
                "bench-1",
                "stm32f411-board",
                measurement,
                "V",
                "LOT-1",
                1.26,
                0.0013,
                T.plusSeconds(second),
                "SN-" + second,
                reading,
                List.of(rules));
    }

    @Test
    void oneOpenAlarmPerChartUntilItIsAcknowledgedAndBothSurviveAReopen() {
        String url = location("results");
        String first;
        try (Database db = Database.open(url)) {
            SpcAlarms alarms = db.spcAlarms();
            SpcAlarm a = alarms.raise(firing("VCAP1", 1, 1.266, "beyond-3-sigma"));
            first = a.id();
            assertEquals(1, a.points());
            SpcAlarm b = alarms.raise(firing("VCAP1", 2, 1.27, "beyond-3-sigma", "2-of-3-beyond-2-sigma"));
            SpcAlarm c = alarms.raise(firing("VCAP1", 3, 1.275, "6-rising"));
            assertEquals(first, b.id(), "a firing while the alarm is open adds to it");
            assertEquals(first, c.id());
            assertEquals(3, c.points());
            assertEquals(List.of("beyond-3-sigma", "2-of-3-beyond-2-sigma", "6-rising"), c.rules());
            assertEquals(List.of("6-rising"), c.lastRules());
            assertEquals("SN-3", c.lastSerial());
            assertEquals(1.275, c.lastReading());
            assertEquals("SN-1", c.firstSerial());
            assertEquals(T.plusSeconds(1), c.openedAt());
            SpcAlarm other = alarms.raise(firing("VDD", 4, 3.31, "beyond-3-sigma"));
            assertNotEquals(first, other.id(), "another measurement is another chart");
            assertEquals(2, alarms.open("bench-1").size());
            assertEquals(List.of(), alarms.open("bench-2"));
        }
        try (Database db = Database.open(url)) {
            SpcAlarms alarms = db.spcAlarms();
            SpcAlarm acked = alarms.acknowledge(first, "olga", "regulator lot changed", T.plusSeconds(60))
                    .orElseThrow();
            assertFalse(acked.open());
            assertEquals("olga", acked.ack().operator());
            assertEquals("regulator lot changed", acked.ack().comment());
            SpcAlarm again = alarms.acknowledge(first, "someone", null, T.plusSeconds(70))
                    .orElseThrow();
            assertEquals("olga", again.ack().operator(), "the first acknowledgement stays");
            assertTrue(alarms.acknowledge("no-such-alarm", "olga", null, T).isEmpty());
            SpcAlarm next = alarms.raise(firing("VCAP1", 80, 1.28, "8-on-one-side"));
            assertNotEquals(first, next.id(), "after an acknowledgement a firing opens a new alarm");
            assertEquals(1, next.points());
        }
        try (Database db = Database.open(url)) {
            List<SpcAlarm> recent = db.spcAlarms().recent("bench-1", 10);
            assertEquals(3, recent.size());
            SpcAlarm old = db.spcAlarms().alarm(first).orElseThrow();
            assertEquals(T.plusSeconds(60), old.ack().at());
            assertEquals(2, db.spcAlarms().open("bench-1").size());
            assertEquals(2, db.spcAlarms().openOnLine().size());
        }
    }

    @Test
    void chartRunsAreTheFirstAndTheLastClosedRunsOfTheBatchWithTheirReadings() {
        try (Database db = Database.open(location("runs"))) {
            ResultStore store = db.store();
            long lastId = 0;
            for (int i = 0; i < 12; i++) {
                Instant t = T.plusSeconds(i * 10L);
                long id = store.begin(Samples.start("SN-" + i, "LOT-1"), t);
                boolean bad = i == 3;
                Verdict v = bad ? Verdict.FAIL : Verdict.PASS;
                store.step(id, Samples.vddStep(1, bad ? 2.0 : 3.3 + i / 1000.0, v));
                store.end(id, new RunEnd(v, bad ? "VDD" : null, null, null), t.plusSeconds(1));
                lastId = id;
            }
            long open = store.begin(Samples.start("SN-open", "LOT-1"), T.plusSeconds(500));
            ChartRuns all = db.charts().runs("LOT-1", "bench-1", "stm32f411-board", Long.MAX_VALUE, 20, 5);
            assertEquals(12, all.head().size(), "the open run is not on a chart");
            assertTrue(all.tail().isEmpty());
            assertFalse(all.gap());
            ChartRun failed = all.head().get(3);
            assertFalse(failed.inProcess(), "failed at a rail");
            assertTrue(all.head().get(4).inProcess());
            assertEquals(3.304, all.head().get(4).readings().get(0).value(), 1e-9);
            assertEquals("VDD", all.head().get(4).readings().get(0).name());

            ChartRuns bounded = db.charts().runs("LOT-1", "bench-1", null, lastId, 4, 3);
            assertEquals(4, bounded.head().size());
            assertTrue(bounded.gap());
            assertEquals(
                    List.of("SN-8", "SN-9", "SN-10"),
                    bounded.tail().stream().map(ChartRun::serial).toList());
            assertTrue(open > lastId);
            assertTrue(db.charts()
                    .runs("LOT-1", "bench-2", null, Long.MAX_VALUE, 4, 3)
                    .head()
                    .isEmpty());
        }
    }
}
