package io.benchline.station.sequence;

import io.benchline.db.GoldenChecks;
import io.benchline.db.ResultStore;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.BoardFault;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.station.InputError;
import io.benchline.station.calibration.CalibrationGate;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a plan on a fixture for one board. The run is stored as it starts, each step as it ends
 * (committed before the next starts), and the verdict before anyone is told. The first step that
 * does not pass stops the run: an under-powered board never reaches an SWD step. Each step is held
 * to its timeout-ms ({@link StepWatch}). Teardown (power off) runs whatever happened.
 */
public final class Sequencer {
    static final String CALIBRATION_HINT = "station problem, not the board: have the named instrument calibrated (or an"
            + " engineer overrides it), then retest";
    static final String ERROR_HINT = "station problem, not the board: check the named instrument or probe, then retest";
    static final String LOST_POWER_HINT =
            "another board on the shared power bus shorted it; this board was not judged: retest it";

    private final Plan plan;
    private final Fixture fixture;
    private final ResultStore store;
    private final Optional<FirmwareImage> image;
    private final String softwareVersion;
    private final Clock clock;
    private final StepWatch watch = new StepWatch();
    private final RunAborts aborts;
    private volatile long runGoing = -1;
    private volatile CalibrationGate calibration;

    public Sequencer(
            Plan plan,
            Fixture fixture,
            ResultStore store,
            Optional<FirmwareImage> image,
            String softwareVersion,
            Clock clock) {
        this(plan, fixture, store, image, softwareVersion, clock, new RunAborts());
    }

    /** @param aborts where the station finds a going run to stop it (shared by the station's sequencers) */
    public Sequencer(
            Plan plan,
            Fixture fixture,
            ResultStore store,
            Optional<FirmwareImage> image,
            String softwareVersion,
            Clock clock,
            RunAborts aborts) {
        this.aborts = aborts;
        this.plan = plan;
        this.fixture = fixture;
        this.store = store;
        this.image = image;
        this.softwareVersion = softwareVersion;
        this.clock = clock;
    }

    public RunOutcome run(RunRequest request, RunListener listener) {
        return run(request, listener, PromptAnswers.NONE);
    }

    /**
     * From now on each run first checks the fixture's instruments' calibration (when its file gives
     * due dates), before anything is powered: a step "calibration" that refuses the run as ERROR.
     */
    public void checkCalibration(CalibrationGate gate) {
        this.calibration = gate;
    }

    /** As {@link #run(RunRequest, RunListener)}, with the run's prompt steps answered from answers. */
    public RunOutcome run(RunRequest request, RunListener listener, PromptAnswers answers) {
        if (!request.golden()) {
            plan.serialProblem(request.serial()).ifPresent(problem -> {
                throw new InputError(problem);
            });
            if (GoldenChecks.isGoldenBatch(request.batch())) {
                throw new InputError("batch '" + request.batch() + "': names starting with " + GoldenChecks.BATCH_PREFIX
                        + " are kept for golden-board checks");
            }
        }
        long runId = store.begin(
                new RunStart(
                        request.serial(),
                        request.batch(),
                        plan.productLabel(),
                        fixture.file().station(),
                        request.operator(),
                        fixture.name(),
                        plan.name(),
                        plan.version(),
                        plan.sha256(),
                        plan.firmware().map(f -> f.sha256()).orElse(null),
                        softwareVersion,
                        fixture.position(),
                        request.panelLabel()),
                clock.instant());
        runGoing = runId;
        AbortSignal abort = aborts.open(runId);
        listener.runStarted(runId, request);
        RunContext ctx = new RunContext(plan, fixture, image, listener.flashProgress(), runId, answers, abort);
        List<StepRecord> done = new ArrayList<>();
        StepRecord firstBad = null;
        String firstBadHint = null;
        int seq = 0;
        CalibrationGate gate = calibration;
        if (gate != null && CalibrationGate.applies(fixture)) {
            StepRecord rec = calibrationStep(++seq, gate, listener);
            store.step(runId, rec);
            done.add(rec);
            listener.stepFinished(rec);
            if (rec.verdict() != Verdict.PASS) {
                firstBad = rec;
                firstBadHint = CALIBRATION_HINT;
            }
        }
        for (Step step : firstBad == null ? plan.steps() : List.<Step>of()) {
            seq++;
            listener.stepStarted(seq, step.name());
            Instant start = clock.instant();
            StepOutcome out = watch.run(step, ctx, () -> execute(step, ctx));
            Optional<String> lostPower = fixture.takeLostPower();
            if (lostPower.isPresent()) {
                out = StepOutcome.error(lostPower.get(), out.measurements(), LOST_POWER_HINT);
            }
            StepRecord rec = new StepRecord(
                    seq,
                    step.name(),
                    step.kind(),
                    start,
                    clock.instant(),
                    out.verdict(),
                    out.message(),
                    out.measurements());
            if (out.uid() != null) {
                store.stepBindingUid(runId, rec, out.uid());
            } else {
                store.step(runId, rec);
            }
            done.add(rec);
            listener.stepFinished(rec);
            if (rec.verdict() != Verdict.PASS && rec.verdict() != Verdict.SKIPPED) {
                firstBad = rec;
                firstBadHint = out.hint();
                break;
            }
        }
        StepRecord teardown = teardown(++seq, ctx);
        if (firstBad == null && teardown.verdict() == Verdict.ERROR) {
            firstBad = teardown;
        }
        RunEnd end = firstBad == null
                ? new RunEnd(Verdict.PASS, null, null, null)
                : new RunEnd(
                        firstBad.verdict(),
                        firstBad.name(),
                        firstBadHint != null ? firstBadHint : hintFor(firstBad),
                        firstBad.message());
        if (!store.finish(runId, teardown, end, clock.instant())) {
            end = new RunEnd(Verdict.ABORTED, null, null, "the run was stopped before it ended");
        }
        runGoing = -1;
        aborts.close(runId, end.verdict());
        done.add(teardown);
        listener.stepFinished(teardown);
        RunOutcome outcome = new RunOutcome(
                runId, request.serial(), end.verdict(), end.failedStep(), end.hint(), end.message(), done);
        listener.runFinished(outcome);
        return outcome;
    }

