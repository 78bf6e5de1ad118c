package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Benchmark data made by PostgreSQL itself reads back like stored runs. */
class CentralBulkLoadTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Test
    void aBatchMadeOnTheServerIsWhatTheStoreWouldHaveStored() {
        try (Database db = Database.open(PG.migratedDatabase())) {
            try (CentralBulkLoad load = db.centralBulkLoad()) {
                CentralBulkLoad.Loaded lot = load.batch("LOT01", 2000, Instant.parse("2026-01-05T06:00:00Z"));
                load.batch("LOT02", 500, Instant.parse("2026-01-06T06:00:00Z"));
                assertEquals(2000, lot.boards());
                assertTrue(lot.runs() > 2050 && lot.runs() < 2200, "about 5 % retests: " + lot);
                load.analyze();
            }
            List<RunDetail> trace = db.trace().board("SN-LOT02-0000500");
            RunDetail last = trace.get(0);
            assertEquals(Verdict.PASS, last.run().verdict());
            assertEquals("LOT02", last.run().batch());
            assertEquals(10, last.steps().size());
            assertEquals(
                    25,
                    last.steps().stream().mapToInt(s -> s.measurements().size()).sum());
            long batch = db.batches().batch("LOT01").orElseThrow().id();
            BatchRuns runs = db.batches().read(batch);
            long fails = runs.runs().stream()
                    .filter(r -> r.verdict() == Verdict.FAIL)
                    .count();
            assertTrue(fails > 40 && fails < 130, fails + " FAIL runs");
            assertTrue(runs.runs().stream()
                    .filter(r -> r.verdict() == Verdict.FAIL)
                    .allMatch(r -> "VDD".equals(r.firstFailingMeasurement())));
            long tallied = db.batches().tallies(batch).stream()
                    .mapToLong(MeasurementTally::n)
                    .sum();
            long expected = 25L * 2000 + 5 * fails + 13 * (runs.runs().size() - 2000 - fails);
            assertEquals(expected, tallied);
            // the sequences were moved past the loaded ids: the store still writes
            long id = db.store().begin(LineQueriesTest.at("prog-1", "SN-NEW"), Instant.now());
            assertTrue(id > runs.runs().get(runs.runs().size() - 1).runId());
        }
    }
}
