package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.benchline.db.postgres.PostgresExtension;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every store round trip of {@link ResultStoreTest}, on a real PostgreSQL (a line's central database). */
class ResultStoreOnPostgresTest extends ResultStoreTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    private final Map<String, String> urls = new HashMap<>();

    @Override
    String location(String name) {
        return urls.computeIfAbsent(name, n -> PG.migratedDatabase());
    }

    /** On a shared server a read-only command (no station) closes nothing, and a station only its own runs. */
    @Override
    @Test
    void aLiveStationsOpenRunIsNotAbortedByAnotherProcessOpeningTheFile() {
        String url = location("shared");
        try (Database station = Database.open(url)) {
            long live = station.store().begin(Samples.start("SN-LIVE", "B"), Instant.now());
            try (Database reader = Database.open(url)) {
                assertEquals(0, reader.recoverInterruptedRuns(null));
                assertEquals(0, reader.recoverInterruptedRuns("bench-2"), "another station's run is not its to close");
                assertNull(reader.trace().run(live).orElseThrow().run().verdict());
            }
        }
    }
}
