package io.benchline.station.mes;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.RouteDecision;
import java.net.URI;

/**
 * Asks the MES whether a serial may be tested here, and applies the station's policy when it
 * cannot be asked. The answer must be a 2xx with a JSON object holding a boolean {@code allowed};
 * anything else counts as "could not be asked".
 */
final class RouteAsker {
    static final String NO_REASON = "the MES gave no reason";

    private final MesHttp http;
    private final URI url;
    private final OnUnreachable policy;

    RouteAsker(MesHttp http, URI url, OnUnreachable policy) {
        this.http = http;
        this.url = url;
        this.policy = policy;
    }

    URI url() {
        return url;
    }

    RouteVerdict ask(RouteQuestion question) {
        long start = System.nanoTime();
        RouteDecision decision;
        String reason;
        try {
            JsonNode answer = http.ask(url, question.body());
            JsonNode allowed = answer.get("allowed");
            if (allowed == null || !allowed.isBoolean()) {
                throw new MesHttp.Unreachable(url + " answered without a boolean 'allowed'");
            }
            JsonNode why = answer.get("reason");
            reason = why == null || why.isNull() || why.asText().isBlank() ? null : why.asText();
            decision = allowed.booleanValue() ? RouteDecision.ALLOWED : RouteDecision.REFUSED;
            if (decision == RouteDecision.REFUSED && reason == null) {
                reason = NO_REASON;
            }
        } catch (MesHttp.Unreachable e) {
            reason = "the MES could not be asked: " + e.getMessage();
            decision =
                    policy == OnUnreachable.ALLOW ? RouteDecision.UNCHECKED_ALLOWED : RouteDecision.UNCHECKED_REFUSED;
        }
        return new RouteVerdict(decision, reason, (System.nanoTime() - start) / 1_000_000);
    }
}
