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
    SKIPPED;

    /** The worse of two verdicts for a whole run: ERROR outranks FAIL, which outranks PASS. */
    public Verdict worse(Verdict other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case PASS, SKIPPED -> 0;
            case FAIL -> 1;
            case ERROR -> 2;
            case ABORTED -> 3;
        };
    }
}
