package io.benchline.station.sequence;

import io.benchline.fixtures.chip.ResetFlag;
import io.benchline.fixtures.chip.ResetFlags;
import io.benchline.station.plan.Step;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reset flags in words, and what each flag seen where it should not be says about the board:
 * the operator's hint. The worst flag names the fault: a lost supply explains everything after it.
 */
final class ResetWords {
    /** Most telling first: power, then the firmware, then NRST, then a software reset. */
    static final List<ResetFlag> SEVERITY = List.of(
            ResetFlag.POR, ResetFlag.BOR, ResetFlag.IWDG, ResetFlag.WWDG, ResetFlag.LPWR, ResetFlag.PIN, ResetFlag.SFT);

    private ResetWords() {}

    /** e.g. "power-on / power-down reset + brown-out reset + NRST pin reset", or "no reset flag". */
    static String flags(ResetFlags f) {
        return f.none()
                ? "no reset flag"
                : f.set().stream().map(ResetFlag::words).collect(Collectors.joining(" + "));
    }

    /** The flag that names the fault among those not allowed. */
    static ResetFlag worst(Set<ResetFlag> unexpected) {
        return SEVERITY.stream().filter(unexpected::contains).findFirst().orElseThrow();
    }

    static String when(String phase) {
        return switch (phase) {
            case "power-on" -> "at power-on";
            case "end" -> "during the test";
            default -> "while the firmware ran after boot";
        };
    }

    /** The default hint for a flag seen where it should not be; the plan's hints: replace it. */
    static String hint(Step.ResetCause step, ResetFlag flag) {
        String own = step.hints().get(flag);
        if (own != null) {
            return own;
        }
        return switch (flag) {
            case POR, BOR ->
                "Power problem on the board: the chip's supply dropped during the test. Check the 3V3 rail under load"
                        + " (regulator and its input/output capacitors, VCAP1, solder joints on VDD/VSS) and the supply's"
                        + " current limit; do not ship, a retest may pass by luck.";
            case PIN ->
                "NRST noise: the chip was reset through its NRST pin with nobody at the station resetting it. Check the"
                        + " reset circuit (100 nF from NRST to GND, the reset button, the NRST line from the SWD"
                        + " connector) and for coupling from nearby switching nodes.";
            case IWDG, WWDG ->
                "The firmware: a watchdog reset the chip after boot (the firmware hangs or does not refresh its"
                        + " watchdog). Not an assembly fault: hold the board and report the firmware version.";
            case LPWR ->
                "The firmware or the option bytes: the chip entered Standby/Stop with nRST_STDBY/nRST_STOP set,"
                        + " which resets it. Check the firmware version and the option bytes.";
            case SFT ->
                "The firmware reset itself (software reset) with nobody at the station resetting it: a fault handler"
                        + " or a firmware bug; hold the board and report the firmware version.";
        };
    }
}
