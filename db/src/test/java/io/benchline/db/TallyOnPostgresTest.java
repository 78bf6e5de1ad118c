package io.benchline.db;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TallyTest} on a real PostgreSQL: the store's binning and the V2 migration's SQL agree there too. */
class TallyOnPostgresTest extends TallyTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location(String name) {
        return PG.migratedDatabase();
    }
}
