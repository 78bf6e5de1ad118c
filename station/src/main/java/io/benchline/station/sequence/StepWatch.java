package io.benchline.station.sequence;

import io.benchline.db.Verdict;
import io.benchline.fixtures.Deadline;
import io.benchline.station.plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Holds a step to its timeout-ms. The step runs on a thread of its own; at its deadline the
 * sequencer stops waiting, closes the probe's and instruments' links under it (a read blocked on a
 * socket, a pty or a USB pipe fails at once) and interrupts it (a settle or retry pause ends). The
 * step is then an ERROR: the station could not tell. This bounds the operator's wait whatever the
 * driver was doing, where a deadline handed to each driver would bound only the waits that read it.
 * <p>
 * The worker thread is kept from step to step (starting a thread per step cost more than a
 * simulated step); one that does not let go after its deadline is left behind and a new one made.
 */
final class StepWatch {
    /** How long a step past its deadline gets to let go of its links before teardown uses them. */
    private static final long LET_GO_MS = 2_000;

    private ThreadPoolExecutor worker = newWorker();

    StepOutcome run(Step step, RunContext ctx, Supplier<StepOutcome> body) {
        if (ctx.abort().reason().isPresent()) {
            return ctx.abort().outcome();
        }
        ctx.deadline(Deadline.in(Duration.ofMillis(step.timeoutMs())));
        CompletableFuture<StepOutcome> result = new CompletableFuture<>();
        Future<?> task = worker.submit(() -> {
            try {
                result.complete(body.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return ctx.abort().await(result, step.timeoutMs());
        } catch (AbortSignal.Stopped e) {
            stop(task, result, ctx);
            return ctx.abort().outcome();
        } catch (TimeoutException e) {
            stop(task, result, ctx);
            return new StepOutcome(
                    Verdict.ERROR,
                    "step '" + step.name() + "' did not end within its timeout of " + step.timeoutMs()
                            + " ms (timeout-ms): " + blockedOn(result),
                    List.of());
        } catch (InterruptedException e) {
            stop(task, result, ctx);
            Thread.currentThread().interrupt();
            return new StepOutcome(
                    Verdict.ERROR, "step '" + step.name() + "' was interrupted: the station is stopping", List.of());
        } catch (ExecutionException e) {
            return new StepOutcome(Verdict.ERROR, "station software error: " + e.getCause(), List.of());
        } finally {
            ctx.deadline(Deadline.NONE);
        }
    }

    /** What the step reported once its links were closed under it: it names the instrument or probe it was waiting for. */
    private static String blockedOn(CompletableFuture<StepOutcome> result) {
        StepOutcome late = result.isCompletedExceptionally() ? null : result.getNow(null);
        if (late == null || late.verdict() != Verdict.ERROR) {
            return "an instrument or the probe stopped answering";
        }
        return "it was waiting on " + late.message();
    }

    private void stop(Future<?> task, CompletableFuture<StepOutcome> result, RunContext ctx) {
        ctx.abandonWaits();
        task.cancel(true);
        try {
            result.get(LET_GO_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // judged by the caller from what the step left in result
        }
        if (!result.isDone()) {
            worker.shutdownNow();
            worker = newWorker();
        }
    }

    private static ThreadPoolExecutor newWorker() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "step worker");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
