package io.benchline.db;

import io.benchline.db.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CfxOutboxTest} on a real PostgreSQL: the prune's slices are portable SQL. */
class CfxOutboxOnPostgresTest extends CfxOutboxTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Override
    String location(String name) {
        return PG.migratedDatabase();
    }
}
