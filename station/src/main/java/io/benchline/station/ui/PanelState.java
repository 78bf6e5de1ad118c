package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchline.db.Verdict;
import io.benchline.station.sequence.RunRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One panel as the screen and the API see it: a tile per position, updated as its run goes. A
 * position refused by the production flow (quarantined, or passed already) keeps its serial and
 * the reason until an engineer's release or confirmation lets it run while the others go on.
 */
final class PanelState {
    /**
     * A position's tile: empty, waiting, running (with its step), done with the verdict and hint,
     * or refused (why in {@code refused}: quarantined or already-passed, the reason in message).
     */
    record Tile(
            int position,
            String serial,
            String state,
            @JsonProperty("run_id") Long runId,
            String step,
            String verdict,
            @JsonProperty("failed_step") String failedStep,
            String hint,
            String message,
            String refused) {
        Tile started(long id) {
            return new Tile(position, serial, "running", id, null, null, null, null, null, null);
        }

        Tile step(String name) {
            return new Tile(position, serial, "running", runId, name, null, null, null, null, null);
        }

        Tile finished(Verdict v, String failed, String hint, String message) {
            return new Tile(position, serial, "done", runId, null, v.name(), failed, hint, message, null);
        }

        Tile refusedFor(String conflict, String why) {
            return new Tile(position, serial, "refused", null, null, null, null, null, why, conflict);
        }

        Tile waiting() {
            return new Tile(position, serial, "waiting", null, null, null, null, null, null, null);
        }
    }

    /** The JSON of {@code GET /api/panels/{id}}; prompts are the ones its runs wait on now. */
    record View(
            long id,
            String state,
            String batch,
            String operator,
            @JsonProperty("panel_label") String panelLabel,
            String error,
            String aborted,
            List<Tile> positions,
            List<Map<String, Object>> prompts) {}

    private final long id;
    private final String batch;
    private final String operator;
    private final String panelLabel;
    private final List<Tile> tiles = new ArrayList<>();
    private int going;
    private String error;
    private String aborted;

    PanelState(long id, String batch, String operator, String panelLabel, List<Optional<RunRequest>> requests) {
        this.id = id;
        this.batch = batch;
        this.operator = operator;
        this.panelLabel = panelLabel;
        for (int i = 0; i < requests.size(); i++) {
            String serial = requests.get(i).map(RunRequest::serial).orElse(null);
            tiles.add(new Tile(
                    i + 1, serial, serial == null ? "empty" : "waiting", null, null, null, null, null, null, null));
        }
    }

    long id() {
        return id;
    }

    String batch() {
        return batch;
    }

    String panelLabel() {
        return panelLabel;
    }

    synchronized void tile(int position, UnaryOperator<Tile> change) {
        tiles.set(position - 1, change.apply(tiles.get(position - 1)));
    }

    synchronized Tile tile(int position) {
        return tiles.get(position - 1);
    }

    synchronized List<Tile> tiles() {
        return List.copyOf(tiles);
    }

    synchronized void failed(String why) {
        this.error = why;
    }

    /** Work began on the panel (its runs at once, or one position let in late). */
    synchronized void began() {
        going++;
    }

    /** Work ended; true when nothing of the panel goes any more. */
    synchronized boolean ended() {
        going--;
        if (going == 0) {
            notifyAll();
        }
        return going == 0;
    }

    synchronized boolean done() {
        return going == 0;
    }

    /** Stops the panel: its going runs are asked to abort, and a run that starts after this is too. */
    synchronized void abort(String why) {
        aborted = why;
    }

    synchronized Optional<String> aborted() {
        return Optional.ofNullable(aborted);
    }

    /** Waits until nothing of the panel goes, at most for; true when it ended. */
    synchronized boolean awaitDone(Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (going > 0) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized View view(List<Map<String, Object>> prompts) {
        return new View(
                id,
                going == 0 ? "done" : "running",
                batch,
                operator,
                panelLabel,
                error,
                aborted,
                List.copyOf(tiles),
                prompts);
    }
}
