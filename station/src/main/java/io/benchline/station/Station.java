package io.benchline.station;

import io.benchline.db.Database;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.station.calibration.CalibrationGate;
import io.benchline.station.fixture.Fixture;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.golden.ShiftGate;
import io.benchline.station.line.StationLine;
import io.benchline.station.mes.MesGate;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.PromptAnswers;
import io.benchline.station.sequence.RunAborts;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import io.benchline.station.sequence.Sequencer;
import io.benchline.station.spc.ProcessCharts;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * One station: a plan, its fixture opened, and the results database. Opening it
 * closes runs a crash left open, loads the released firmware once, and then runs boards one
 * after another.
 */
public final class Station implements AutoCloseable {
    private final Plan plan;
    private final Fixture fixture;
    private final Sequencer sequencer;
    private final int recovered;
    private final StopSignals stopSignals;
    private final RunAborts aborts;
    private final RunHooks hooks;

    private Station(Plan plan, Fixture fixture, Sequencer sequencer, int recovered, RunAborts aborts, RunHooks hooks) {
        this.aborts = aborts;
        this.hooks = hooks;
        this.plan = plan;
        this.fixture = fixture;
        this.sequencer = sequencer;
        this.recovered = recovered;
        this.stopSignals =
                StopSignals.install(() -> sequencer.abortRunGoing("operator stopped the station during the run"));
    }

    public static Station open(Plan plan, FixtureFile file, Database db) {
        return open(plan, file, db, FixtureOpener::open);
    }

    /** As {@link #open(Plan, FixtureFile, Database)}, with the fixture opened by the caller's opener (a demo keeps its simulated hardware). */
    public static Station open(Plan plan, FixtureFile file, Database db, Function<FixtureFile, Fixture> opener) {
        PlanFit.check(plan, file);
        int recovered = db.recoverInterruptedRuns(file.station());
        Optional<FirmwareImage> image = FirmwareLoader.load(plan);
        Fixture fixture = opener.apply(file);
        RunAborts aborts = new RunAborts();
        Sequencer sequencer =
                new Sequencer(plan, fixture, db.store(), image, Version.current(), Clock.systemUTC(), aborts);
        sequencer.checkCalibration(new CalibrationGate(db.calibration(), Clock.systemUTC()));
        return new Station(plan, fixture, sequencer, recovered, aborts, RunHooks.of(plan, file, db));
    }

    /** Throws {@link io.benchline.station.golden.GoldenRequired} when the shift-start rule refuses this run (before anything is powered). */
    public void admitShift(RunRequest request) {
        hooks.admitShift(request);
    }

    /** The shift-start golden-check rule production runs are held to (the fixture file's golden: block). */
    public void useShiftGate(ShiftGate gate) {
        hooks.useShiftGate(gate);
    }

    public RunOutcome run(RunRequest request, RunListener listener) {
        return hooks.run(request, listener, sequencer::run);
    }

    /** Puts the station on a line of stations (its runs forwarded, retests checked on the line); the caller closes it. */
    public void joinLine(StationLine line) {
        hooks.joinLine(line);
    }

    public StationLine line() {
        return hooks.line();
    }

    /** The shift-start rule, the MES and the line every run passes through. */
    public RunHooks hooks() {
        return hooks;
    }

    /** A run whose prompt steps are answered from answers (the screen, --answer, the demo). */
    public RunOutcome run(RunRequest request, RunListener listener, PromptAnswers answers) {
        return hooks.run(request, listener, (r, l) -> sequencer.run(r, l, answers));
    }

    /** The station's live control charts (their alarms: {@code Database.spcAlarms()}). */
    public ProcessCharts charts() {
        return hooks.charts();
    }

    /** The stop signals of this station's going runs (ABORT on the screen, the API's abort). */
    public RunAborts aborts() {
        return aborts;
    }

    /** From now on each run asks the MES first and posts its result after (docs/mes.md); closed with the station. */
    public void useMes(MesGate gate) {
        hooks.useMes(gate);
    }

    public Plan plan() {
        return plan;
    }

    public Fixture fixture() {
        return fixture;
    }

    /** How many runs cut off by an earlier crash were closed as ABORTED when this station opened. */
    public int recoveredRuns() {
        return recovered;
    }

    @Override
    public void close() {
        stopSignals.restore();
        hooks.close();
        fixture.close();
    }
}
