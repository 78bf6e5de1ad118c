package io.benchline.station.ui;

import io.benchline.db.BatchSummary;
import io.benchline.db.Database;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.FlowTrace;
import io.benchline.reports.Html;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.TraceHtml;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The HTML pages: the operator screen, the batch list and reports, the board trace. */
record PageRoutes(Database db) {

    void install(JavalinDefaultRoutingApi app) {
        app.get(
                "/",
                ctx -> ctx.contentType("text/html; charset=utf-8").result(StationServer.resource("ui/index.html")));
        app.get("/batches", ctx -> ctx.html(batchList(batches().batches())));
        app.get("/batches/{batch}", this::batch);
        app.get("/boards", this::search);
        app.get("/boards/{serial}", this::board);
    }

    private void batch(Context ctx) {
        Optional<BatchReport> r = batches().report(ctx.pathParam("batch"));
        if (r.isEmpty()) {
            ctx.status(404)
                    .html(Html.page(
                            "No such batch",
                            "<h1>No batch '" + Html.esc(ctx.pathParam("batch"))
                                    + "'</h1><p><a href=\"/batches\">All batches</a></p>"));
        } else {
            ctx.html(ReportHtml.render(r.get()));
        }
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            ctx.html(Html.page("Trace a board", "<h1>Trace a board</h1>" + searchForm("")));
        } else {
            ctx.redirect("/boards/" + pathSegment(q.trim()));
        }
    }

    private void board(Context ctx) {
        BoardLookup board = BoardLookup.find(db.trace(), ctx.pathParam("serial"));
        if (board.runs().isEmpty()) {
            ctx.status(404)
                    .html(Html.page(
                            "No such board",
                            "<h1>No runs stored for board '" + Html.esc(ctx.pathParam("serial")) + "'</h1>"
                                    + searchForm(ctx.pathParam("serial"))));
        } else {
            ctx.html(TraceHtml.render(board.serial(), board.runs(), FlowTrace.of(db.flow(), board.serial())));
        }
    }

    private BatchReports batches() {
        return new BatchReports(db.batches());
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String searchForm(String value) {
        return "<form action=\"/boards\" method=\"get\"><label>Serial or MCU UID <input name=\"q\" value=\""
                + Html.esc(value) + "\" autofocus></label> <button>Trace</button></form>";
    }

    private static String batchList(List<BatchSummary> list) {
        StringBuilder b = new StringBuilder("<h1>Batches</h1><table><tr><th>batch</th><th>product</th><th>created</th>"
                + "<th class=\"num\">runs</th></tr>");
        for (BatchSummary s : list) {
            b.append("<tr><td><a href=\"/batches/")
                    .append(Html.esc(pathSegment(s.name())))
                    .append("\">")
                    .append(Html.esc(s.name()))
                    .append("</a></td><td>")
                    .append(Html.esc(s.product()))
                    .append("</td><td>")
                    .append(s.createdAt())
                    .append("</td><td class=\"num\">")
                    .append(s.runs())
                    .append("</td></tr>");
        }
        return Html.page("Batches", b.append("</table>").toString());
    }
}
