package io.benchline.station.cfx;

import io.benchline.db.CfxOutbox;
import io.benchline.db.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the broker on its own thread, in order, and marks what the broker accepted
 * as sent. Nothing here ever waits on the station's runs, and they never wait on it: a broker that
 * is down, slow or refusing only makes the outbox grow; the publisher notes the error, waits (0.2 s
 * doubling to 10 s) and connects again. At close it keeps sending for at most the settings'
 * {@code drain-on-exit}, then stops; what is left goes out at the next start.
 */
public final class CfxPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CfxPublisher.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final CfxSettings settings;
    private final CfxOutbox outbox;
    private final CfxMessages messages;
    private final Clock clock;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private volatile boolean stopping;
    private volatile long drainDeadlineNanos;
    private AmqpLink link;
    private Instant nextHeartbeat;
    private Instant nextPrune = Instant.MIN;
    private volatile long sentCount;
    /** The last failure written to the log: a broker away for an hour is one line, not one per retry. */
    private String lastLogged;

    public CfxPublisher(CfxSettings settings, CfxOutbox outbox, CfxMessages messages, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.thread = new Thread(this::loop, "cfx-publisher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Something was committed to the outbox: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Messages this publisher has had accepted by the broker (from the outbox). */
    public long sent() {
        return sentCount;
    }

    private void loop() {
        Duration backoff = MIN_BACKOFF;
        while (true) {
            if (stopping && System.nanoTime() - drainDeadlineNanos >= 0) {
                break;
            }
            try {
                if (link == null) {
                    link = AmqpLink.open(settings);
                    link.sendNow(messages.endpointConnected(clock.instant()), clock.instant());
                    nextHeartbeat = clock.instant().plus(settings.heartbeat());
                    if (lastLogged != null) {
                        LOG.warn("CFX: connected again to {}", settings.where());
                        lastLogged = null;
                    }
                }
                if (!clock.instant().isBefore(nextHeartbeat)) {
                    link.sendNow(messages.heartbeat(clock.instant()), clock.instant());
                    nextHeartbeat = clock.instant().plus(settings.heartbeat());
                }
                List<OutboxRow> rows = outbox.waiting(settings.handle(), settings.window());
                if (rows.isEmpty()) {
                    if (stopping) {
                        break;
                    }
                    pruneWhenDue();
                    Duration untilBeat = Duration.between(clock.instant(), nextHeartbeat);
                    await(untilBeat.compareTo(IDLE_POLL) < 0 ? untilBeat : IDLE_POLL);
                    continue;
                }
                List<Long> accepted = new ArrayList<>(rows.size());
                try {
                    link.sendInOrder(rows, accepted);
                } finally {
                    outbox.markSent(accepted, clock.instant());
                    sentCount += accepted.size();
                }
                backoff = MIN_BACKOFF;
            } catch (Exception e) {
                String why = describe(e);
                if (!why.equals(lastLogged)) {
                    LOG.warn("CFX: {} ({}); the outbox keeps the messages until it is back", why, settings.where());
                    lastLogged = why;
                }
                try {
                    outbox.recordError(why, clock.instant());
                } catch (RuntimeException db) {
                    LOG.warn("CFX: cannot note the error in the database: {}", describe(db));
                }
                dropLink();
                if (stopping && !drainableWithin(backoff)) {
                    break;
                }
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        dropLink();
    }

    /**
     * Sent messages are the broker's now; the outbox keeps them {@code keep-sent-days} for
     * `benchline cfx status` and inquiries, then lets them go, all but the fault messages the
     * station reads back at start. Done while idle, at most once an hour.
     */
    private void pruneWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        long gone =
                outbox.pruneSent(settings.handle(), now.minus(settings.keepSent()), CfxMessages.faultMessageNames());
        if (gone > 0) {
            LOG.info(
                    "CFX: {} sent messages older than {} days removed from the outbox",
                    gone,
                    settings.keepSent().toDays());
        }
    }

    private boolean drainableWithin(Duration wait) {
        return drainDeadlineNanos - System.nanoTime() > wait.toNanos();
    }

    private void dropLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    private void await(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!woken && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            drainDeadlineNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the publisher: it goes on sending what is waiting for at most the settings'
     * drain-on-exit, then closes its connection. Bounded whatever the broker does.
     */
    @Override
    public void close() {
        drainDeadlineNanos = System.nanoTime() + settings.drainOnExit().toNanos();
        stopping = true;
        wake();
        if (!thread.isAlive()) {
            return;
        }
        long bound = settings.drainOnExit().toMillis()
                + settings.sendTimeout().toMillis()
                + settings.connectTimeout().toMillis()
                + 2000;
        try {
            thread.join(bound);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        String best = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        String line = best == null ? e.getClass().getSimpleName() : best;
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }

    static long millis(Duration d) {
        return TimeUnit.NANOSECONDS.toMillis(d.toNanos());
    }
}
