package io.benchline.station.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows PIN guessing: after {@link #FREE} refused PINs for a name (within {@link #WINDOW}, since
 * its last accepted one) the name is locked for 30 s, doubled at each further refusal up to
 * 15 minutes. Judged on the refusals stored in the database, so a new process or another station
 * on the same database is locked too.
 */
public final class Lockout {
    static final int FREE = 3;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(15);

    private Lockout() {}

    /** Until when the name is locked, given its refusals (oldest first) within the window; empty if it is not. */
    public static Optional<Instant> lockedUntil(List<Instant> refusals, Instant now) {
        if (refusals.size() < FREE) {
            return Optional.empty();
        }
        int doublings = Math.min(refusals.size() - FREE, 10);
        Duration lock = FIRST.multipliedBy(1L << doublings);
        if (lock.compareTo(LONGEST) > 0) {
            lock = LONGEST;
        }
        Instant until = refusals.get(refusals.size() - 1).plus(lock);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
