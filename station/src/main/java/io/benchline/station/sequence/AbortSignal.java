package io.benchline.station.sequence;

import io.benchline.db.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One going run's stop request (the operator's ABORT, a line controller's abort), and the verdict
 * the run ended with. The step watch waits on the step and on this at once, so an abort ends the
 * step in progress as promptly as its timeout would; teardown still runs.
 */
public final class AbortSignal {
    static final String HINT = "the run was aborted before the board was judged: test it again";

    private final long runId;
    private final CompletableFuture<String> requested = new CompletableFuture<>();
    private final CompletableFuture<Verdict> ended = new CompletableFuture<>();

    AbortSignal(long runId) {
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }

    /** Asks the run to stop, why being stored as its message; false when a stop was asked already. */
    public boolean request(String why) {
        return requested.complete(why);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(requested.getNow(null));
    }

    /** The verdict the run ended with, waiting at most for; empty while it still goes. */
    public Optional<Verdict> awaitEnd(Duration atMost) throws InterruptedException {
        try {
            return Optional.of(ended.get(atMost.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        }
    }

    void ended(Verdict v) {
        ended.complete(v);
    }

    /** The step's outcome when the run was stopped before or during it. */
    StepOutcome outcome() {
        return new StepOutcome(Verdict.ABORTED, requested.getNow("aborted"), List.of(), null, HINT);
    }

    /** Thrown by {@link #await} when the run is stopped before the step ends. */
    static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The step's result within ms, as {@link CompletableFuture#get(long, TimeUnit)}; or Stopped when the run is stopped first. */
    <T> T await(CompletableFuture<T> result, long ms)
            throws Stopped, InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.anyOf(result, requested).get(ms, TimeUnit.MILLISECONDS);
        if (result.isDone()) {
            return result.get();
        }
        throw new Stopped();
    }
}
