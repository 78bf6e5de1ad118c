package io.benchline.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A control chart's alarm as stored: where and when it opened, the rules seen while it was open,
 * how many points broke a rule, the last of them, and its acknowledgement once given (null before).
 */
public record SpcAlarm(
        String id,
        String station,
        String planName,
        String measurement,
        String unit,
        String batch,
        double centre,
        double sigma,
        Instant openedAt,
        String firstSerial,
        double firstReading,
        List<String> rules,
        int points,
        Instant lastAt,
        String lastSerial,
        double lastReading,
        List<String> lastRules,
        SpcAck ack) {
    public SpcAlarm {
        rules = List.copyOf(rules);
        lastRules = List.copyOf(lastRules);
    }

    public boolean open() {
        return ack == null;
    }

    public Optional<SpcAck> acknowledgement() {
        return Optional.ofNullable(ack);
    }
}
