package io.benchline.station.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.Database;
import io.benchline.station.Panel;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * A multi-up station served to a browser: the panel screen at {@code /} (a tile per position), the
 * panel API under {@code /api} (docs/api.md, "Panels"), and the batch and board pages.
 */
public final class PanelServer implements AutoCloseable {
    private final Javalin app;
    private final PanelRuns runs;
    private final AccessGuard guard;
    private final String host;

    private PanelServer(Javalin app, PanelRuns runs, AccessGuard guard, String host) {
        this.app = app;
        this.runs = runs;
        this.guard = guard;
        this.host = host;
    }

    /**
     * Starts listening on bind:port (port 0 picks a free one).
     *
     * @param placeBoard puts the next board at a position before its run (the simulated panel)
     */
    public static PanelServer start(
            Panel panel, Database db, String batch, String bind, int port, IntConsumer placeBoard) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        PanelRuns runs = new PanelRuns(panel, db, batch, placeBoard);
        AccessGuard guard = AccessGuard.forAddress(bind);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/ui";
                sf.location = Location.CLASSPATH;
            });
            StationServer.protect(config.routes, guard);
            PanelRoutes.conflicts(config.routes);
            config.routes.before("/", ctx -> {
                ctx.contentType("text/html; charset=utf-8").result(StationServer.resource("ui/panel.html"));
                ctx.skipRemainingHandlers();
            });
            new PanelRoutes(runs, json).install(config.routes);
            new PageRoutes(db).install(config.routes);
        });
        app.start(bind, port);
        return new PanelServer(app, runs, guard, bind);
    }

    public int port() {
        return app.port();
    }

    /** The address to open, e.g. http://127.0.0.1:8080/. */
    public String address() {
        String h = host;
        if (h.equals("0.0.0.0") || h.equals("::")) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
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
        runs.close();
    }
}
