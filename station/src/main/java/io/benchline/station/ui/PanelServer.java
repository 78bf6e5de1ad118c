package io.benchline.station.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.Database;
import io.benchline.station.Panel;
import io.benchline.station.flow.StationFlow;
import io.benchline.station.flow.Users;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * A multi-up station served to a browser: the panel screen at {@code /} (a tile per position), the
 * panel API under {@code /api} (docs/api.md, "Panels"), and the batch and board pages.
 */
public final class PanelServer implements AutoCloseable {
    private final Javalin app;
    private final PanelRuns runs;
    private final LiveEvents events;
    private final AccessGuard guard;
    private final String host;

    private PanelServer(Javalin app, PanelRuns runs, LiveEvents events, AccessGuard guard, String host) {
        this.app = app;
        this.runs = runs;
        this.events = events;
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
        return start(panel, db, batch, bind, port, placeBoard, Optional.empty(), Users.none());
    }

    /**
     * As above, with the jig's START button (when the panel's switch is the Benchline jig) and the
     * station's users: the engineers who release quarantined boards and confirm retests on a tile.
     */
    public static PanelServer start(
            Panel panel,
            Database db,
            String batch,
            String bind,
            int port,
            IntConsumer placeBoard,
            Optional<StartButton> startButton,
            Users users) {
        StationFlow flow =
                StationFlow.of(panel.plan(), db, panel.fixture().file().station(), users, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        LiveEvents events = new LiveEvents(json);
        PanelRuns runs = new PanelRuns(panel, db, batch, placeBoard, flow, events);
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
            new RunControlRoutes(runs, json).install(config.routes);
            new FlowRoutes(runs, json).install(config.routes);
            new PageRoutes(db).install(config.routes);
            new LineRoutes(panel.line()).install(config.routes);
        });
        app.start(bind, port);
        startButton.ifPresent(runs::watch);
        return new PanelServer(app, runs, events, guard, bind);
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
        events.close(); // first: see LiveEvents
        app.stop();
        runs.close();
    }
}
