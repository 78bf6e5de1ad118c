package io.benchline.db;

/**
 * Verdict of a run, a step or a measurement. FAIL blames the board; ERROR says the station could
 * not tell; ABORTED is an operator stop or a crash; SKIPPED is a step that did not run.
 */
public enum Verdict {
    PASS,
    FAIL,
    ERROR,
    ABORTED,
    SKIPPED
}
