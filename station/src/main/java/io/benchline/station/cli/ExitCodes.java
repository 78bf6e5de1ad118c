package io.benchline.station.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;
    public static final int ERROR = 3;

    private ExitCodes() {}
}
