package io.benchline.db;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SpcAlarmsTest} on a real PostgreSQL: the V10 migration and its queries there. */
class SpcAlarmsOnPostgresTest extends SpcAlarmsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location(String name) {
        return PG.migratedDatabase();
    }
}
