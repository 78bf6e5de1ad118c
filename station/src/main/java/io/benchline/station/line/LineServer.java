package io.benchline.station.line;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.Database;
import io.benchline.db.DatabaseException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The line page for the test engineer: {@code /} and its script under {@code /static}, the view
 * as JSON at {@code /api/line}. Read-only: it answers GETs and nothing else, and writes nothing.
 * A central database that cannot answer is a 503 with one line, which the page shows as a banner.
 */
public final class LineServer implements AutoCloseable {
    private final Javalin app;
    private final String host;

    private LineServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts listening on bind:port (port 0 picks a free one). */
    public static LineServer start(Database db, Clock clock, String bind, int port) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        LineReader reader = new LineReader(db.line(), clock);
        String page = resource("line/index.html");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/line";
                sf.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                    ctx.status(405).json(Map.of("error", "the line page is read-only"));
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.get(
                    "/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
            config.routes.get("/api/line", ctx -> view(ctx, reader));
        });
        app.start(bind, port);
        return new LineServer(app, bind);
    }

    private static void view(Context ctx, LineReader reader) {
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.json(reader.read());
        } catch (DatabaseException e) {
            ctx.status(503).json(Map.of("error", e.getMessage()));
        }
    }

    public int port() {
        return app.port();
    }

    public String address() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String resource(String path) {
        try (InputStream in = LineServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
