package io.benchline.station.golden;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets: the shift boundary is crossed by setting it, never by waiting. */
final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(String isoInstant) {
        this.now = Instant.parse(isoInstant);
    }

    void set(String isoInstant) {
        now = Instant.parse(isoInstant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
