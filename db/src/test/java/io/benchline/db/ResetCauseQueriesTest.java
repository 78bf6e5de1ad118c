package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset_cause view (V9): each flag of each read a column, "which runs saw a BOR during the test" one query. */
class ResetCauseQueriesTest {
    private static final String[] FLAGS = {
        "PORRSTF", "PINRSTF", "BORRSTF", "SFTRSTF", "IWDGRSTF", "WWDGRSTF", "LPWRRSTF"
    };

    @TempDir
    Path dir;

    String location(String name) {
        return dir.resolve(name).toString();
    }

    /** A reset-cause step as the station stores it: the raw RCC_CSR and each flag 0 or 1, named "PHASE FLAG". */
    static StepRecord read(int seq, String phase, long raw) {
        Instant t = Instant.parse("2026-12-02T08:00:00Z").plusSeconds(seq);
        List<MeasurementRecord> ms = new ArrayList<>();
        ms.add(new MeasurementRecord(phase + " RCC_CSR", (double) raw, "", null, null, Verdict.PASS));
        int[] bits = {27, 26, 25, 28, 29, 30, 31};
        for (int i = 0; i < FLAGS.length; i++) {
            double v = (raw >>> bits[i] & 1) == 1 ? 1 : 0;
            ms.add(new MeasurementRecord(phase + " " + FLAGS[i], v, "", null, null, Verdict.PASS));
        }
        return new StepRecord(seq, "reset-" + phase, "reset-cause", t, t.plusMillis(5), Verdict.PASS, null, ms);
    }

    @Test
    void eachFlagOfEachReadIsAColumn() {
        try (Database db = Database.open(location("results"))) {
            ResultStore store = db.store();
            Instant t = Instant.parse("2026-12-02T08:00:00Z");
            long good = store.begin(Samples.start("SN-1", "B"), t);
            store.step(good, read(1, "power-on", 0x0E00_0000L));
            store.step(good, read(2, "end", 0x1400_0000L));
            store.step(good, Samples.vddStep(3, 3.3, Verdict.PASS));
            long sagged = store.begin(Samples.start("SN-2", "B"), t.plusSeconds(10));
            store.step(sagged, read(1, "power-on", 0x0E00_0000L));
            store.step(sagged, read(2, "end", 0x1600_0000L));
            long glitched = store.begin(Samples.start("SN-3", "B"), t.plusSeconds(20));
            store.step(glitched, read(1, "power-on", 0x0E00_0000L));
            store.step(glitched, read(2, "end", 0x1400_0000L));
            store.step(glitched, read(3, "watch", 0x0400_0000L));

            assertEquals(
                    List.of(
                            new ResetCauseRow(good, "power-on", 1, 1, 1, 0, 0, 0, 0, 0x0E00_0000L),
                            new ResetCauseRow(good, "end", 0, 1, 0, 1, 0, 0, 0, 0x1400_0000L)),
                    db.resetCauses().ofRun(good));
            assertEquals(List.of(sagged), db.resetCauses().runsWith("bor", "end"), "brown-out during the test");
            assertEquals(List.of(good, sagged, glitched), db.resetCauses().runsWith("por", "power-on"));
            assertEquals(List.of(glitched), db.resetCauses().runsWith("pin", "watch"));
            assertThrows(IllegalArgumentException.class, () -> db.resetCauses().runsWith("bor; DROP TABLE run", "end"));
        }
    }
}
