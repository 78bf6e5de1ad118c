package io.benchline.station;

import io.benchline.db.Database;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.station.calibration.CalibrationGate;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.PromptAnswers;
import io.benchline.station.sequence.RunAborts;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import io.benchline.station.sequence.Sequencer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A multi-up station: one plan, a fixture of several positions, the results database. A panel's
 * boards run at once, one {@link Sequencer} per position on a thread of its own; they meet only
 * at the shared DMM (see InstrumentLocks) and the store. A position's fault ends its run and no
 * other. A fixture without positions is a panel of one.
 */
public final class Panel implements AutoCloseable {
    private final Plan plan;
    private final PanelFixture fixture;
    private final List<Sequencer> sequencers;
    private final ExecutorService positions;
    private final int recovered;
    private final StopSignals stopSignals;
    private final RunAborts aborts;

    private Panel(Plan plan, PanelFixture fixture, List<Sequencer> sequencers, int recovered, RunAborts aborts) {
        this.aborts = aborts;
        this.plan = plan;
        this.fixture = fixture;
        this.sequencers = sequencers;
        this.recovered = recovered;
        AtomicInteger n = new AtomicInteger();
        this.positions = Executors.newFixedThreadPool(sequencers.size(), r -> {
            Thread t = new Thread(r, "position " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.stopSignals = StopSignals.install(
                () -> sequencers.forEach(s -> s.abortRunGoing("operator stopped the station during the run")));
    }

    public static Panel open(Plan plan, FixtureFile file, Database db) {
        return open(plan, file, db, PanelFixture::open);
    }

    /** As {@link #open(Plan, FixtureFile, Database)}, with the fixture opened by the caller (a demo keeps its simulated panel). */
    public static Panel open(Plan plan, FixtureFile file, Database db, Function<FixtureFile, PanelFixture> opener) {
        for (int n = 1; n <= file.positionCount(); n++) {
            PlanFit.check(plan, file.atPosition(n));
        }
        int recovered = db.recoverInterruptedRuns(file.station());
        Optional<FirmwareImage> image = FirmwareLoader.load(plan);
        PanelFixture fixture = opener.apply(file);
        RunAborts aborts = new RunAborts();
        List<Sequencer> sequencers = fixture.positions().stream()
                .map(fx -> {
                    Sequencer s =
                            new Sequencer(plan, fx, db.store(), image, Version.current(), Clock.systemUTC(), aborts);
                    s.checkCalibration(new CalibrationGate(db.calibration(), Clock.systemUTC()));
                    return s;
                })
                .toList();
        return new Panel(plan, fixture, sequencers, recovered, aborts);
    }

    /** How many boards a panel holds. */
    public int size() {
        return sequencers.size();
    }

    /**
     * Tests a panel: requests.get(i) is the board at position i+1, empty where the position is left
     * empty. Every serial is checked before anything starts (bad input stores nothing). Returns each
     * position's outcome once every run has ended and is stored.
     */
    public List<Optional<RunOutcome>> run(List<Optional<RunRequest>> requests, IntFunction<RunListener> listeners) {
        return run(requests, listeners, PromptAnswers.NONE);
    }

    /** As {@link #run(List, IntFunction)}, with the runs' prompt steps answered from answers (the screen). */
    public List<Optional<RunOutcome>> run(
            List<Optional<RunRequest>> requests, IntFunction<RunListener> listeners, PromptAnswers answers) {
        if (requests.size() != size()) {
            throw new InputError("the panel has " + size() + " positions; " + requests.size() + " were given");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Optional<RunRequest> r = requests.get(i);
            if (r.isEmpty()) {
                continue;
            }
            int position = i + 1;
            plan.serialProblem(r.get().serial()).ifPresent(problem -> {
                throw new InputError("position " + position + ": " + problem);
            });
            if (!seen.add(r.get().serial())) {
                throw new InputError(
                        "position " + position + ": serial " + r.get().serial() + " is on the panel twice");
            }
        }
        List<Future<RunOutcome>> going = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Optional<RunRequest> r = requests.get(i);
            Sequencer s = sequencers.get(i);
            RunListener listener = listeners.apply(i + 1);
            going.add(r.map(req -> positions.submit(() -> s.run(req, listener, answers)))
                    .orElse(null));
        }
        List<Optional<RunOutcome>> outcomes = new ArrayList<>();
        RuntimeException first = null;
        for (Future<RunOutcome> f : going) {
            if (f == null) {
                outcomes.add(Optional.empty());
                continue;
            }
            try {
                outcomes.add(Optional.of(f.get()));
            } catch (ExecutionException e) {
                outcomes.add(Optional.empty());
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a panel was running", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return outcomes;
    }

    /**
     * Tests one board at a position left out of the panel going (refused, then released or its
     * retest confirmed), while the others run on. The caller makes sure the position is idle.
     */
    public CompletableFuture<RunOutcome> runAt(
            int position, RunRequest request, RunListener listener, PromptAnswers answers) {
        plan.serialProblem(request.serial()).ifPresent(problem -> {
            throw new InputError("position " + position + ": " + problem);
        });
        Sequencer s = sequencers.get(position - 1);
        return CompletableFuture.supplyAsync(() -> s.run(request, listener, answers), positions);
    }

    /** The stop signals of the panel's going runs, one per position (ABORT on a tile, the API's abort). */
    public RunAborts aborts() {
        return aborts;
    }

    public Plan plan() {
        return plan;
    }

    public PanelFixture fixture() {
        return fixture;
    }

    /** How many runs cut off by an earlier crash were closed as ABORTED when this panel opened. */
    public int recoveredRuns() {
        return recovered;
    }

    @Override
    public void close() {
        stopSignals.restore();
        positions.shutdownNow();
        fixture.close();
    }
}
