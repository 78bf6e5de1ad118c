package io.benchline.station.plan;

import java.util.List;

/** One entry of a plan. Each kind has its own record; the sequencer has one runner per kind. */
public sealed interface Step
        permits Step.Power, Step.Measure, Step.SwdConnect, Step.Program, Step.ReadUid, Step.BootCheck {

    String name();

    /** Shown to the operator when this step fails, in words they act on. */
    String hint();

    /** The longest the step may take; past it the step ends as ERROR and teardown switches power off. */
    int timeoutMs();

    default String kind() {
        return kindOf(this);
    }

    static String kindOf(Step s) {
        if (s instanceof Power) {
            return "power";
        } else if (s instanceof Measure) {
            return "measure";
        } else if (s instanceof SwdConnect) {
            return "swd-connect";
        } else if (s instanceof Program) {
            return "program";
        } else if (s instanceof ReadUid) {
            return "read-uid";
        }
        return "boot-check";
    }

    /** Switches DUT power; on power-on checks the supply current (a short stops everything at once). */
    record Power(
            String name,
            boolean on,
            double volts,
            double currentLimit,
            Limits current,
            int settleMs,
            int timeoutMs,
            String hint)
            implements Step {}

    /** Reads a test point through the switch and the DMM: mean of the samples within limits, spread within maxSpread. */
    record Measure(
            String name,
            String testPoint,
            String unit,
            Limits limits,
            int samples,
            Double maxSpread,
            int settleMs,
            int timeoutMs,
            String hint)
            implements Step {}

    /**
     * Attaches the debug probe and checks the target voltage, identity, flash size and read protection.
     * Below minPoweredVolts the board is not powered, whatever targetVoltage allows; with
     * requireUnprotected an RDP level above maxRdpLevel fails.
     */
    record SwdConnect(
            String name,
            boolean underReset,
            Limits targetVoltage,
            double minPoweredVolts,
            List<Integer> devIds,
            Integer minFlashKib,
            boolean requireUnprotected,
            int maxRdpLevel,
            int timeoutMs,
            String hint)
            implements Step {
        /** Default min-powered-volts: the lowest VDD of any STM32F4 (DS10314 Table 14). */
        public static final double MIN_POWERED_VOLTS = 1.7;
    }

    /** Erases, programs and (when verify) reads back the plan's firmware; more than maxVerifyMismatches differing bytes fail. */
    record Program(String name, boolean verify, boolean unprotect, long maxVerifyMismatches, int timeoutMs, String hint)
            implements Step {}

    /** Reads the MCU's 96-bit unique ID and binds it to the board serial. */
    record ReadUid(String name, int timeoutMs, String hint) implements Step {}

    /**
     * Resets the board and waits for its boot banner on the fixture's UART, all within timeoutMs. An optional one is
     * SKIPPED on a fixture without a UART; otherwise a station refuses such a fixture at start.
     */
    record BootCheck(String name, String banner, int timeoutMs, boolean optional, String hint) implements Step {}
}
