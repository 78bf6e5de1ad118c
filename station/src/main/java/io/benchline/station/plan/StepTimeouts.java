package io.benchline.station.plan;

import java.util.Map;
import java.util.Set;

/**
 * Default timeout-ms per step kind: what a healthy fixture needs with a wide margin, far below the
 * minutes a hung driver would otherwise keep an operator waiting. docs/plan-format.md lists them.
 */
public final class StepTimeouts {
    public static final long MAX_MS = 600_000;
    private static final Map<String, Integer> DEFAULTS = Map.of(
            // output on, settle, and a supply readback one refresh period later (a DP832 refreshes at 2-3 Hz)
            "power", 5_000,
            // samples x a slow DMM reading (a 34401A at 10 NPLC over RS-232 takes about 0.3 s), plus settle
            "measure", 10_000,
            "swd-connect", 10_000,
            // erase, program and verify of a whole 512 KiB STM32F411 over a slow probe
            "program", 60_000,
            "read-uid", 5_000,
            // the banner wait, reset included; its default before every step had a timeout
            "boot-check", 3_000,
            // an operator reading the text, looking at the board and pressing a button
            "prompt", 60_000,
            // two or three register reads and clears, and the end read's watch (300 ms by default)
            "reset-cause", 5_000);
    public static final Set<String> KINDS = DEFAULTS.keySet();

    private StepTimeouts() {}

    public static int defaultMs(String kind) {
        Integer ms = DEFAULTS.get(kind);
        if (ms == null) {
            throw new IllegalArgumentException("no step kind '" + kind + "'");
        }
        return ms;
    }
}
