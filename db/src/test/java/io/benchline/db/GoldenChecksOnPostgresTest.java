package io.benchline.db;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GoldenChecksTest} on a real PostgreSQL. */
class GoldenChecksOnPostgresTest extends GoldenChecksTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location(String name) {
        return PG.migratedDatabase();
    }
}
