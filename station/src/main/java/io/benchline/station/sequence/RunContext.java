package io.benchline.station.sequence;

import io.benchline.fixtures.Deadline;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.fixtures.swd.FlashProgress;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import java.util.Optional;

/** What the steps of one run share: the plan, the fixture, the firmware, and the probe once attached. */
final class RunContext {
    private final Plan plan;
    private final Fixture fixture;
    private final Optional<FirmwareImage> image;
    private volatile DebugProbe probe;
    private double targetVolts;
    private volatile Deadline deadline = Deadline.NONE;
    private volatile RailReading highestRail;

    private final FlashProgress flashProgress;
    private final long runId;
    private final PromptAnswers promptAnswers;
    private final AbortSignal abort;

    RunContext(
            Plan plan,
            Fixture fixture,
            Optional<FirmwareImage> image,
            FlashProgress flashProgress,
            long runId,
            PromptAnswers promptAnswers,
            AbortSignal abort) {
        this.plan = plan;
        this.fixture = fixture;
        this.image = image;
        this.flashProgress = flashProgress;
        this.runId = runId;
        this.promptAnswers = promptAnswers;
        this.abort = abort;
    }

    long runId() {
        return runId;
    }

    /** Where this run's prompt steps get their answers. */
    PromptAnswers promptAnswers() {
        return promptAnswers;
    }

    /** This run's stop request, which the step watch waits on with each step. */
    AbortSignal abort() {
        return abort;
    }

    FlashProgress flashProgress() {
        return flashProgress;
    }

    Fixture fixture() {
        return fixture;
    }

    Optional<FirmwareImage> image() {
        return image;
    }

    /** The target voltage to program at: what the probe measured, else the plan's supply voltage. */
    double targetVolts() {
        if (targetVolts > 0) {
            return targetVolts;
        }
        return plan.steps().stream()
                .filter(s -> s instanceof Step.Power p && p.on())
                .mapToDouble(s -> ((Step.Power) s).volts())
                .findFirst()
                .orElse(3.3);
    }

    void targetVolts(double volts) {
        this.targetVolts = volts;
    }

    /** Opens the fixture's probe for this run (once). */
    DebugProbe openProbe() {
        if (probe == null) {
            probe = fixture.probes().open();
        }
        return probe;
    }

    /** The probe a swd-connect step attached; later SWD steps need it. */
    DebugProbe attachedProbe() {
        if (probe == null) {
            throw new FixtureFault("no probe attached: the plan's swd-connect step did not run");
        }
        return probe;
    }

    /** A DMM voltage a measure step of this run judged in its limits. */
    record RailReading(String testPoint, double volts) {}

    /** Keeps the highest in-limits DMM voltage of the run: evidence that the board is powered. */
    void railPassed(String testPoint, double volts) {
        RailReading r = highestRail;
        if (r == null || volts > r.volts()) {
            highestRail = new RailReading(testPoint, volts);
        }
    }

    /** The highest rail the DMM measured in limits in this run, if any reached atLeast volts. */
    Optional<RailReading> railAtLeast(double atLeast) {
        return Optional.ofNullable(highestRail).filter(r -> r.volts() >= atLeast);
    }

    /** When the step now running must end, for waits a runner plans itself (the supply's readback). */
    Deadline deadline() {
        return deadline;
    }

    void deadline(Deadline d) {
        this.deadline = d;
    }

    /**
     * Closes the probe's and every instrument's link under whatever the step is blocked on, from the
     * sequencer's thread; the links reopen at their next use (teardown switches power off through them).
     */
    void abandonWaits() {
        DebugProbe p = probe;
        if (p != null) {
            p.abandon();
        }
        fixture.supply().abandonWaits();
        fixture.dmm().abandonWaits();
        fixture.switchMatrix().abandonWaits();
    }

    /** Releases the probe, if one was opened; never throws. */
    void releaseProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (RuntimeException ignored) {
                // a probe that vanished cannot be closed; the OS releases it
            }
            probe = null;
        }
    }
}
