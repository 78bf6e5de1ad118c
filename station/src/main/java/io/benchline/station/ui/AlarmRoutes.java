package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.SpcAlarm;
import io.benchline.reports.spc.SpcRule;
import io.benchline.station.InputError;
import io.benchline.station.ui.ApiBodies.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control charts' alarms in the API (docs/api.md): the station's open alarms, and an operator's
 * acknowledgement of one.
 */
record AlarmRoutes(StationRuns runs, LiveEvents events, ObjectMapper json, Clock clock) {

    /** {@code POST /api/alarms/{id}/ack}. */
    record AckPost(String operator, String comment) {}

    record AlarmAck(String operator, String comment, Instant at) {}

    /** One alarm as the screen shows it: the rules in words, the point that last broke one. */
    record AlarmView(
            String id,
            String station,
            String plan,
            String measurement,
            String unit,
            String batch,
            List<String> rules,
            @JsonProperty("rules_words") List<String> rulesWords,
            int points,
            double centre,
            double sigma,
            @JsonProperty("opened_at") Instant openedAt,
            @JsonProperty("first_serial") String firstSerial,
            @JsonProperty("first_reading") double firstReading,
            @JsonProperty("last_at") Instant lastAt,
            @JsonProperty("last_serial") String lastSerial,
            @JsonProperty("last_reading") double lastReading,
            boolean open,
            AlarmAck ack) {
        static AlarmView of(SpcAlarm a) {
            return new AlarmView(
                    a.id(),
                    a.station(),
                    a.planName(),
                    a.measurement(),
                    a.unit(),
                    a.batch(),
                    a.rules(),
                    SpcRule.words(a.rules()),
                    a.points(),
                    a.centre(),
                    a.sigma(),
                    a.openedAt(),
                    a.firstSerial(),
                    a.firstReading(),
                    a.lastAt(),
                    a.lastSerial(),
                    a.lastReading(),
                    a.open(),
                    a.acknowledgement()
                            .map(k -> new AlarmAck(k.operator(), k.comment(), k.at()))
                            .orElse(null));
        }
    }

    record AlreadyAcknowledged(String error, String conflict, AlarmView alarm) {}

    void install(RoutesConfig app) {
        app.get(
                "/api/alarms",
                ctx -> ctx.json(runs.db().spcAlarms().open(runs.stationName()).stream()
                        .map(AlarmView::of)
                        .toList()));
        app.post("/api/alarms/{id}/ack", this::acknowledge);
    }

    private void acknowledge(Context ctx) throws IOException {
        AckPost body = json.readValue(ctx.body(), AckPost.class);
        if (body == null || body.operator() == null || body.operator().isBlank()) {
            throw new InputError("give the operator's name: send {\"operator\", \"comment\"}");
        }
        String operator = body.operator().trim();
        if (operator.length() > 100) {
            throw new InputError("the operator's name is longer than 100 characters");
        }
        String comment = body.comment() == null || body.comment().isBlank()
                ? null
                : body.comment().trim();
        if (comment != null && comment.length() > 1000) {
            throw new InputError("the comment is longer than 1000 characters");
        }
        String id = ctx.pathParam("id");
        Optional<SpcAlarm> before =
                runs.db().spcAlarms().alarm(id).filter(a -> a.station().equals(runs.stationName()));
        if (before.isEmpty()) {
            ctx.status(404).json(new ApiError("no alarm " + id + " at this station"));
            return;
        }
        if (!before.get().open()) {
            ctx.status(409)
                    .json(new AlreadyAcknowledged(
                            "alarm " + id + " was already acknowledged by "
                                    + before.get().ack().operator(),
                            "acknowledged",
                            AlarmView.of(before.get())));
            return;
        }
        SpcAlarm acked = runs.db()
                .spcAlarms()
                .acknowledge(id, operator, comment, clock.instant())
                .orElseThrow();
        events.publish("alarms", Map.of("station", runs.stationName()));
        ctx.json(AlarmView.of(acked));
    }
}
