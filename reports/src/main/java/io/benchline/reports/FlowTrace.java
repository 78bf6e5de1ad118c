package io.benchline.reports;

import static io.benchline.reports.Html.esc;

import io.benchline.db.EngineerAction;
import io.benchline.db.FlowRecords;
import io.benchline.db.Quarantine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board's production flow in its trace: its quarantines (since when, why, and their release:
 * by whom, when, why) and every engineer action on it, oldest first.
 */
public record FlowTrace(List<Quarantine> quarantines, List<EngineerAction> actions) {
    public FlowTrace {
        quarantines = List.copyOf(quarantines);
        actions = List.copyOf(actions);
    }

    public static FlowTrace of(FlowRecords records, String serial) {
        return new FlowTrace(records.quarantines(serial), records.actions(serial));
    }

    public boolean isEmpty() {
        return quarantines.isEmpty() && actions.isEmpty();
    }

    /** Lines for the text trace. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Quarantine q : quarantines) {
            out.add("quarantined " + q.since() + " at " + q.station() + ": " + q.reason()
                    + (q.open()
                            ? "  — STILL QUARANTINED"
                            : "  — released " + q.releasedAt() + " by " + q.releasedBy() + ": " + q.releaseReason()));
        }
        for (EngineerAction a : actions) {
            out.add("engineer action " + a.at() + " " + a.action() + " by " + a.author() + " at " + a.station()
                    + (a.reason() == null ? "" : ": " + a.reason())
                    + (a.detail() == null ? "" : " (" + a.detail() + ")"));
        }
        return out;
    }

    /** Adds {@code quarantines} and {@code engineer_actions} to one board of {@link TraceJson#tree}. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quarantined", quarantines.stream().anyMatch(Quarantine::open));
        m.put(
                "quarantines",
                quarantines.stream()
                        .map(q -> {
                            Map<String, Object> o = new LinkedHashMap<>();
                            o.put("since", TraceJson.time(q.since()));
                            o.put("station", q.station());
                            o.put("reason", q.reason());
                            o.put("released_at", TraceJson.time(q.releasedAt()));
                            o.put("released_by", q.releasedBy());
                            o.put("release_reason", q.releaseReason());
                            return o;
                        })
                        .toList());
        m.put(
                "engineer_actions",
                actions.stream()
                        .map(a -> {
                            Map<String, Object> o = new LinkedHashMap<>();
                            o.put("at", TraceJson.time(a.at()));
                            o.put("author", a.author());
                            o.put("action", a.action());
                            o.put("station", a.station());
                            o.put("reason", a.reason());
                            o.put("detail", a.detail());
                            return o;
                        })
                        .toList());
        return m;
    }

    /** A section for the trace page; empty text when there is nothing to show. */
    public String html() {
        if (isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"flow\" id=\"flow\"><h2>Quarantine and engineer actions</h2>");
        if (!quarantines.isEmpty()) {
            b.append("<table id=\"quarantines\"><tr><th>quarantined</th><th>station</th><th>why</th>"
                    + "<th>released</th><th>by</th><th>release reason</th></tr>");
            for (Quarantine q : quarantines) {
                b.append("<tr")
                        .append(q.open() ? " class=\"bad\"" : "")
                        .append("><td>")
                        .append(esc(q.since()))
                        .append("</td><td>")
                        .append(esc(q.station()))
                        .append("</td><td>")
                        .append(esc(q.reason()))
                        .append("</td><td>")
                        .append(q.open() ? "<b>still quarantined</b>" : esc(q.releasedAt()))
                        .append("</td><td>")
                        .append(q.open() ? "" : esc(q.releasedBy()))
                        .append("</td><td>")
                        .append(q.open() ? "" : esc(q.releaseReason()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        if (!actions.isEmpty()) {
            b.append("<table id=\"engineer-actions\"><tr><th>at</th><th>action</th><th>by</th><th>station</th>"
                    + "<th>reason</th><th>detail</th></tr>");
            for (EngineerAction a : actions) {
                b.append("<tr><td>")
                        .append(esc(a.at()))
                        .append("</td><td>")
                        .append(esc(a.action()))
                        .append("</td><td>")
                        .append(esc(a.author()))
                        .append("</td><td>")
                        .append(esc(a.station()))
                        .append("</td><td>")
                        .append(a.reason() == null ? "" : esc(a.reason()))
                        .append("</td><td>")
                        .append(a.detail() == null ? "" : esc(a.detail()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</div>\n").toString();
    }
}
