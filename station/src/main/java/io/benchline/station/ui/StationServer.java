package io.benchline.station.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.BatchSummary;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.reports.BatchReports;
import io.benchline.reports.BatchReport;
import io.benchline.reports.Html;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.ReportJson;
import io.benchline.reports.TraceHtml;
import io.benchline.station.Station;
import io.benchline.station.InputError;
import io.benchline.station.plan.Plan;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One station served to a browser: the operator screen at {@code /}, the run API under
 * {@code /api} (docs/api.md), the batch report at {@code /batches/B} and the board trace at
 * {@code /boards/SERIAL}. Everything it serves comes from the jar.
 */
public final class StationServer implements AutoCloseable {
    private final Javalin app;
    private final RunDesk desk;
    private final AccessGuard guard;
    private final String host;

    private final LiveEvents events;

    private StationServer(Javalin app, RunDesk desk, LiveEvents events, AccessGuard guard, String host) {
        this.app = app;
        this.desk = desk;
        this.events = events;
        this.guard = guard;
        this.host = host;
    }

    /**
     * Starts listening on bind:port (port 0 picks a free one).
     *
     * @param beforeEachRun puts the next board in the jig (the simulated bench swaps its board model)
     * @param startButton   the jig's START button, when the fixture has one
     */
    public static StationServer start(Station station, Database db, String batch, String bind, int port,
            Runnable beforeEachRun, Optional<StartButton> startButton) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        LiveEvents events = new LiveEvents(json);
        RunDesk desk = new RunDesk(station, db, batch, beforeEachRun, events);
        AccessGuard guard = AccessGuard.forAddress(bind);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/ui";
                sf.location = Location.CLASSPATH;
            });
        });
        new Routes(desk, events, json).install(app, guard);
        app.start(bind, port);
        StationServer server = new StationServer(app, desk, events, guard, bind);
        startButton.ifPresent(desk::watch);
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The address to open, e.g. http://127.0.0.1:8080/ (with ?token=... when one is needed). */
    public String address() {
        String h = host;
        if (h.equals("0.0.0.0") || h.equals("::")) {
            // every interface: name the machine, which the line's other computers can reach
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                h = "localhost";
            }
        }
        h = h.contains(":") ? "[" + h + "]" : h;
        return "http://" + h + ":" + port() + "/";
    }

    public Optional<String> token() {
        return guard.token();
    }

    @Override
    public void close() {
        app.stop();
        desk.close();
        events.close();
    }

    /** The routes; each handler is small and reads through the desk, the trace queries or the batch queries. */
    private record Routes(RunDesk desk, LiveEvents events, ObjectMapper json) {
        void install(Javalin app, AccessGuard guard) {
            app.before(ctx -> {
                if (!guard.admit(ctx)) {
                    ctx.skipRemainingHandlers();
                }
            });
            app.before("/api/*", ctx -> {
                // A page from another site can POST to a loopback server; it cannot send a JSON
                // content type without the browser asking first, which this server never allows.
                if (ctx.method().name().equals("POST") && !String.valueOf(ctx.contentType()).startsWith("application/json")) {
                    ctx.status(415).json(Map.of("error", "send JSON (Content-Type: application/json)"));
                    ctx.skipRemainingHandlers();
                }
            });
            app.exception(InputError.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            app.exception(RunDesk.RunGoing.class, (e, ctx) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("error", e.getMessage());
                m.put("run_id", e.runId);
                ctx.status(409).json(m);
            });
            app.exception(com.fasterxml.jackson.core.JsonProcessingException.class,
                    (e, ctx) -> ctx.status(400).json(Map.of("error", "body is not valid JSON: " + e.getOriginalMessage())));

            app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("ui/index.html")));
            app.get("/api/station", ctx -> ctx.json(station()));
            app.sse("/api/events", client -> events.join(client, "hello", station()));
            app.get("/api/serial-check", ctx -> {
                String problem = desk.serialProblem(ctx.queryParam("serial"));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("valid", problem == null);
                m.put("message", problem);
                ctx.json(m);
            });
            app.post("/api/runs", this::startRun);
            app.get("/api/runs/{id}", ctx -> {
                long id = parseId(ctx.pathParam("id"));
                Optional<RunDetail> run = desk.db().trace().run(id);
                if (run.isEmpty()) {
                    ctx.status(404).json(Map.of("error", "no run " + id));
                } else {
                    ctx.json(RunView.run(run.get()));
                }
            });
            app.get("/api/boards/{serial}", ctx -> {
                Trace t = trace(ctx.pathParam("serial"));
                if (t.runs().isEmpty()) {
                    ctx.status(404).json(Map.of("error", "no runs stored for board '" + ctx.pathParam("serial") + "'"));
                    return;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("serial", t.serial());
                m.put("passed", t.runs().stream().anyMatch(d -> d.run().verdict() == io.benchline.db.Verdict.PASS));
                m.put("runs", t.runs().stream().map(RunView::run).toList());
                ctx.json(m);
            });
            app.get("/api/batches", ctx -> ctx.json(batches().batches()));
            app.get("/api/batches/{batch}", ctx -> {
                Optional<BatchReport> r = batches().report(ctx.pathParam("batch"));
                if (r.isEmpty()) {
                    ctx.status(404).json(Map.of("error", "no batch '" + ctx.pathParam("batch") + "'"));
                } else {
                    ctx.json(ReportJson.tree(r.get()));
                }
            });
            app.post("/api/arm", ctx -> {
                JsonNode body = json.readTree(ctx.body());
                desk.arm(text(body, "serial"), text(body, "operator"));
                ctx.status(204);
            });
            app.post("/api/shift", ctx -> {
                desk.newShift(text(json.readTree(ctx.body()), "operator"));
                ctx.json(desk.shiftCounts());
            });

            app.get("/batches", ctx -> ctx.html(batchList(batches().batches())));
            app.get("/batches/{batch}", ctx -> {
                Optional<BatchReport> r = batches().report(ctx.pathParam("batch"));
                if (r.isEmpty()) {
                    ctx.status(404).html(Html.page("No such batch", "<h1>No batch '" + Html.esc(ctx.pathParam("batch"))
                            + "'</h1><p><a href=\"/batches\">All batches</a></p>"));
                } else {
                    ctx.html(ReportHtml.render(r.get()));
                }
            });
            app.get("/boards", ctx -> {
                String q = ctx.queryParam("q");
                if (q == null || q.isBlank()) {
                    ctx.html(Html.page("Trace a board", "<h1>Trace a board</h1>" + searchForm("")));
                } else {
                    ctx.redirect("/boards/" + URLEncoder.encode(q.trim(), StandardCharsets.UTF_8).replace("+", "%20"));
                }
            });
            app.get("/boards/{serial}", ctx -> {
                Trace t = trace(ctx.pathParam("serial"));
                if (t.runs().isEmpty()) {
                    ctx.status(404).html(Html.page("No such board", "<h1>No runs stored for board '"
                            + Html.esc(ctx.pathParam("serial")) + "'</h1>" + searchForm(ctx.pathParam("serial"))));
                } else {
                    ctx.html(TraceHtml.render(t.serial(), t.runs()));
                }
            });
        }

        private void startRun(Context ctx) throws IOException {
            JsonNode body = json.readTree(ctx.body());
            String serial = text(body, "serial");
            long id = desk.start(serial, text(body, "operator"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("serial", serial.trim());
            m.put("state", "running");
            m.put("href", "/api/runs/" + id);
            ctx.status(202).json(m);
        }

        private BatchReports batches() {
            return new BatchReports(desk.db().batches());
        }

        private record Trace(String serial, List<RunDetail> runs) {
        }

        /** By serial, else by the MCU's unique ID. */
        private Trace trace(String key) {
            List<RunDetail> runs = desk.db().trace().board(key);
            if (runs.isEmpty() && key.matches("[0-9A-Fa-f]{24}")) {
                Optional<String> serial = desk.db().trace().serialOfUid(key);
                if (serial.isPresent()) {
                    return new Trace(serial.get(), desk.db().trace().board(serial.get()));
                }
            }
            return new Trace(key, runs);
        }

        private Map<String, Object> station() {
            Plan p = desk.plan();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product", p.productLabel());
            m.put("plan", p.name());
            m.put("plan_version", p.version());
            m.put("plan_sha256", p.sha256());
            m.put("batch", desk.batch());
            m.put("serial_pattern", p.serialPattern().pattern());
            m.put("steps", p.steps().stream().map(s -> s.name()).toList());
            m.put("running", desk.currentRun().orElse(null));
            m.put("shift", desk.shiftCounts());
            return m;
        }

        private static long parseId(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new InputError("run id '" + s + "' is not a number");
            }
        }

        private static String text(JsonNode body, String field) {
            JsonNode n = body == null ? null : body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }

        private static String searchForm(String value) {
            return "<form action=\"/boards\" method=\"get\"><label>Serial or MCU UID <input name=\"q\" value=\""
                    + Html.esc(value) + "\" autofocus></label> <button>Trace</button></form>";
        }

        private static String batchList(List<BatchSummary> list) {
            StringBuilder b = new StringBuilder("<h1>Batches</h1><table><tr><th>batch</th><th>product</th><th>created</th>"
                    + "<th class=\"num\">runs</th></tr>");
            for (BatchSummary s : list) {
                b.append("<tr><td><a href=\"/batches/").append(Html.esc(URLEncoder.encode(s.name(), StandardCharsets.UTF_8)
                                .replace("+", "%20"))).append("\">").append(Html.esc(s.name())).append("</a></td><td>")
                        .append(Html.esc(s.product())).append("</td><td>").append(s.createdAt()).append("</td><td class=\"num\">")
                        .append(s.runs()).append("</td></tr>");
            }
            return Html.page("Batches", b.append("</table>").toString());
        }
    }

    static String resource(String path) {
        try (InputStream in = StationServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
