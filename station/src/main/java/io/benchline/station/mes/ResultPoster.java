package io.benchline.station.mes;

import io.benchline.db.PostedRun;
import io.benchline.db.ResultPost;
import io.benchline.db.RouteChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Posts each finished run's result to the MES from its own thread, so the operator never waits
 * for the MES. Each run is noted in {@code mes_result_post} before its first attempt; a failed
 * attempt is retried after a pause that doubles, up to the settings' number of tries, and then
 * recorded as FAILED with the last error. Posts still PENDING when the station stops are made by
 * the next station started with the same results URL.
 */
final class ResultPoster implements AutoCloseable {
    private final MesHttp http;
    private final URI url;
    private final RouteChecks store;
    private final MesSettings settings;
    private final Consumer<String> notices;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor worker;

    ResultPoster(
            MesHttp http, URI url, RouteChecks store, MesSettings settings, Consumer<String> notices, Clock clock) {
        this.http = http;
        this.url = url;
        this.store = store;
        this.settings = settings;
        this.notices = notices;
        this.clock = clock;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "benchline-mes-results");
            t.setDaemon(true);
            return t;
        });
        // a retry not yet due when the station stops stays PENDING in the database, for the next start
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Notes the run as to be posted (committed before this returns) and posts it in the background. */
    void queue(long runId) {
        store.queueResultPost(runId, url.toString(), clock.instant());
        worker.execute(() -> attempt(runId));
    }

    /** Posts what an earlier station left PENDING for this URL. */
    void resumePending() {
        worker.execute(() -> {
            for (ResultPost p : store.pending(url.toString())) {
                worker.execute(() -> attempt(p.runId()));
            }
        });
    }

    private void attempt(long runId) {
        try {
            Optional<PostedRun> run = store.finishedRun(runId);
            boolean sent = false;
            String error = null;
            if (run.isEmpty()) {
                error = "run " + runId + " has no verdict in the results database";
            } else {
                try {
                    http.post(url, body(run.get()));
                    sent = true;
                } catch (MesHttp.Unreachable e) {
                    error = e.getMessage();
                }
            }
            ResultPost p = store.resultPostAttempt(runId, sent, error, settings.resultTries(), clock.instant());
            if (p.state() == ResultPost.State.PENDING) {
                long delay = settings.retryDelay().toMillis() << Math.min(p.attempts() - 1, 16);
                worker.schedule(() -> attempt(runId), delay, TimeUnit.MILLISECONDS);
            } else if (p.state() == ResultPost.State.FAILED) {
                notices.accept("MES: the result of run " + runId + " was not posted after " + p.attempts()
                        + " attempt(s): " + p.lastError());
            }
        } catch (RuntimeException e) {
            // the results database went away under us (the station is stopping): the post stays as stored
            notices.accept("MES: posting the result of run " + runId + " stopped: " + e.getMessage());
        }
    }

    /** The result as the MES is told it (docs/mes.md). */
    static Map<String, Object> body(PostedRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", r.serial());
        m.put("station", r.station());
        m.put("run_id", r.runId());
        m.put("line_id", r.lineId());
        m.put("batch", r.batch());
        m.put("operator", r.operator());
        m.put("plan", r.planName());
        m.put("plan_version", r.planVersion());
        m.put("verdict", r.verdict().name());
        m.put("failed_step", r.failedStep());
        m.put("hint", r.hint());
        m.put("message", r.message());
        m.put("uid", r.uid());
        m.put("started_at", r.startedAt() == null ? null : r.startedAt().toString());
        m.put("ended_at", r.endedAt() == null ? null : r.endedAt().toString());
        m.put("software_version", r.softwareVersion());
        return m;
    }

    /** Stops; an attempt going is given up to grace to finish (what is left stays PENDING). */
    void close(Duration grace) {
        worker.shutdown();
        try {
            worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }

    @Override
    public void close() {
        close(settings.timeout());
    }
}
