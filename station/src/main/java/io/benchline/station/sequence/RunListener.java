package io.benchline.station.sequence;

import io.benchline.db.StepRecord;

/** Told of a run's progress, each event after it is stored: a terminal printer, a web page. */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void runStarted(long runId, RunRequest request) {
    }

    default void stepStarted(int seq, String name) {
    }

    default void stepFinished(StepRecord step) {
    }

    default void runFinished(RunOutcome outcome) {
    }
}
