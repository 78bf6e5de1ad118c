package io.benchline.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What control charts are built from: a batch's closed runs (PASS, FAIL, ERROR) with their judged
 * readings, bounded to the first and the last runs so a long batch reads in the same time as a short one.
 */
public final class ChartQueries {
    private final Jdbi jdbi;

    ChartQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The batch's first first and last last closed runs before run id before, optionally only a
     * station's (null: every station) under a plan (null: any).
     */
    public ChartRuns runs(String batch, String station, String plan, long before, int first, int last) {
        return jdbi.withHandle(h -> {
            List<Long> head = ids(h, batch, station, plan, before, first, "ASC");
            List<Long> tail = new ArrayList<>(ids(h, batch, station, plan, before, last, "DESC"));
            Collections.reverse(tail);
            Set<Long> inHead = new HashSet<>(head);
            boolean touching = head.size() < first || tail.stream().anyMatch(inHead::contains);
            tail.removeIf(inHead::contains);
            return new ChartRuns(read(h, head), !touching && !tail.isEmpty(), read(h, tail));
        });
    }

    /** The runs of the given ids, head then tail, with their readings: when the caller already knows the batch's runs. */
    public ChartRuns runs(List<Long> head, boolean gap, List<Long> tail) {
        return jdbi.withHandle(h -> new ChartRuns(read(h, head), gap, read(h, tail)));
    }

    private static List<Long> ids(
            Handle h, String batch, String station, String plan, long before, int limit, String order) {
        if (limit <= 0) {
            return List.of();
        }
        var q = h.createQuery("SELECT r.id FROM run r JOIN batch ba ON ba.id = r.batch_id WHERE ba.name = :batch"
                        + " AND r.verdict IN ('PASS', 'FAIL', 'ERROR') AND r.id < :before"
                        + (station == null ? "" : " AND r.station = :station")
                        + (plan == null ? "" : " AND r.plan_name = :plan")
                        + " ORDER BY r.id " + order)
                .bind("batch", batch)
                .bind("before", before);
        if (station != null) {
            q.bind("station", station);
        }
        if (plan != null) {
            q.bind("plan", plan);
        }
        return q.setMaxRows(limit).mapTo(Long.class).list();
    }

    private static List<ChartRun> read(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChartRun.Reading>> readings = new LinkedHashMap<>();
        h.createQuery("SELECT run_id, name, unit, low, high, reading FROM measurement WHERE run_id IN (<ids>)"
                        + " AND reading IS NOT NULL AND verdict IN ('PASS', 'FAIL') ORDER BY run_id, id")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    readings.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>())
                            .add(new ChartRun.Reading(
                                    rs.getString("name"),
                                    rs.getString("unit"),
                                    Rows.nullableDouble(rs, "low"),
                                    Rows.nullableDouble(rs, "high"),
                                    rs.getDouble("reading")));
                    return 0;
                })
                .list();
        Map<Long, ChartRun> byId = new HashMap<>();
        h.createQuery("SELECT r.id, b.serial, r.ended_at, r.verdict, s.kind AS failed_kind FROM run r"
                        + " JOIN board b ON b.id = r.board_id"
                        + " LEFT JOIN step s ON s.run_id = r.id AND s.name = r.failed_step"
                        + " WHERE r.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new ChartRun(
                        rs.getLong("id"),
                        rs.getString("serial"),
                        Rows.instant(rs, "ended_at"),
                        Rows.verdict(rs, "verdict"),
                        rs.getString("failed_kind"),
                        readings.getOrDefault(rs.getLong("id"), List.of())))
                .forEach(r -> byId.put(r.runId(), r));
        // in the order asked for (a report's is start order, not id order)
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
