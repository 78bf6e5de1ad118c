package io.benchline.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads what the line page shows, across every station of a central database: each station's last
 * heartbeat, runs and first passes by station and hour, and the failure Pareto since a time. A
 * database that cannot answer fails as one-line {@link DatabaseException}.
 */
public final class LineQueries {
    private final Jdbi jdbi;
    private final String url;

    LineQueries(Jdbi jdbi, String url) {
        this.jdbi = jdbi;
        this.url = url;
    }

    /** Every station that sent a heartbeat, by name. */
    public List<StationStatusRow> stations() {
        return read(LineDao::stations);
    }

    /** Runs started at or after {@code since}, by station and UTC hour, oldest hour first. */
    public List<LineCount> counts(Instant since) {
        return read(dao -> dao.counts(utc(since)));
    }

    /** FAIL runs started at or after {@code since} by failed step and hint, most frequent first. */
    public List<LineFailure> failures(Instant since) {
        return read(dao -> dao.failures(utc(since)));
    }

    /** Every station's open control-chart alarms, by station, the most recently fired first. */
    public List<SpcAlarm> openAlarms() {
        try {
            return new SpcAlarms(jdbi).openOnLine();
        } catch (JdbiException e) {
            throw new DatabaseException(
                    "reading the line's alarms from " + CentralUrl.redact(url) + ": " + Database.rootMessage(e), e);
        }
    }

    private <T> T read(Function<LineDao, T> query) {
        try {
            return jdbi.withExtension(LineDao.class, query::apply);
        } catch (JdbiException e) {
            throw new DatabaseException(
                    "reading the line from " + CentralUrl.redact(url) + ": " + Database.rootMessage(e), e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
