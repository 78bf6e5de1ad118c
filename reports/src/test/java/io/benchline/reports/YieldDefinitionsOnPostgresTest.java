package io.benchline.reports;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link YieldDefinitionsTest} on a real PostgreSQL: a line's reports read the central database. */
class YieldDefinitionsOnPostgresTest extends YieldDefinitionsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location(String name) {
        return PG.migratedDatabase();
    }
}
