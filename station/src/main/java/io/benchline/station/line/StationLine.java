package io.benchline.station.line;

import io.benchline.db.Database;
import io.benchline.db.LineForwarder;
import io.benchline.db.StationState;
import io.benchline.db.StepRecord;
import io.benchline.db.SyncStatus;
import io.benchline.fixtures.swd.FlashProgress;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A station's place on a line of stations: the forwarder that ships its runs to the line's central
 * database, the "already passed" check that asks that database, and the backlog the operator sees.
 * A station alone has the same object with no line behind it. The station stores and tests exactly
 * as it would alone; nothing here ever waits on the network for a run.
 */
public final class StationLine implements AutoCloseable {
    public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(10);

    /** After the line database failed to answer an "already passed" check, how long the next ones skip asking it. */
    public static final Duration LINE_CHECK_QUIET = PassCheck.QUIET_AFTER_FAILURE;

    private final LineForwarder forwarder;
    private final PassCheck passes;
    private final Duration patience;
    private final Duration drainOnExit;
    private final Consumer<String> say;
    private volatile StationState state;
    private volatile PassAnswer lastCheck;
    /** Runs going at once: a panel's positions; the station is idle again once the last has ended. */
    private final AtomicInteger going = new AtomicInteger();

    private boolean closed;

    private StationLine(
            LineForwarder forwarder,
            PassCheck passes,
            StationState state,
            Duration patience,
            Duration drainOnExit,
            Consumer<String> say) {
        this.forwarder = forwarder;
        this.passes = passes;
        this.state = state;
        this.patience = patience;
        this.drainOnExit = drainOnExit;
        this.say = say;
    }

    /** A station on its own: its file is the only place a PASS is looked for. */
    public static StationLine alone(Database local) {
        return new StationLine(null, PassCheck.alone(local), null, DEFAULT_PATIENCE, Duration.ZERO, m -> {});
    }

    /**
     * Joins the line at centralUrl: starts forwarding at once (a server that is away is retried in
     * the background, so a station starts and tests without it).
     *
     * @param patience how old the oldest waiting run may get before the operator is warned
     * @param drainOnExit how long {@link #close()} waits for the backlog to reach the server
     * @param say where a line for people goes (what is left waiting at exit)
     */
    public static StationLine join(
            Database local,
            String centralUrl,
            StationState initial,
            Duration patience,
            Duration drainOnExit,
            Consumer<String> say) {
        LineForwarder forwarder = LineForwarder.start(local, centralUrl, initial);
        return new StationLine(forwarder, PassCheck.onLine(local, centralUrl), initial, patience, drainOnExit, say);
    }

    public boolean joined() {
        return forwarder != null;
    }

    public Duration patience() {
        return patience;
    }

    /** Whether the board already passed, here or (when it answers in time) anywhere on the line. */
    public PassAnswer hasPassed(String serial) {
        PassAnswer answer = passes.hasPassed(serial);
        lastCheck = answer;
        return answer;
    }

    /** The last "already passed" check's answer, for the screen (its notice when the line could not be asked). */
    public Optional<PassAnswer> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** The forwarder's backlog; empty for a station alone. */
    public Optional<SyncStatus> status() {
        return joined() ? Optional.of(forwarder.status()) : Optional.empty();
    }

    /** Waits (bounded) until nothing waits for the line; true when drained, or when there is no line. */
    public boolean drain(Duration timeout) {
        return !joined() || forwarder.drain(timeout);
    }

    /** Wraps a run's listener so the line hears of each run: testing at its start, the verdict stored at its end. */
    public RunListener around(RunListener inner) {
        if (!joined()) {
            return inner;
        }
        return new LineListener(inner);
    }

    /** Passes every event on (each method of RunListener: a test checks none is missed), and tells the line. */
    final class LineListener implements RunListener {
        private final RunListener inner;

        LineListener(RunListener inner) {
            this.inner = inner;
        }

        @Override
        public void runStarted(long runId, RunRequest request) {
            inner.runStarted(runId, request);
            changeState(1, request.batch());
        }

        @Override
        public void stepStarted(int seq, String name) {
            inner.stepStarted(seq, name);
        }

        @Override
        public void stepFinished(StepRecord step) {
            inner.stepFinished(step);
        }

        @Override
        public void runFinished(RunOutcome outcome) {
            // the sequencer tells its listeners only after the verdict is committed
            forwarder.verdictStored();
            inner.runFinished(outcome);
            changeState(-1, null);
        }

        @Override
        public void warning(String text) {
            inner.warning(text);
        }

        @Override
        public FlashProgress flashProgress() {
            return inner.flashProgress();
        }
    }

    /** A run started (+1, in batch) or ended (-1): testing while any goes, idle after the last. */
    private void changeState(int change, String batch) {
        synchronized (going) {
            int now = Math.max(0, going.get() + change);
            going.set(now);
            StationState s = state;
            StationState next = new StationState(
                    s.station(),
                    now > 0 ? "testing" : "idle",
                    batch == null ? s.batch() : batch,
                    s.plan(),
                    s.softwareVersion());
            if (!next.equals(s)) {
                state = next;
                forwarder.stationState(next);
            }
        }
    }

    /**
     * Leaves the line: waits for the backlog at most drainOnExit, then stops forwarding. What is
     * still waiting stays in the local file and goes with the next start; says so.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (joined()) {
                try {
                    forwarder.drain(drainOnExit);
                    long waiting = forwarder.status().waitingRuns();
                    if (waiting > 0) {
                        say.accept(Backlog.runs(waiting) + " still waiting for the line database: the next start of "
                                + "this station forwards " + (waiting == 1 ? "it" : "them"));
                    }
                } finally {
                    forwarder.close();
                }
            }
        } finally {
            passes.close();
        }
    }
}
