package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchline.db.Database;
import io.benchline.db.OutboxStatus;
import io.benchline.station.cfx.CfxLink;
import io.benchline.station.cfx.CfxSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /api/cfx}: the CFX outbox as the operator screen shows it, only when its oldest
 * message waits longer than the settings' {@code old-after-seconds} (the line does not hear of
 * this station's runs: someone should look at the broker). Runs go on whatever it says.
 */
record CfxScreen(
        boolean configured,
        boolean old,
        long waiting,
        @JsonProperty("oldest_age_seconds") Double oldestAgeSeconds,
        @JsonProperty("last_error") String lastError) {
    static CfxScreen of(Database db) {
        CfxSettings settings = CfxLink.startedSettings();
        if (settings == null) {
            return new CfxScreen(false, false, 0, null, null);
        }
        OutboxStatus s = db.cfxOutbox().status();
        Double age = s.oldestWaiting() == null
                ? null
                : Duration.between(s.oldestWaiting(), Instant.now()).toMillis() / 1000.0;
        boolean old = age != null && age >= settings.oldAfter().toSeconds();
        return new CfxScreen(true, old, s.waiting(), age, s.lastError());
    }
}
