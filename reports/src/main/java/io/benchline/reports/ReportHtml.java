package io.benchline.reports;

import static io.benchline.reports.Html.esc;

import io.benchline.db.BatchStation;
import io.benchline.reports.spc.ControlChart;
import io.benchline.reports.spc.ControlCharts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The batch report as one self-contained HTML file (style inline, charts as inline SVG): it can be mailed. */
public final class ReportHtml {
    private ReportHtml() {}

    public static String render(BatchReport r) {
        YieldReport y = r.yield();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Batch ")
                .append(esc(r.batch()))
                .append("</h1>\n<div class=\"sub\">")
                .append(esc(r.product()))
                .append(" — runs from ")
                .append(esc(time(y.firstRunAt())))
                .append(" to ")
                .append(esc(time(y.lastRunAt())))
                .append(" — report generated ")
                .append(esc(time(r.generatedAt())))
                .append("</div>\n");
        b.append("<div class=\"kpis\">");
        kpi(b, "boards tested", String.valueOf(y.boards()), "boards");
        kpi(b, "first-pass yield", Html.percent(y.firstPassYield()), "fpy");
        kpi(b, "final yield", Html.percent(y.finalYield()), "final");
        kpi(b, "retest rate", Html.percent(y.retestRate()), "retest");
        kpi(
                b,
                "station problems (ERROR/ABORTED)",
                y.stationProblems() + " (" + y.errorRuns() + "/" + y.abortedRuns() + ")",
                "problems");
        kpi(b, "boards per hour (first start to last end)", Html.number(y.boardsPerHour(), "%.1f"), "bph");
        b.append("</div>\n<p class=\"sub\">")
                .append(y.runs())
                .append(" runs, ")
                .append(y.retests())
                .append(" retests. ERROR and ABORTED runs are station problems and never count against a board. "
                        + "Boards per hour: boards tested over the batch's span, ")
                .append(esc(time(y.firstRunAt())))
                .append(" to ")
                .append(esc(time(y.lastEndAt())))
                .append(" UTC, breaks included. " + "Definitions: docs/yield.md.</p>\n");

        stations(b, r.stations());

        b.append("<h2>Failures by first failing step and measurement</h2>\n");
        if (y.failures().isEmpty()) {
            b.append("<p>No FAIL runs.</p>\n");
        } else {
            b.append("<div class=\"chart\">")
                    .append(Charts.pareto(y.failures()))
                    .append("</div>\n");
            b.append(
                    "<table id=\"pareto\"><tr><th>step</th><th>measurement</th><th class=\"num\">FAIL runs</th><th>hint</th></tr>\n");
            for (FailureCount f : y.failures()) {
                b.append("<tr><td>")
                        .append(esc(f.step()))
                        .append("</td><td>")
                        .append(esc(f.measurement()))
                        .append("</td><td class=\"num\">")
                        .append(f.runs())
                        .append("</td><td>")
                        .append(esc(f.hint()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2>Boards per hour and yield over time</h2>\n");
        if (!y.hours().isEmpty()) {
            b.append("<div class=\"chart\">")
                    .append(Charts.boardsPerHour(y.hours()))
                    .append("</div>\n");
            b.append("<div class=\"chart\">")
                    .append(Charts.yieldOverTime(y.hours()))
                    .append("</div>\n");
        }

        b.append("<h2>Measurements</h2>\n<table id=\"measurements\"><tr><th>measurement</th><th class=\"num\">n</th>"
                + "<th class=\"num\">mean</th><th class=\"num\">σ</th><th class=\"num\">min</th><th class=\"num\">max</th>"
                + "<th class=\"num\">low</th><th class=\"num\">high</th><th class=\"num\">Cpk</th><th class=\"num\">Cpk readings</th>"
                + "<th class=\"num\" title=\"passed in the plan's marginal band, near a limit\">marginal</th></tr>\n");
        for (MeasurementStats s : r.measurements()) {
            b.append("<tr><td>")
                    .append(esc(s.name()))
                    .append("</td><td class=\"num\">")
                    .append(s.n())
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.mean(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.sigma(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.min(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.max(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.low(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.value(s.high(), s.unit())))
                    .append("</td><td class=\"num\">")
                    .append(s.continuous() ? Html.number(s.cpk(), "%.2f") : "discrete")
                    .append("</td><td class=\"num\">")
                    .append(s.continuous() ? String.valueOf(s.cpkN()) : "-")
                    .append(s.marginal() > 0 ? "</td><td class=\"num marginal\">" : "</td><td class=\"num\">")
                    .append(s.marginal())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"sub\">Cpk only for continuous readings (a unit of V, A, Ω, Hz, s… and a "
                + "limit), without the readings of boards that failed power-on or a rail check; counts, sizes, "
                + "levels and identities are discrete. Histograms: limits in red; with two limits the outermost bars also hold "
                + "every reading beyond them.</p>\n");
        b.append("<p class=\"sub\">Control charts (individuals) beside the histograms of continuous readings: "
                + "the batch's readings in run order, every station, without boards that failed power-on; centre and σ "
                + "from the first " + ControlCharts.BASELINE
                + " readings of passing boards (σ = average moving range / "
                + "1.128); ±1σ and ±2σ dashed, ±3σ red; an orange diamond marks a point that broke a rule (beyond 3σ, 2 of 3 "
                + "beyond 2σ, 4 of 5 beyond 1σ, 8 on one side of the centre, 6 rising or falling).</p>\n");
        Map<String, ControlChart> charts = new LinkedHashMap<>();
        r.controlCharts().forEach(c -> charts.put(c.measurement(), c));
        for (MeasurementStats s : r.measurements()) {
            ControlChart c = charts.remove(s.name());
            b.append(c == null ? "<div class=\"hist\"><h3>" : "<div class=\"hist spc\"><h3>")
                    .append(esc(s.name()))
                    .append("</h3>")
                    .append(Charts.histogram(s));
            if (c != null) {
                b.append(Charts.controlChart(c))
                        .append("<div class=\"sub\">")
                        .append(esc(spcLine(c)))
                        .append("</div>");
            }
            b.append("</div>\n");
        }
        return Html.page("Batch " + r.batch() + " — yield report", b.toString());
    }

    /** Under a control chart: its limits and how many points broke a rule. */
    private static String spcLine(ControlChart c) {
        String limits = c.limits()
                .map(l -> "centre " + Html.value(l.centre(), c.unit()) + ", σ " + Html.value(l.sigma(), c.unit()))
                .orElse("no limits yet: fewer than " + c.baseline() + " readings of passing boards");
        String gap = c.gap() ? "; the first and the last runs of the batch only" : "";
        return c.points().size() + " readings; " + limits + "; "
                + c.violations().size() + " broke a rule" + gap;
    }

    /** Runs by station: where a board programmed at one station and tested at another was seen. */
    private static void stations(StringBuilder b, List<BatchStation> stations) {
        b.append("<h2>Stations</h2>\n<table id=\"stations\"><tr><th>station</th><th class=\"num\">runs</th>"
                + "<th class=\"num\">boards tested</th><th class=\"num\">first-pass yield</th>"
                + "<th class=\"num\">station problems</th></tr>\n");
        for (BatchStation s : stations) {
            b.append("<tr><td>")
                    .append(esc(s.station()))
                    .append("</td><td class=\"num\">")
                    .append(s.runs())
                    .append("</td><td class=\"num\">")
                    .append(s.boardsTested())
                    .append("</td><td class=\"num\">")
                    .append(esc(Html.percent(s.firstPassYield())))
                    .append("</td><td class=\"num\">")
                    .append(s.stationProblems())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private static void kpi(StringBuilder b, String label, String value, String id) {
        b.append("<div class=\"kpi\" id=\"kpi-")
                .append(id)
                .append("\"><b>")
                .append(esc(value))
                .append("</b><span>")
                .append(esc(label))
                .append("</span></div>");
    }
}
