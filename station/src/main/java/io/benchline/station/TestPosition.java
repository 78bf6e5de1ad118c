package io.benchline.station;

import io.benchline.db.Database;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.station.cli.InputError;
import io.benchline.station.cli.Version;
import io.benchline.station.fixture.Bench;
import io.benchline.station.fixture.BenchOpener;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import io.benchline.station.sequence.Sequencer;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One test position: a plan, the fixture's opened bench and the results database. Opening it
 * closes runs a crash left open, loads the released firmware once, and then runs boards one
 * after another.
 */
public final class TestPosition implements AutoCloseable {
    private final Plan plan;
    private final Bench bench;
    private final Sequencer sequencer;
    private final int recovered;
    private final StopSignals stopSignals;

    private TestPosition(Plan plan, Bench bench, Sequencer sequencer, int recovered) {
        this.plan = plan;
        this.bench = bench;
        this.sequencer = sequencer;
        this.recovered = recovered;
        this.stopSignals = StopSignals.install(() -> sequencer.abortRunGoing("operator stopped the station during the run"));
    }

    public static TestPosition open(Plan plan, FixtureFile fixture, Database db) {
        for (Step step : plan.steps()) {
            if (step instanceof Step.Measure m && !fixture.testPoints().containsKey(m.testPoint())) {
                throw new InputError("plan " + plan.file() + ": step '" + m.name() + "' measures test point '"
                        + m.testPoint() + "', which fixture " + fixture.name() + " does not wire (wired: "
                        + String.join(", ", new TreeSet<>(fixture.testPoints().keySet())) + ")");
            }
        }
        int recovered = db.recoverInterruptedRuns(fixture.station());
        Optional<FirmwareImage> image = FirmwareLoader.load(plan);
        Bench bench = BenchOpener.open(fixture);
        return new TestPosition(plan, bench, new Sequencer(plan, bench, db.store(), image, Version.current(),
                Clock.systemUTC()), recovered);
    }

    public RunOutcome run(RunRequest request, RunListener listener) {
        return sequencer.run(request, listener);
    }

    public Plan plan() {
        return plan;
    }

    public Bench bench() {
        return bench;
    }

    /** How many runs cut off by an earlier crash were closed as ABORTED when this position opened. */
    public int recoveredRuns() {
        return recovered;
    }

    @Override
    public void close() {
        stopSignals.restore();
        bench.close();
    }
}
