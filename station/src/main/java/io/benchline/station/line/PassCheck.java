package io.benchline.station.line;

import io.benchline.db.Database;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a board already passed: in this station's own file, and on the line's central database
 * when there is one and it answers within {@link #BOUND}. The operator never waits longer than
 * that for the line; an answer from the station's records alone says so.
 */
final class PassCheck implements AutoCloseable {
    static final Duration BOUND = Duration.ofMillis(1500);

    /**
     * After the line failed to answer, the next boards are checked here only for this long, without
     * asking: during an outage every scan would otherwise wait the whole bound.
     */
    static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(10);

    private final Database local;
    private final String centralUrl;
    /** One question at a time to the central server, off the operator's thread. */
    private final ExecutorService asker;
    /** Opened on the asker thread at the first question it can answer; the pool reconnects by itself after that. */
    private Database central;

    private Future<Boolean> pending;
    private long quietUntil = System.nanoTime();
    private String lastFailure;

    private PassCheck(Database local, String centralUrl) {
        this.local = local;
        this.centralUrl = centralUrl;
        this.asker = centralUrl == null
                ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "benchline-line-check");
                    t.setDaemon(true);
                    return t;
                });
    }

    static PassCheck alone(Database local) {
        return new PassCheck(local, null);
    }

    static PassCheck onLine(Database local, String centralUrl) {
        return new PassCheck(local, centralUrl);
    }

    /**
     * A PASS stored here answers at once; else the line is asked (within the bound). Runs
     * forwarded from here are in both, runs not yet forwarded only here: both are looked at.
     */
    synchronized PassAnswer hasPassed(String serial) {
        if (local.trace().hasPassed(serial)) {
            return new PassAnswer(true, false, null);
        }
        if (asker == null) {
            return new PassAnswer(false, false, null);
        }
        if (lastFailure != null && System.nanoTime() - quietUntil < 0) {
            return couldNotAsk(lastFailure);
        }
        if (pending != null && !pending.isDone()) {
            return failed("it has not answered the previous question yet");
        }
        pending = asker.submit(() -> central().trace().hasPassed(serial));
        try {
            boolean passed = pending.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            lastFailure = null;
            return new PassAnswer(passed, true, null);
        } catch (TimeoutException e) {
            return failed("no answer within " + BOUND.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            return failed(Database.rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return couldNotAsk("interrupted");
        }
    }

    private PassAnswer failed(String why) {
        lastFailure = why;
        quietUntil = System.nanoTime() + QUIET_AFTER_FAILURE.toNanos();
        return couldNotAsk(why);
    }

    private PassAnswer couldNotAsk(String why) {
        return new PassAnswer(
                false,
                false,
                "the line database could not be asked whether this board passed elsewhere (" + why
                        + "); checked this station's records only");
    }

    /** Called on the asker thread only. */
    private Database central() {
        if (central == null) {
            central = Database.open(centralUrl);
        }
        return central;
    }

    @Override
    public void close() {
        if (asker == null) {
            return;
        }
        asker.execute(() -> {
            if (central != null) {
                central.close();
            }
        });
        asker.shutdown();
        try {
            asker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
