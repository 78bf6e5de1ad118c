package io.benchline.station;

import io.benchline.db.Database;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.golden.GoldenSettings;
import io.benchline.station.golden.ShiftGate;
import io.benchline.station.line.StationLine;
import io.benchline.station.mes.MesGate;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import io.benchline.station.spc.ProcessCharts;
import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every run of a station passes through, one board or a panel's position alike: the
 * shift-start rule first, then the MES (route check before, result posted after), the line (the
 * forwarder told of each verdict), and last the live control charts (an alarm never changes a
 * verdict: a chart that cannot be kept is logged and the run stays as it was).
 */
public final class RunHooks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunHooks.class);

    private final ProcessCharts charts;
    private volatile StationLine line;
    private volatile MesGate mes;
    private volatile ShiftGate shiftGate;

    private RunHooks(StationLine line, ShiftGate shiftGate, ProcessCharts charts) {
        this.charts = charts;
        this.line = line;
        this.shiftGate = shiftGate;
    }

    /** A station alone, held to its fixture file's golden: rule, with no MES yet. */
    static RunHooks of(Plan plan, FixtureFile file, Database db) {
        GoldenSettings golden = GoldenSettings.of(file);
        return new RunHooks(
                StationLine.alone(db),
                new ShiftGate(
                        golden,
                        db.golden(),
                        file.station(),
                        plan.name(),
                        ShiftGate.howTo(String.valueOf(plan.file()), file.source(), golden),
                        Clock.systemDefaultZone()),
                new ProcessCharts(plan, file.station(), db, Clock.systemUTC()));
    }

    /** The station's live control charts, fed by every stored run of every position. */
    public ProcessCharts charts() {
        return charts;
    }

    /** Throws {@link io.benchline.station.golden.GoldenRequired} when the shift-start rule refuses this run (before anything is powered). */
    public void admitShift(RunRequest request) {
        shiftGate.admit(request);
    }

    /** The shift-start golden-check rule production runs are held to (the fixture file's golden: block). */
    public void useShiftGate(ShiftGate gate) {
        this.shiftGate = gate;
    }

    /** Puts the station on a line of stations (its runs forwarded, retests checked on the line); the caller closes it. */
    public void joinLine(StationLine line) {
        this.line = line;
    }

    public StationLine line() {
        return line;
    }

    /** From now on each run asks the MES first and posts its result after (docs/mes.md); closed with the station. */
    public void useMes(MesGate gate) {
        MesGate before = mes;
        this.mes = gate;
        if (before != null) {
            before.close();
        }
    }

    /** Runs one board through the hooks; sequencer runs it with the listener it is given. */
    public RunOutcome run(
            RunRequest request, RunListener listener, BiFunction<RunRequest, RunListener, RunOutcome> sequencer) {
        admitShift(request);
        Supplier<RunOutcome> run = () -> sequencer.apply(request, line.around(listener));
        MesGate gate = mes;
        RunOutcome outcome = gate == null ? run.get() : gate.run(request, run);
        try {
            charts.observe(request.batch(), outcome);
        } catch (RuntimeException e) {
            LOG.warn("control charts: run {} not charted: {}", outcome.runId(), e.getMessage());
        }
        return outcome;
    }

    @Override
    public void close() {
        MesGate gate = mes;
        if (gate != null) {
            gate.close();
        }
    }
}
