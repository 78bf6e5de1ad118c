package io.benchline.db;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The central database's schema: the same Flyway migrations as a station's H2 file, but applied
 * only by {@code benchline central migrate}, by whoever runs the line's server. A station or a
 * report never migrates a shared server (several stations starting at once, each with its own
 * Benchline version, would race to change it); it checks the version and refuses one that is behind.
 */
public final class CentralSchema {
    private CentralSchema() {}

    /** What a migration did: the schema version before and after, and how many migrations ran. */
    public record Migration(String from, String to, int applied) {}

    /** Brings the central database at the URL up to this Benchline's schema (password as for any command). */
    public static Migration migrate(String url) {
        try (var pool = CentralPool.open(url, CentralCredentials.password(System.getenv()))) {
            return migrate(pool, url);
        }
    }

    static Migration migrate(DataSource dataSource, String url) {
        try {
            Flyway flyway = flyway(dataSource);
            String from = version(flyway.info());
            int applied = flyway.migrate().migrationsExecuted;
            return new Migration(from, version(flyway.info()), applied);
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate " + CentralUrl.redact(url) + ": " + Database.rootMessage(e), e);
        }
    }

    /** Refuses a server whose schema is behind this Benchline's migrations. */
    static void requireCurrent(DataSource dataSource, String url) {
        MigrationInfoService info;
        try {
            info = flyway(dataSource).info();
        } catch (FlywayException e) {
            throw new DatabaseException(
                    "cannot open database " + CentralUrl.redact(url) + ": " + Database.rootMessage(e), e);
        }
        if (info.pending().length > 0) {
            String needed = Arrays.stream(info.all())
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v != null)
                    .max(Comparable::compareTo)
                    .map(Object::toString)
                    .orElse("?");
            throw new DatabaseException(
                    "central database " + CentralUrl.redact(url) + " is at schema version " + version(info)
                            + ", this Benchline needs " + needed + ": run benchline central migrate --central URL",
                    null);
        }
    }

    /**
     * The migrations every database gets, and those of the central PostgreSQL alone: there the
     * tables are append-only and the stations' role is granted its rights (see
     * {@code db/migration-postgresql}). A station's H2 file never sees the second location.
     */
    static final String[] LOCATIONS = {"classpath:" + Migrations.LOCATION, "classpath:db/migration-postgresql"};

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .loggers("slf4j")
                .load();
    }

    private static String version(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null || current.getVersion() == null
                ? "none"
                : current.getVersion().toString();
    }
}
