package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.db.StepRecord;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.flow.BoardRefused;
import io.benchline.station.flow.EngineerPin;
import io.benchline.station.flow.StationFlow;
import io.benchline.station.golden.GoldenRequired;
import io.benchline.station.line.PassAnswer;
import io.benchline.station.mes.RouteRefused;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunAborts;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runs of one station, one at a time, started from the screen, the API or the jig's START
 * button; a board that already passed is retested only when the request confirms it. Each stored
 * event of a run is told to the watching browsers.
 */
public final class StationRuns implements ScreenRuns, AutoCloseable {
    private final Station station;
    private final Database db;
    private final String batch;
    private final Runnable beforeEachRun;
    private final LiveEvents events;
    private final StationFlow flow;
    private final Shift shift = new Shift();
    private final ScreenPrompts prompts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "benchline-run"));
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Long currentRun;
    private volatile Armed armed;
    private volatile boolean closed;

    /** One board at a time: the API answers 409 with the going run's id. */
    static final class RunGoing extends RuntimeException {
        final Long runId;

        RunGoing(Long runId) {
            super("a run is going" + (runId == null ? "" : " (run " + runId + ")") + ": wait for its verdict");
            this.runId = runId;
        }
    }

    /** The board already has a PASS and the request did not confirm a retest: the API answers 409. */
    static final class AlreadyPassed extends RuntimeException {
        final String serial;

        AlreadyPassed(String serial) {
            super("already passed: board " + serial + " has a PASS; an engineer must confirm a retest (send"
                    + " \"confirm_retest\": true with the engineer's \"engineer\" and \"pin\")");
            this.serial = serial;
        }
    }

    /** The serial in the operator's field, ready for the jig's START. */
    private record Armed(String serial, String operator) {}

    /**
     * @param beforeEachRun puts the next board in the jig; the simulated fixture swaps its board
     *                      model here (a real jig has the operator do it)
     */
    StationRuns(
            Station station, Database db, String batch, Runnable beforeEachRun, LiveEvents events, StationFlow flow) {
        this.station = station;
        this.flow = flow;
        this.db = db;
        this.batch = batch;
        this.beforeEachRun = beforeEachRun;
        this.events = events;
        this.prompts = new ScreenPrompts(events);
    }

    /** The prompts of this station's runs waiting for the operator's answer on the screen. */
    @Override
    public ScreenPrompts prompts() {
        return prompts;
    }

    @Override
    public RunAborts aborts() {
        return station.aborts();
    }

    @Override
    public Plan plan() {
        return station.plan();
    }

    String batch() {
        return batch;
    }

    /** This station's name, as its runs and its control-chart alarms are stored under. */
    String stationName() {
        return station.charts().station();
    }

    @Override
    public Database db() {
        return db;
    }

    @Override
    public StationFlow flow() {
        return flow;
    }

    io.benchline.station.fixture.Fixture fixture() {
        return station.fixture();
    }

    /** Starts the run and returns its id once it is stored. */
    long start(StartRequest request) {
        return start(request, Optional.empty());
    }

    /**
     * As {@link #start(StartRequest)}; the engineer's name and PIN confirm the retest of a board
     * that already passed (see {@link #admit}).
     */
    long start(StartRequest request, Optional<EngineerPin> engineer) {
        if (!busy.compareAndSet(false, true)) {
            throw new RunGoing(currentRun);
        }
        CompletableFuture<Long> started = new CompletableFuture<>();
        try {
            admit(request, engineer);
            worker.execute(() -> runOne(new RunRequest(request.serial(), batch, request.operator()), started));
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the run");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the run did not start within 30 s");
        }
    }

    /**
     * A quarantined board, or one over its plan's retest limit, is refused; a board that already
     * passed is tested again only when an engineer confirms it, and the confirmation is stored.
     */
    private void admit(StartRequest request, Optional<EngineerPin> engineer) {
        station.admitShift(new RunRequest(request.serial(), batch, request.operator()));
        flow.gate().admit(request.serial());
        PassAnswer answer = station.line().hasPassed(request.serial());
        if (!answer.passed()) {
            if (station.line().joined()) {
                events.publish("line-check", LineRoutes.check(answer));
            }
            return;
        }
        if (!request.retestConfirmed()) {
            throw new AlreadyPassed(request.serial());
        }
        flow.confirmRetest(List.of(request.serial()), engineer.orElse(EngineerPin.of(null, null)), request.operator());
    }

    private void runOne(RunRequest request, CompletableFuture<Long> started) {
        Relay relay = new Relay(request, started);
        try {
            beforeEachRun.run();
            station.run(request, relay, prompts);
            // the run is on the control charts now: a screen reads the alarms it raised
            events.publish("alarms", Map.of("station", stationName()));
        } catch (RouteRefused e) {
            started.completeExceptionally(e);
            events.publish("route-refused", Map.of("serial", e.serial(), "reason", e.reason()));
        } catch (GoldenRequired e) {
            started.completeExceptionally(e);
            events.publish("golden-required", goldenRequired(e));
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            events.publish("station-error", Map.of("message", String.valueOf(e.getMessage())));
        } finally {
            if (!relay.finished) {
                // the run broke off (database gone, software fault): free the station; once finished,
                // the next run may already hold it
                currentRun = null;
                busy.set(false);
            }
        }
    }

    /** Tells the browsers each event of the run, after the store has it. */
    private final class Relay implements RunListener {
        private final RunRequest request;
        private final CompletableFuture<Long> started;
        private volatile boolean finished;

        Relay(RunRequest request, CompletableFuture<Long> started) {
            this.request = request;
            this.started = started;
        }

        @Override
        public void runStarted(long runId, RunRequest r) {
            currentRun = runId;
            started.complete(runId);
            events.publish("run-started", Map.of("id", runId, "serial", r.serial(), "operator", r.operator()));
        }

        @Override
        public void stepStarted(int seq, String name) {
            events.publish("step-started", Map.of("seq", seq, "name", name));
        }

        @Override
        public void stepFinished(StepRecord step) {
            events.publish("step-finished", RunView.step(step));
        }

        @Override
        public void warning(String text) {
            events.publish("warning", Map.of("text", text));
        }

        @Override
        public void runFinished(RunOutcome o) {
            shift.add(o.runId(), request.serial(), o.verdict());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.runId());
            m.put("serial", o.serial());
            m.put("verdict", o.verdict());
            m.put("failed_step", o.failedStep());
            m.put("hint", o.hint());
            m.put("message", o.message());
            m.put("shift", shift.counts());
            // free before telling: a browser that starts the next board on this event must not get a 409
            finished = true;
            currentRun = null;
            busy.set(false);
            events.publish("run-finished", m);
        }
    }

    Optional<Long> currentRun() {
        return Optional.ofNullable(currentRun);
    }

    /** The serial and operator on the screen, for the jig's START; checked when START is pressed. */
    void arm(String serial, String operator) {
        armed = serial == null || serial.isBlank() ? null : new Armed(serial, operator);
    }

    void newShift(String operator) {
        shift.begin(operator);
        events.publish("shift", shift.counts());
    }

    Map<String, Object> shiftCounts() {
        return shift.counts();
    }

    /** Watches the jig's START button until closed: a press starts the armed serial. */
    void watch(StartButton button) {
        Thread t = daemon(
                () -> {
                    while (!closed) {
                        try {
                            if (button.awaitStart(Duration.ofMillis(500))) {
                                pressed();
                            }
                        } catch (RuntimeException e) {
                            events.publish("station-error", Map.of("message", "jig START button: " + e.getMessage()));
                            pause();
                        }
                    }
                },
                "benchline-jig-start");
        t.start();
    }

    private void pressed() {
        Armed a = armed;
        if (a == null) {
            events.publish("notice", Map.of("message", "START pressed: scan a valid serial first"));
            return;
        }
        try {
            start(StartRequest.checked(plan(), a.serial(), a.operator(), false));
            armed = null;
        } catch (AlreadyPassed e) {
            events.publish("confirm-retest", Map.of("serial", e.serial));
        } catch (BoardRefused e) {
            events.publish(
                    "quarantined",
                    Map.of(
                            "serial",
                            e.serial,
                            "reason",
                            e.quarantine.reason(),
                            "since",
                            e.quarantine.since().toString(),
                            "message",
                            e.getMessage()));
        } catch (GoldenRequired e) {
            events.publish("golden-required", goldenRequired(e));
        } catch (RunGoing | InputError e) {
            events.publish("notice", Map.of("message", "START pressed: " + e.getMessage()));
        }
    }

    private static Map<String, Object> goldenRequired(GoldenRequired e) {
        return Map.of("message", e.getMessage(), "shift_start", e.shiftStart.toString());
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
