package io.benchline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.time.Duration;
import java.util.Optional;

/**
 * Connections to a line's central PostgreSQL, pooled: a connection the server dropped (a restart,
 * a network cut) is found dead when borrowed or when its query fails, and replaced; nothing waits
 * longer than the timeouts below for a server that is away.
 */
public final class CentralPool {
    /** How long a write or a read waits for a connection before it fails with a DatabaseException. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    /** Connections are renewed before any firewall or server timeout silently drops them. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    static final Duration KEEPALIVE = Duration.ofMinutes(1);
    static final int MAX_CONNECTIONS = 4;
    /** A query on a connection whose server went silent (network cut) fails after this, in seconds. */
    static final int SOCKET_TIMEOUT_SECONDS = 60;

    private CentralPool() {}

    /** A pool for the URL; it opens no connection yet (the schema check is the first to ask). */
    public static HikariDataSource open(String url, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchline-central");
        config.setJdbcUrl(url);
        password.filter(p -> !CentralUrl.hasPassword(url)).ifPresent(config::setPassword);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setMaxLifetime(MAX_LIFETIME.toMillis());
        config.setKeepaliveTime(KEEPALIVE.toMillis());
        config.setIdleTimeout(MAX_LIFETIME.toMillis() / 2);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        // the server being away when a command starts is reported by the schema check, not here
        config.setInitializationFailTimeout(-1);
        driverDefault(config, url, "connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        driverDefault(config, url, "socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        driverDefault(config, url, "tcpKeepAlive", "true");
        driverDefault(config, url, "ApplicationName", "benchline");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new DatabaseException(
                    "cannot open database " + CentralUrl.redact(url) + ": " + Database.rootMessage(e), e);
        }
    }

    private static void driverDefault(HikariConfig config, String url, String property, String value) {
        if (!CentralUrl.sets(url, property)) {
            config.addDataSourceProperty(property, value);
        }
    }
}
