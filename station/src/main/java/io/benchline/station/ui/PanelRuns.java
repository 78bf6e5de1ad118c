package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.Panel;
import io.benchline.station.flow.BoardRefused;
import io.benchline.station.flow.EngineerPin;
import io.benchline.station.flow.StationFlow;
import io.benchline.station.golden.GoldenRequired;
import io.benchline.station.mes.RouteRefused;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunAborts;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The panels of a multi-up station, one at a time, started from the screen, the API or the jig's
 * START: each panel's positions run at once, and each position's tile follows its run (steps as
 * they are stored, then the verdict and the hint). A position whose board the production flow
 * refuses (quarantined, or passed already) is refused on its tile and the others run; once an
 * engineer releases it or confirms its retest it runs on its own ({@link #startPosition}). Kept in
 * memory: the runs themselves are in the database.
 */
public final class PanelRuns implements ScreenRuns, AutoCloseable {
    private static final int KEPT = 100;

    private final Panel panel;
    private final Database db;
    private final String batch;
    private final IntConsumer placeBoard;
    private final StationFlow flow;
    private final ScreenPrompts prompts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "benchline-panel"));
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong notices = new AtomicLong();
    private final Map<Long, PanelState> panels = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PanelState> eldest) {
            return size() > KEPT;
        }
    };
    private volatile PanelState current;
    private volatile Armed armed;
    private volatile Notice notice;
    private volatile boolean closed;

    /** A panel is going: the API answers 409 with its id. */
    static final class PanelGoing extends RuntimeException {
        final long panelId;

        PanelGoing(long panelId) {
            super("a panel is going (panel " + panelId + "): wait for its verdicts");
            this.panelId = panelId;
        }
    }

    /** An action on a panel (or a position of it) that its state does not allow: 409. */
    static final class NotNow extends RuntimeException {
        final String conflict;

        NotNow(String conflict, String message) {
            super(message);
            this.conflict = conflict;
        }
    }

    /** What the screen scanned, ready for the jig's START. */
    private record Armed(List<String> serials, String panelLabel, String operator) {}

    /** The last thing the jig's START could not do, for the screen to show (seq tells a new one). */
    record Notice(long seq, String message) {}

    /**
     * @param placeBoard puts the next board at a position (from 1) before its run; the simulated
     *                   panel swaps its board models here (on a real fixture the operator does)
     */
    PanelRuns(Panel panel, Database db, String batch, IntConsumer placeBoard, StationFlow flow, LiveEvents events) {
        this.panel = panel;
        this.db = db;
        this.batch = batch;
        this.placeBoard = placeBoard;
        this.flow = flow;
        this.prompts = new ScreenPrompts(events);
    }

    @Override
    public Plan plan() {
        return panel.plan();
    }

    @Override
    public Database db() {
        return db;
    }

    @Override
    public ScreenPrompts prompts() {
        return prompts;
    }

    @Override
    public RunAborts aborts() {
        return panel.aborts();
    }

    @Override
    public StationFlow flow() {
        return flow;
    }

    int positions() {
        return panel.size();
    }

    String batch() {
        return batch;
    }

    Optional<PanelState> current() {
        return Optional.ofNullable(current);
    }

    Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    synchronized Optional<PanelState> panel(long id) {
        return Optional.ofNullable(panels.get(id));
    }

    /** The panel as the API shows it, with the prompts its runs wait on. */
    PanelState.View view(PanelState state) {
        Set<Long> runIds = new HashSet<>();
        state.tiles().forEach(t -> {
            if (t.runId() != null) {
                runIds.add(t.runId());
            }
        });
        return state.view(prompts.waiting().stream()
                .filter(p -> runIds.contains((Long) p.get("run_id")))
                .toList());
    }

    /**
     * The serials a panel label names, position by position (the plan's {@code panel-label}).
     */
    List<String> serialsOf(String panelLabel) {
        return plan().panelLabel()
                .orElseThrow(() -> new InputError(
                        "plan " + plan().name() + " has no panel-label: scan or send" + " the serial of each board"))
                .serials(panelLabel, panel.size());
    }

    /**
     * Starts a panel: serials.get(i) is the board at position i+1, null or blank for an empty
     * position; or a panel label, which the plan maps to the serials. Every serial is checked first;
     * nothing is stored for a panel refused. A board the production flow refuses is refused on its
     * tile; with confirmRetest, the engineer confirms the retest of the panel's boards that passed.
     */
    PanelState start(
            List<String> serialsOrNull,
            String panelLabel,
            String batchOrNull,
            String operator,
            boolean confirmRetest,
            Optional<EngineerPin> engineer) {
        String label = panelLabel == null || panelLabel.isBlank() ? null : panelLabel.trim();
        if (label != null && serialsOrNull != null) {
            throw new InputError("give the serials or the panel label, not both");
        }
        List<String> serials = label != null ? serialsOf(label) : serialsOrNull;
        if (serials == null || serials.size() != panel.size()) {
            throw new InputError("serials: the panel has " + panel.size() + " positions; give one serial (or null"
                    + " for an empty position) for each, in position order, or the panel_label");
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
                throw new InputError("position " + position + ": " + problem
                        + (label == null ? "" : " (from panel label " + label + ")"));
            });
            if (!seen.add(s)) {
                throw new InputError("position " + position + ": serial " + s + " is on the panel twice");
            }
            requests.add(Optional.of(new RunRequest(s, runBatch, operator.trim()).onPanel(label)));
        }
        if (seen.isEmpty()) {
            throw new InputError("the panel is empty: scan at least one board");
        }
        if (!busy.compareAndSet(false, true)) {
            PanelState going = current;
            throw new PanelGoing(going == null ? 0 : going.id());
        }
        try {
            PanelState state = new PanelState(ids.incrementAndGet(), runBatch, operator.trim(), label, requests);
            List<Optional<RunRequest>> admitted = admit(state, requests, confirmRetest, engineer);
            state.began();
            synchronized (this) {
                panels.put(state.id(), state);
                current = state;
            }
            if (admitted.stream().anyMatch(Optional::isPresent)) {
                worker.execute(() -> runPanel(state, admitted));
            } else {
                ended(state);
            }
            return state;
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    /**
     * The production flow for each board of the panel: a quarantined board (or one over the retest
     * limit) and one that passed already without a confirmed retest stay out, refused on their
     * tiles. An engineer's confirmation is checked (one PIN) and stored for each passed board.
     */
    private List<Optional<RunRequest>> admit(
            PanelState state,
            List<Optional<RunRequest>> requests,
            boolean confirmRetest,
            Optional<EngineerPin> engineer) {
        List<Optional<RunRequest>> admitted = new ArrayList<>(requests);
        List<String> confirm = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).isEmpty()) {
                continue;
            }
            String serial = requests.get(i).get().serial();
            // asked once per board: on a line, the line's central database too (bounded)
            boolean passed = panel.line().hasPassed(serial).passed();
            Optional<String> refusal = refusal(state, i + 1, serial, passed, confirmRetest);
            if (refusal.isPresent()) {
                admitted.set(i, Optional.empty());
            } else if (passed) {
                confirm.add(serial);
            }
        }
        if (!confirm.isEmpty()) {
            flow.confirmRetest(
                    confirm,
                    engineer.orElse(EngineerPin.of(null, null)),
                    requests.stream()
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElseThrow()
                            .operator());
        }
        return admitted;
    }

    /** Refuses the position's board on its tile when the flow does not let it be tested (now). */
    private Optional<String> refusal(
            PanelState state, int position, String serial, boolean passed, boolean confirmRetest) {
        try {
            flow.gate().admit(serial);
        } catch (BoardRefused e) {
            String why = "quarantined: " + e.quarantine.reason() + " (since " + e.quarantine.since()
                    + "); an engineer must release it";
            state.tile(position, t -> t.refusedFor("quarantined", why));
            return Optional.of("quarantined");
        }
        if (!confirmRetest && passed) {
            String why = "already passed: an engineer must confirm a retest";
            state.tile(position, t -> t.refusedFor("already-passed", why));
            return Optional.of("already-passed");
        }
        return Optional.empty();
    }

    /**
     * Tests a position the panel left out (refused, then released by an engineer, or its retest
     * of a passed board confirmed with the engineer's PIN) while the other positions run on.
     */
    PanelState startPosition(
            long panelId, int position, String operator, boolean confirmRetest, Optional<EngineerPin> engineer) {
        if (operator == null || operator.isBlank()) {
            throw new InputError("operator is missing: who is testing this board?");
        }
        PanelState state =
                panel(panelId).orElseThrow(() -> new NotNow("no-panel", "no panel " + panelId + " on this station"));
        if (position < 1 || position > panel.size()) {
            throw new InputError("position " + position + ": the panel has positions 1 to " + panel.size());
        }
        PanelState.Tile before;
        synchronized (this) {
            if (current != state) {
                throw new NotNow("not-current", "panel " + panelId + " is not the station's current panel");
            }
            before = state.tile(position);
            if (!"refused".equals(before.state())) {
                throw new NotNow(
                        "not-refused",
                        "position " + position + " is " + before.state() + ", not refused: nothing to start");
            }
            if (state.done() && !busy.compareAndSet(false, true)) {
                throw new PanelGoing(state.id());
            }
            // claimed: a second start of the position finds it waiting
            state.tile(position, PanelState.Tile::waiting);
            state.began();
        }
        RunRequest request =
                new RunRequest(before.serial(), state.batch(), operator.trim()).onPanel(state.panelLabel());
        List<Optional<RunRequest>> one = new ArrayList<>();
        for (int p = 1; p <= panel.size(); p++) {
            one.add(p == position ? Optional.of(request) : Optional.empty());
        }
        try {
            if (admit(state, one, confirmRetest, engineer).get(position - 1).isEmpty()) {
                PanelState.Tile still = state.tile(position);
                throw new NotNow(still.refused(), "position " + position + ": " + still.message());
            }
        } catch (RuntimeException e) {
            if ("waiting".equals(state.tile(position).state())) {
                state.tile(position, t -> before);
            }
            ended(state);
            throw e;
        }
        placeBoard.accept(position);
        panel.runAt(position, request, new TileListener(state, position), prompts)
                .whenComplete((outcome, e) -> {
                    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                    if (Panel.isRefusal(cause)) {
                        refused(state, position, (RuntimeException) cause);
                    } else if (e != null) {
                        state.failed("position " + position + ": station software error: " + e.getMessage());
                    }
                    ended(state);
                });
        return state;
    }

    /**
     * Aborts every going run of the panel with why (and any that starts after); waits, at most
     * for, until they have ended. Returns false when some still go.
     */
    boolean abort(long panelId, String why, Duration atMost) throws InterruptedException {
        PanelState state =
                panel(panelId).orElseThrow(() -> new NotNow("no-panel", "no panel " + panelId + " on this station"));
        if (state.done()) {
            throw new NotNow("panel-ended", "panel " + panelId + " has ended: nothing to abort");
        }
        state.abort(why);
        for (PanelState.Tile t : state.tiles()) {
            if (t.runId() != null) {
                aborts().going(t.runId()).ifPresent(s -> s.request(why));
            }
        }
        return state.awaitDone(atMost);
    }

    private void runPanel(PanelState state, List<Optional<RunRequest>> requests) {
        try {
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).isPresent()) {
                    placeBoard.accept(i + 1);
                }
            }
            panel.run(
                    requests,
                    position -> new TileListener(state, position),
                    prompts,
                    (position, why) -> refused(state, position, why));
        } catch (RuntimeException e) {
            state.failed("station software error: " + e.getMessage());
        } finally {
            ended(state);
        }
    }

    /** A board the shift-start rule or the MES refused before anything was powered: refused on its tile. */
    private static void refused(PanelState state, int position, RuntimeException why) {
        String conflict = why instanceof GoldenRequired
                ? GoldenRequired.CONFLICT
                : why instanceof RouteRefused ? "route-refused" : "mes-unavailable";
        state.tile(position, t -> t.refusedFor(conflict, why.getMessage()));
    }

    private synchronized void ended(PanelState state) {
        if (state.ended() && current == state) {
            busy.set(false);
        }
    }

    /** Follows one position's run into its tile. */
    private final class TileListener implements RunListener {
        private final PanelState state;
        private final int position;

        TileListener(PanelState state, int position) {
            this.state = state;
            this.position = position;
        }

        @Override
        public void runStarted(long runId, RunRequest request) {
            state.tile(position, t -> t.started(runId));
            // the panel was aborted while this position was still being placed
            state.aborted().ifPresent(why -> aborts().going(runId).ifPresent(s -> s.request(why)));
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

    /** The serials (or panel label) and operator on the screen, for the jig's START. */
    void arm(List<String> serials, String panelLabel, String operator) {
        boolean nothing = (serials == null || serials.stream().allMatch(s -> s == null || s.isBlank()))
                && (panelLabel == null || panelLabel.isBlank());
        armed = nothing ? null : new Armed(serials, panelLabel, operator);
    }

    /** Watches the jig's START button until closed: a press starts the armed panel. */
    void watch(StartButton button) {
        daemon(
                        () -> {
                            while (!closed) {
                                try {
                                    if (button.awaitStart(Duration.ofMillis(500))) {
                                        pressed();
                                    }
                                } catch (RuntimeException e) {
                                    tell("jig START button: " + e.getMessage());
                                    pause();
                                }
                            }
                        },
                        "benchline-jig-start")
                .start();
    }

    private void pressed() {
        Armed a = armed;
        if (a == null) {
            tell("START pressed: scan the panel's boards (or its label) first");
            return;
        }
        try {
            start(a.serials(), a.panelLabel(), null, a.operator(), false, Optional.empty());
            armed = null;
        } catch (PanelGoing | InputError e) {
            tell("START pressed: " + e.getMessage());
        }
    }

    private void tell(String message) {
        notice = new Notice(notices.incrementAndGet(), message);
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
        worker.shutdownNow();
    }

    /** A verdict that is not PASS names what the operator sees; Verdict kept as text for the JSON. */
    static String name(Verdict v) {
        return v == null ? null : v.name();
    }
}
