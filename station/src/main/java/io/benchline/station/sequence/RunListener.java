package io.benchline.station.sequence;

import io.benchline.db.StepRecord;
import io.benchline.fixtures.swd.FlashProgress;

/** Told of a run's progress, each event after it is stored: a terminal printer, a web page. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void runStarted(long runId, RunRequest request) {}

    default void stepStarted(int seq, String name) {}

    default void stepFinished(StepRecord step) {}

    default void runFinished(RunOutcome outcome) {}

    /** Told of the program step's erase, program and verify as they go (a terminal's progress bar). */
    default FlashProgress flashProgress() {
        return FlashProgress.NONE;
    }
}
