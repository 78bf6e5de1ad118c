package io.benchline.db;

import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The store's transactions on the central database: each on a connection borrowed from the pool
 * for that transaction alone, so a connection the server dropped is never reused. A server that
 * is away fails the transaction within the pool's timeout, as a DatabaseException.
 */
final class CentralTransactions implements ResultStore.Transactions {
    private final Jdbi jdbi;
    private final String url;

    CentralTransactions(Jdbi jdbi, String url) {
        this.jdbi = jdbi;
        this.url = url;
    }

    @Override
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
        try {
            return jdbi.inTransaction(callback);
        } catch (ConnectionException e) {
            throw unreachable(e);
        } catch (JdbiException e) {
            if (connectionLost(e)) {
                throw unreachable(e);
            }
            throw e;
        }
    }

    private DatabaseException unreachable(Exception e) {
        return CentralConnections.unreachable(url, e);
    }

    /** SQLState class 08: the connection failed or was lost (the outcome of a lost commit is unknown). */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