    private StepRecord calibrationStep(int seq, CalibrationGate gate, RunListener listener) {
        listener.stepStarted(seq, "calibration");
        Instant start = clock.instant();
        CalibrationGate.Finding found;
        try {
            found = gate.check(fixture);
        } catch (RuntimeException e) {
            found = new CalibrationGate.Finding(
                    Optional.of("calibration could not be checked: " + e.getMessage()), List.of());
        }
        found.warnings().forEach(listener::warning);
        return new StepRecord(
                seq,
                "calibration",
                "calibration",
                start,
                clock.instant(),
                found.refusal().isPresent() ? Verdict.ERROR : Verdict.PASS,
                found.message(),
                List.of());
    }

    /**
     * The station is being stopped (Ctrl-C, a service stop) while a run is going: close the run as
     * ABORTED and switch DUT power off, best effort. Called from a shutdown hook.
     */
    public void abortRunGoing(String why) {
        long runId = runGoing;
        if (runId < 0) {
            return;
        }
        store.end(runId, new RunEnd(Verdict.ABORTED, null, null, why), clock.instant());
        try {
            fixture.supply().output(false);
        } catch (RuntimeException ignored) {
            // the process is ending; a supply that does not answer cannot be helped here
        }
    }

    private String hintFor(StepRecord bad) {
        if (bad.verdict() == Verdict.ERROR) {
            return ERROR_HINT;
        }
        return plan.steps().stream()
                .filter(s -> s.name().equals(bad.name()))
                .map(Step::hint)
                .filter(h -> h != null)
                .findFirst()
                .orElse(null);
    }

    /** Runs one step; whatever it throws becomes its verdict: a fixture fault is never the board's. */
    private static StepOutcome execute(Step step, RunContext ctx) {
        try {
            return Steps.run(step, ctx);
        } catch (FixtureFault e) {
            return new StepOutcome(Verdict.ERROR, e.getMessage(), List.of());
        } catch (BoardFault e) {
            return new StepOutcome(Verdict.FAIL, e.getMessage(), List.of());
        } catch (InputError e) {
            return new StepOutcome(Verdict.ERROR, "station configuration: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return new StepOutcome(Verdict.ERROR, "station software error: " + e, List.of());
        }
    }

    /** Power off and release everything; a supply that will not switch off is an ERROR. */
    private StepRecord teardown(int seq, RunContext ctx) {
        Instant start = clock.instant();
        List<String> problems = new ArrayList<>();
        ctx.releaseProbe();
        try {
            fixture.switchMatrix().release();
        } catch (RuntimeException e) {
            problems.add("switch release: " + e.getMessage());
        }
        try {
            fixture.supply().output(false);
        } catch (RuntimeException e) {
            problems.add("DUT power could not be switched off: " + e.getMessage());
        }
        Verdict v = problems.isEmpty() ? Verdict.PASS : Verdict.ERROR;
        String message = problems.isEmpty() ? "DUT power off" : String.join("; ", problems);
        return new StepRecord(seq, "teardown", "teardown", start, clock.instant(), v, message, List.of());
    }
}
