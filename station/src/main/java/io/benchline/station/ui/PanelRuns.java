package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.Panel;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The panels of a multi-up station, one at a time, started from the screen or the API: each
 * panel's positions run at once, and each position's tile follows its run (steps as they are
 * stored, then the verdict and the hint). Kept in memory: the runs themselves are in the database.
 */
public final class PanelRuns implements AutoCloseable {
    private static final int KEPT = 100;

    private final Panel panel;
    private final Database db;
    private final String batch;
    private final IntConsumer placeBoard;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchline-panel");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, PanelState> panels = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PanelState> eldest) {
            return size() > KEPT;
        }
    };
    private volatile PanelState current;

    /** A panel is going: the API answers 409 with its id. */
    static final class PanelGoing extends RuntimeException {
        final long panelId;

        PanelGoing(long panelId) {
            super("a panel is going (panel " + panelId + "): wait for its verdicts");
            this.panelId = panelId;
        }
    }

    /** Boards on the panel already passed and the request did not confirm their retest: 409. */
    static final class AlreadyPassed extends RuntimeException {
        final List<String> serials;

        AlreadyPassed(List<String> serials) {
            super("already passed: " + String.join(", ", serials)
                    + " have a PASS; send \"confirm_retest\": true to test them again");
            this.serials = serials;
        }
    }

    /**
     * @param placeBoard puts the next board at a position (from 1) before its run; the simulated
     *                   panel swaps its board models here (on a real fixture the operator does)
     */
    public PanelRuns(Panel panel, Database db, String batch, IntConsumer placeBoard) {
        this.panel = panel;
        this.db = db;
        this.batch = batch;
        this.placeBoard = placeBoard;
    }

    Plan plan() {
        return panel.plan();
    }

    int positions() {
        return panel.size();
    }

    String batch() {
        return batch;
    }

    Database db() {
        return db;
    }

    Optional<PanelState> current() {
        return Optional.ofNullable(current);
    }

    synchronized Optional<PanelState> panel(long id) {
        return Optional.ofNullable(panels.get(id));
    }

    /**
     * Starts a panel: serials.get(i) is the board at position i+1, null or blank for an empty
     * position. Every serial is checked first; nothing is stored for a panel refused.
     */
    PanelState start(List<String> serials, String batchOrNull, String operator, boolean confirmRetest) {
        if (serials == null || serials.size() != panel.size()) {
            throw new InputError("serials: the panel has " + panel.size() + " positions; give one serial (or null"
                    + " for an empty position) for each, in position order");
        }
        if (operator == null || operator.isBlank()) {
            throw new InputError("operator is missing: who is testing this panel?");
        }
        String runBatch = batchOrNull == null ? batch : batchOrNull.trim();
        if (runBatch.isBlank()) {
            throw new InputError("batch is blank");
        }
        List<Optional<RunRequest>> requests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < serials.size(); i++) {
            String s = serials.get(i) == null ? "" : serials.get(i).trim();
            if (s.isEmpty()) {
                requests.add(Optional.empty());
                continue;
            }
            int position = i + 1;
            panel.plan().serialProblem(s).ifPresent(problem -> {
                throw new InputError("position " + position + ": " + problem);
            });
            if (!seen.add(s)) {
                throw new InputError("position " + position + ": serial " + s + " is on the panel twice");
            }
            requests.add(Optional.of(new RunRequest(s, runBatch, operator.trim())));
        }
        if (seen.isEmpty()) {
            throw new InputError("the panel is empty: scan at least one board");
        }
        if (!busy.compareAndSet(false, true)) {
            PanelState going = current;
            throw new PanelGoing(going == null ? 0 : going.id());
        }
        try {
            if (!confirmRetest) {
                List<String> passed = seen.stream()
                        .filter(s -> db.trace().hasPassed(s))
                        .sorted()
                        .toList();
                if (!passed.isEmpty()) {
                    throw new AlreadyPassed(passed);
                }
            }
            PanelState state = new PanelState(ids.incrementAndGet(), runBatch, operator.trim(), requests);
            synchronized (this) {
                panels.put(state.id(), state);
            }
            current = state;
            worker.execute(() -> runPanel(state, requests));
            return state;
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    private void runPanel(PanelState state, List<Optional<RunRequest>> requests) {
        try {
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).isPresent()) {
                    placeBoard.accept(i + 1);
                }
            }
            panel.run(requests, position -> new TileListener(state, position));
        } catch (RuntimeException e) {
            state.failed("station software error: " + e.getMessage());
        } finally {
            state.done();
            busy.set(false);
        }
    }

    /** Follows one position's run into its tile. */
    private record TileListener(PanelState state, int position) implements RunListener {
        @Override
        public void runStarted(long runId, RunRequest request) {
            state.tile(position, t -> t.started(runId));
        }

        @Override
        public void stepStarted(int seq, String name) {
            state.tile(position, t -> t.step(name));
        }

        @Override
        public void runFinished(RunOutcome o) {
            state.tile(position, t -> t.finished(o.verdict(), o.failedStep(), o.hint(), o.message()));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** A verdict that is not PASS names what the operator sees; Verdict kept as text for the JSON. */
    static String name(Verdict v) {
        return v == null ? null : v.name();
    }
}
