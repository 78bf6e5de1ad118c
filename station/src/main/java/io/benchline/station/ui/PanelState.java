package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchline.db.Verdict;
import io.benchline.station.sequence.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One panel as the screen and the API see it: a tile per position, updated as its run goes. */
final class PanelState {
    /** A position's tile: empty, waiting, running (with its step), or done with the verdict and hint. */
    record Tile(
            int position,
            String serial,
            String state,
            @JsonProperty("run_id") Long runId,
            String step,
            String verdict,
            @JsonProperty("failed_step") String failedStep,
            String hint,
            String message) {
        Tile started(long id) {
            return new Tile(position, serial, "running", id, null, null, null, null, null);
        }

        Tile step(String name) {
            return new Tile(position, serial, "running", runId, name, null, null, null, null);
        }

        Tile finished(Verdict v, String failed, String hint, String message) {
            return new Tile(position, serial, "done", runId, null, v.name(), failed, hint, message);
        }
    }

    /** The JSON of {@code GET /api/panels/{id}}. */
    record View(long id, String state, String batch, String operator, String error, List<Tile> positions) {}

    private final long id;
    private final String batch;
    private final String operator;
    private final List<Tile> tiles = new ArrayList<>();
    private boolean done;
    private String error;

    PanelState(long id, String batch, String operator, List<Optional<RunRequest>> requests) {
        this.id = id;
        this.batch = batch;
        this.operator = operator;
        for (int i = 0; i < requests.size(); i++) {
            String serial = requests.get(i).map(RunRequest::serial).orElse(null);
            tiles.add(
                    new Tile(i + 1, serial, serial == null ? "empty" : "waiting", null, null, null, null, null, null));
        }
    }

    long id() {
        return id;
    }

    synchronized void tile(int position, UnaryOperator<Tile> change) {
        tiles.set(position - 1, change.apply(tiles.get(position - 1)));
    }

    synchronized void failed(String why) {
        this.error = why;
    }

    synchronized void done() {
        done = true;
    }

    synchronized View view() {
        return new View(id, done ? "done" : "running", batch, operator, error, List.copyOf(tiles));
    }
}
