package io.benchline.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The publisher's side of the CFX outbox (the station's side is {@link ResultStore}): the waiting
 * messages in order, marking them sent, and what the publisher last saw of the broker. Each call
 * is its own short transaction on its own connection, never the store's.
 */
public final class CfxOutbox {
    private final Jdbi jdbi;

    CfxOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A station's oldest waiting messages (by its handle), at most {@code limit}, in the order they were written. */
    public List<OutboxRow> waiting(String source, int limit) {
        return jdbi.withHandle(h -> h.createQuery(OutboxSql.WAITING)
                .bind("source", source)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** A station's messages of the given names, sent or not, in the order they were written. */
    public List<OutboxRow> named(String source, List<String> names) {
        return jdbi.withHandle(h -> h.createQuery(OutboxSql.NAMED)
                .bind("source", source)
                .bindList("names", names)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** Every message ever written, sent or not, in order (for tests and the benchmark). */
    public List<OutboxRow> all() {
        return jdbi.withHandle(
                h -> h.createQuery(OutboxSql.ALL).map((rs, ctx) -> row(rs)).list());
    }

    /** Marks messages the broker accepted as sent, and notes when, in one transaction. */
    public void markSent(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch(OutboxSql.MARK_SENT);
            for (long id : ids) {
                batch.bind("at", at).bind("id", id).add();
            }
            batch.execute();
            h.createUpdate(OutboxSql.PUBLISHER_SENT).bind("at", at).execute();
        });
    }

    /**
     * Deletes a station's messages sent before {@code before}, except those named in {@code keep}
     * (the few a station reads back at start), in slices of 2000 rows, each its own transaction.
     * Returns how many rows went.
     */
    public long pruneSent(String source, Instant before, List<String> keep) {
        long total = 0;
        while (true) {
            int n = jdbi.inTransaction(h -> {
                Long upto = h.createQuery(OutboxSql.PRUNE_SLICE_END)
                        .bind("source", source)
                        .bind("before", before)
                        .bindList("keep", keep)
                        .mapTo(Long.class)
                        .one();
                if (upto == null) {
                    return 0;
                }
                return h.createUpdate(OutboxSql.PRUNE_SENT)
                        .bind("source", source)
                        .bind("before", before)
                        .bindList("keep", keep)
                        .bind("upto", upto)
                        .execute();
            });
            total += n;
            if (n == 0) {
                return total;
            }
        }
    }

    /** Notes the publisher's last failure (shown until a send succeeds again). */
    public void recordError(String error, Instant at) {
        String shortened = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useHandle(h -> h.createUpdate(OutboxSql.PUBLISHER_ERROR)
                .bind("error", shortened)
                .bind("at", at)
                .execute());
    }

    public OutboxStatus status() {
        return jdbi.withHandle(h -> {
            long[] waiting = new long[1];
            Instant[] oldest = new Instant[1];
            h.createQuery(OutboxSql.COUNTS)
                    .map((rs, ctx) -> {
                        waiting[0] = rs.getLong(1);
                        oldest[0] = Rows.instant(rs, "oldest");
                        return 0;
                    })
                    .one();
            long[] sent = new long[1];
            Instant[] lastSent = new Instant[1];
            h.createQuery(OutboxSql.SENT_COUNT)
                    .map((rs, ctx) -> {
                        sent[0] = rs.getLong(1);
                        lastSent[0] = Rows.instant(rs, "latest");
                        return 0;
                    })
                    .one();
            return h.createQuery(OutboxSql.PUBLISHER)
                    .map((rs, ctx) -> new OutboxStatus(
                            waiting[0],
                            oldest[0],
                            sent[0],
                            lastSent[0],
                            rs.getString("last_error"),
                            Rows.instant(rs, "last_error_at")))
                    .findOne()
                    .orElse(new OutboxStatus(waiting[0], oldest[0], sent[0], lastSent[0], null, null));
        });
    }

    private static OutboxRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OutboxRow(
                rs.getLong("id"),
                rs.getString("unique_id"),
                rs.getString("message_name"),
                rs.getString("subject"),
                rs.getString("body"),
                Rows.instant(rs, "created_at"));
    }
}
