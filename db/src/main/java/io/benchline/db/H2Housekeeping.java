package io.benchline.db;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps a station's H2 file near its data size while it runs, without H2's background writer, and
 * makes a file reopened after a kill -9 start from the last commit.
 * <p>
 * With WRITE_DELAY=0 each commit appends a chunk holding the B-tree pages it changed. A chunk is
 * reused once none of its pages is live any more, but a page that is not changed again (a leaf
 * that filled up and split, say) keeps its whole chunk alive: without housekeeping the file grows
 * by about 220 KB per board. H2's own housekeeping runs in its background writer, which comes with
 * WRITE_DELAY above 0, and then a commit is acknowledged before it is written.
 * <p>
 * So the store does the same rewrite itself, in the writing thread, between runs:
 * {@link MVStore#compact(int, int)} copies the live pages of the sparsest old chunks into the
 * current version, and the store commit that follows writes them as one more ordinary chunk. No
 * chunk is moved (as {@code MVStore.compactFile} does); the emptied chunks are freed and their
 * space reused by H2's ordinary rules, after its retention time (see {@link DatabaseUrl}).
 * <p>
 * Only the process that owns the file can do this; a connection served by another process
 * (AUTO_SERVER) leaves it to that process.
 */
final class H2Housekeeping {
    /** Chunks below this fill rate (percent of live bytes) are rewritten. */
    static final int TARGET_FILL_RATE = Integer.getInteger("benchline.h2.targetFillRate", 80);
    /** At most this many live bytes are copied per round, to bound the time a verdict waits. */
    static final int WRITE_LIMIT = 1 << 20;

    private final MVStore store;
    private final int every;
    private final Method writeStoreHeader;
    private int verdicts;

    private H2Housekeeping(MVStore store, int every, Method writeStoreHeader) {
        this.store = store;
        this.every = every;
        this.writeStoreHeader = writeStoreHeader;
    }

    static H2Housekeeping of(Connection c, int every) {
        try {
            if (c.isWrapperFor(JdbcConnection.class)
                    && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    && local.getDatabase().getStore() != null) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                if (store.getFileStore() instanceof RandomAccessStore && !store.isReadOnly()) {
                    Method header = RandomAccessStore.class.getDeclaredMethod("writeStoreHeader");
                    header.setAccessible(true);
                    return new H2Housekeeping(store, every, header);
                }
            }
        } catch (SQLException | ReflectiveOperationException e) {
            // not an embedded H2 connection, or another H2 version: nothing to keep
        }
        return null;
    }

    /** Called after each commit of the store (whether or not the rewrite rounds are on). */
    void afterCommit() {
        pointHeaderAtLastChunk();
    }

    /** Called after each committed verdict, before it is synced; does a round every so many. */
    void afterVerdict() {
        if (every > 0
                && ++verdicts % every == 0
                && store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE
                && store.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
            store.commit();
            pointHeaderAtLastChunk();
        }
    }

    /**
     * Measured: once H2 reuses the space of emptied chunks, a kill -9 right after a commit could
     * reopen the file at the commit before it (1 of 4 trials at a 3 s retention time with no
     * rewriting, 3 of 4 at 1 s), its store header still pointing at an older chunk from which
     * the newest was not found. Writing the header (one block, no fsync) after each commit makes
     * that commit's chunk the one a reopened file starts from.
     */
    private void pointHeaderAtLastChunk() {
        FileStore<?> fileStore = store.getFileStore();
        fileStore.executeFileStoreOperation(() -> {
            try {
                writeStoreHeader.invoke(fileStore);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot write the H2 store header", e);
            }
        });
    }
}
