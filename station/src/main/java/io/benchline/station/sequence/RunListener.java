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

    /** Something the operator should know that does not stop the run ("dmm ...: calibration due in 12 days"). */
    default void warning(String text) {}

    /** Told of the program step's erase, program and verify as they go (a terminal's progress bar). */
    default FlashProgress flashProgress() {
        return FlashProgress.NONE;
    }
}
