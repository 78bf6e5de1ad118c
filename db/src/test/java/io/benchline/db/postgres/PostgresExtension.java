package io.benchline.db.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real PostgreSQL: {@code @RegisterExtension static final PostgresExtension PG = ...}.
 * {@link #shared()} starts one server for every class of the test run that asks for it (stopped when
 * the run ends); {@link #dedicated()} starts one for this class alone, stopped after its last test,
 * for tests that crash and restart the server.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private final boolean shared;
    private PostgresServer server;

    private PostgresExtension(boolean shared) {
        this.shared = shared;
    }

    public static PostgresExtension shared() {
        return new PostgresExtension(true);
    }

    public static PostgresExtension dedicated() {
        return new PostgresExtension(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = shared
                ? context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent("server", k -> PostgresServer.start(), PostgresServer.class)
                : PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!shared && server != null) {
            server.close();
        }
    }

    public PostgresServer server() {
        return server;
    }

    /** A new database brought to the current schema, as {@code benchline central migrate} does. */
    public String migratedDatabase() {
        String url = server.createDatabase();
        io.benchline.db.CentralSchema.migrate(url);
        return url;
    }

    /** A new, empty database on the server. */
    public String createDatabase() {
        return server.createDatabase();
    }
}
