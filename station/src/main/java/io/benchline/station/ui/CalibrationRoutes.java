package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.CalibrationOverride;
import io.benchline.station.InputError;
import io.benchline.station.calibration.CalibrationOverrides;
import io.benchline.station.fixture.FixtureInstrument;
import io.benchline.station.flow.EngineerPin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code POST /api/calibration/override}: an engineer lets the station use an instrument past its
 * calibration due date (docs/fixture-format.md#calibration). A refused engineer is a 403, as for a release.
 */
record CalibrationRoutes(StationRuns runs, ObjectMapper json) {

    /** @param instrument the instrument's role: dmm, supply, switch */
    record OverridePost(String instrument, String engineer, String pin, String reason) {}

    record Overridden(
            String role,
            String instrument,
            LocalDate due,
            String certificate,
            String author,
            String reason,
            Instant at,
            @JsonProperty("valid_until") Instant validUntil) {}

    void install(RoutesConfig app) {
        app.post("/api/calibration/override", this::override);
    }

    private void override(Context ctx) throws IOException {
        OverridePost body = json.readValue(ctx.body(), OverridePost.class);
        if (body == null || body.instrument() == null) {
            throw new InputError("send {\"instrument\", \"engineer\", \"pin\", \"reason\"}");
        }
        var fixture = runs.fixture();
        String role = body.instrument().trim();
        String instrument = fixture.instruments().stream()
                .filter(i -> i.role().equals(role))
                .findFirst()
                .map(FixtureInstrument::identity)
                .map(i -> i.label())
                .orElse("(not identified)");
        EngineerPin who = EngineerPin.of(body.engineer(), body.pin());
        CalibrationOverride o = new CalibrationOverrides(
                        runs.flow().engineers(), runs.db().calibration(), Clock.systemUTC())
                .override(fixture.file(), role, instrument, who.name(), who.pin(), body.reason());
        ctx.json(new Overridden(
                o.role(), o.instrument(), o.due(), o.certificate(), o.author(), o.reason(), o.at(), o.validUntil()));
    }
}
