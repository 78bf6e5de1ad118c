package io.benchline.db;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LineQueriesTest} on a real PostgreSQL. */
class LineQueriesOnPostgresTest extends LineQueriesTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location() {
        return PG.migratedDatabase();
    }
}
