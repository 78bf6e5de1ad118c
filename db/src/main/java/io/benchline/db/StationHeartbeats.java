package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Each station's last word about itself in the central database (table {@code station_status}). */
public final class StationHeartbeats {
    private static final String UPDATE = "UPDATE station_status SET state = :state, batch = :batch, plan_name = :plan,"
            + " software_version = :version, backlog = :backlog, oldest_waiting = :oldest, last_seen = :at"
            + " WHERE name = :name";
    private static final String INSERT = "INSERT INTO station_status"
            + " (name, state, batch, plan_name, software_version, backlog, oldest_waiting, last_seen)"
            + " VALUES (:name, :state, :batch, :plan, :version, :backlog, :oldest, :at)";

    private final Jdbi jdbi;

    StationHeartbeats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records what the station says now: its state, its backlog and when it was heard from. */
    public void beat(StationState state, long backlog, Instant oldestWaiting, Instant at) {
        jdbi.useTransaction(h -> {
            var bind =
                    (java.util.function.Function<String, org.jdbi.v3.core.statement.Update>) sql -> h.createUpdate(sql)
                            .bind("name", state.station())
                            .bind("state", state.state())
                            .bind("batch", state.batch())
                            .bind("plan", state.plan())
                            .bind("version", state.softwareVersion())
                            .bind("backlog", backlog)
                            .bind("oldest", oldestWaiting == null ? null : Timestamp.from(oldestWaiting))
                            .bind("at", Timestamp.from(at));
            if (bind.apply(UPDATE).execute() == 0) {
                bind.apply(INSERT).execute();
            }
        });
    }
}
