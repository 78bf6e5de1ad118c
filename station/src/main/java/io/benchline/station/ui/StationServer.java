package io.benchline.station.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.flow.StationFlow;
import io.benchline.station.flow.Users;
import io.benchline.station.golden.GoldenRequired;
import io.benchline.station.mes.MesUnavailable;
import io.benchline.station.mes.RouteRefused;
import io.benchline.station.ui.ApiBodies.AlreadyPassedError;
import io.benchline.station.ui.ApiBodies.ApiError;
import io.benchline.station.ui.ApiBodies.GoldenRequiredError;
import io.benchline.station.ui.ApiBodies.RunGoingError;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * One station served to a browser: the operator screen at {@code /}, the run API under
 * {@code /api} (docs/api.md), the batch report at {@code /batches/B} and the board trace at
 * {@code /boards/SERIAL}. Everything it serves comes from the jar.
 */
public final class StationServer implements AutoCloseable {
    private final Javalin app;
    private final StationRuns runs;
    private final LiveEvents events;
    private final AccessGuard guard;
    private final String host;

    private StationServer(Javalin app, StationRuns runs, LiveEvents events, AccessGuard guard, String host) {
        this.app = app;
        this.runs = runs;
        this.events = events;
        this.guard = guard;
        this.host = host;
    }

    /**
     * Starts listening on bind:port (port 0 picks a free one).
     *
     * @param beforeEachRun puts the next board in the jig (the simulated fixture swaps its board model)
     * @param startButton   the jig's START button, when the fixture has one
     */
    public static StationServer start(
            Station station,
            Database db,
            String batch,
            String bind,
            int port,
            Runnable beforeEachRun,
            Optional<StartButton> startButton) {
        return start(station, db, batch, bind, port, beforeEachRun, startButton, Users.none());
    }

    /**
     * As above, with the station's users: the engineers who may release quarantined boards and
     * confirm retests of passed ones on the screen or through the API.
     */
    public static StationServer start(
            Station station,
            Database db,
            String batch,
            String bind,
            int port,
            Runnable beforeEachRun,
            Optional<StartButton> startButton,
            Users users) {
        StationFlow flow =
                StationFlow.of(station.plan(), db, station.fixture().file().station(), users, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        LiveEvents events = new LiveEvents(json);
        StationRuns runs = new StationRuns(station, db, batch, beforeEachRun, events, flow);
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
            protect(config.routes, guard);
            new ApiRoutes(runs, events, json).install(config.routes);
            new RunControlRoutes(runs, json).install(config.routes);
            new PageRoutes(db).install(config.routes);
            new LineRoutes(station.line()).install(config.routes);
            new FlowRoutes(runs, json).install(config.routes);
            new AlarmRoutes(runs, events, json, Clock.systemUTC()).install(config.routes);
            new CalibrationRoutes(runs, json).install(config.routes);
        });
        app.start(bind, port);
        StationServer server = new StationServer(app, runs, events, guard, bind);
        startButton.ifPresent(runs::watch);
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

    /** Access first; then JSON only for POSTs to the API; user errors as one-line JSON, never a stack trace. */
    static void protect(RoutesConfig app, AccessGuard guard) {
        app.before(ctx -> {
            if (!guard.admit(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        app.before("/api/*", ctx -> {
            // A page from another site can POST to a loopback server; it cannot send a JSON
            // content type without the browser asking first, which this server never allows.
            if (ctx.method() == HandlerType.POST
                    && !String.valueOf(ctx.contentType()).startsWith("application/json")) {
                ctx.status(415).json(new ApiError("send JSON (Content-Type: application/json)"));
                ctx.skipRemainingHandlers();
            }
        });
        app.exception(InputError.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage())));
        app.exception(RouteRefused.class, (e, ctx) -> ctx.status(403).json(MesRefusals.body(e)));
        app.exception(MesUnavailable.class, (e, ctx) -> ctx.status(503).json(MesRefusals.body(e)));
        app.exception(
                JsonProcessingException.class,
                (e, ctx) -> ctx.status(400).json(new ApiError("body is not valid JSON: " + e.getOriginalMessage())));
        app.exception(
                StationRuns.RunGoing.class,
                (e, ctx) -> ctx.status(409).json(new RunGoingError(e.getMessage(), "run-going", e.runId)));
        app.exception(
                GoldenRequired.class,
                (e, ctx) -> ctx.status(409)
                        .json(new GoldenRequiredError(
                                e.getMessage(), GoldenRequired.CONFLICT, e.shiftStart.toString(), e.shiftBegan)));
        app.exception(
                StationRuns.AlreadyPassed.class,
                (e, ctx) -> ctx.status(409).json(new AlreadyPassedError(e.getMessage(), "already-passed", e.serial)));
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
