package io.benchline.db;

/** The database could not be opened or written: one line naming the database and the cause. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
