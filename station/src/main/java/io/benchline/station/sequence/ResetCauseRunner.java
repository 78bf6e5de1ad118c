package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.chip.ResetFlag;
import io.benchline.fixtures.chip.ResetFlags;
import io.benchline.fixtures.chip.Stm32f4Target;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads RCC_CSR, stores every flag as a measurement named "PHASE FLAGNAME" (0 or 1; high limit 0
 * for a flag that must be clear, low limit 1 for one that must be set) beside the raw register, and
 * clears the flags. The power-on read judges how the chip came up; the end read what reset it since;
 * its watch what resets it while the firmware runs and the station keeps its hands off.
 */
final class ResetCauseRunner implements StepRunner<Step.ResetCause> {
    @Override
    public StepOutcome run(Step.ResetCause step, RunContext ctx) {
        Stm32f4Target target = new Stm32f4Target(ctx.attachedProbe());
        List<MeasurementRecord> ms = new ArrayList<>();
        String phase = step.phase().id();
        ResetFlags flags = target.readResetFlags();
        record(ms, phase, flags, step.allowed(), step.required());
        if (step.phase() == Step.ResetCause.Phase.POWER_ON && flags.none()) {
            return StepOutcome.error(
                    "RCC_CSR reads 0x00000000 after power-on: no reset flag at all, which a real STM32F4 never shows"
                            + " (a power-on sets PORRSTF); the reset cause cannot be told",
                    ms,
                    "Station, not the board: the chip does not model RCC_CSR (an emulated chip, e.g. QEMU) or its"
                            + " peripherals read as zero. Leave the reset-cause steps out of plans for emulated boards.");
        }
        target.clearResetFlags();
        if (step.phase() == Step.ResetCause.Phase.POWER_ON) {
            // nothing runs on the chip yet to set a flag again: what still reads set did not clear
            ResetFlags after = target.readResetFlags();
            if (!after.none()) {
                return StepOutcome.error(
                        "RCC_CSR reads " + after.hex() + " after writing RMVF: the reset flags do not clear",
                        ms,
                        "Station or chip: the probe's memory writes do not reach RCC_CSR; check the probe with"
                                + " `benchline probe` on a known-good board.");
            }
        }
        StepOutcome verdict = judge(step, phase, flags, ms);
        if (verdict != null) {
            return verdict;
        }
        String said = ResetWords.when(phase) + ": " + ResetWords.flags(flags) + " (" + flags.hex() + ")";
        if (step.watchMs() > 0) {
            ctx.fixture().pacer().settle(step.watchMs());
            ResetFlags watch = target.readResetFlags();
            record(ms, "watch", watch, Set.of(), Set.of());
            target.clearResetFlags();
            StepOutcome watched = judge(step, "watch", watch, ms);
            if (watched != null) {
                return watched;
            }
            said += "; none in the " + step.watchMs() + " ms watch after";
        }
        return new StepOutcome(Verdict.PASS, said + "; cleared", ms);
    }

    private static void record(
            List<MeasurementRecord> ms,
            String phase,
            ResetFlags flags,
            Set<ResetFlag> allowed,
            Set<ResetFlag> required) {
        ms.add(Measurements.of(phase + " RCC_CSR", Integer.toUnsignedLong(flags.raw()), "", Limits.NONE));
        for (ResetFlag f : ResetFlag.values()) {
            Limits limits = required.contains(f)
                    ? new Limits(1.0, null)
                    : allowed.contains(f) ? Limits.NONE : new Limits(null, 0.0);
            ms.add(Measurements.of(phase + " " + f.register(), flags.has(f) ? 1 : 0, "", limits));
        }
    }

    /** FAIL naming the worst flag that should not be there, or a required flag missing; null when the read passes. */
    private static StepOutcome judge(Step.ResetCause step, String phase, ResetFlags flags, List<MeasurementRecord> ms) {
        Set<ResetFlag> unexpected = EnumSet.noneOf(ResetFlag.class);
        unexpected.addAll(flags.set());
        if (!phase.equals("watch")) {
            unexpected.removeAll(step.allowed());
        }
        if (!unexpected.isEmpty()) {
            ResetFlag worst = ResetWords.worst(unexpected);
            String what = worst == ResetFlag.BOR && flags.has(ResetFlag.POR) ? ResetFlag.POR.words() : worst.words();
            return new StepOutcome(
                    Verdict.FAIL,
                    what + " " + ResetWords.when(phase) + " (" + worst.register() + "; RCC_CSR " + flags.hex() + ": "
                            + ResetWords.flags(flags) + ")",
                    ms,
                    null,
                    ResetWords.hint(step, worst));
        }
        if (!phase.equals("watch")) {
            for (ResetFlag r : step.required()) {
                if (!flags.has(r)) {
                    return new StepOutcome(
                            Verdict.FAIL,
                            "no " + r.words() + " flag " + ResetWords.when(phase) + " (RCC_CSR " + flags.hex() + ": "
                                    + ResetWords.flags(flags) + ")",
                            ms,
                            null,
                            r == ResetFlag.POR
                                    ? "The chip did not see a power-on reset after the station switched power on: it"
                                            + " never lost power. Look for back-powering through an I/O pin, the UART"
                                            + " or the probe, and for a supply that does not switch off."
                                    : step.hint());
                }
            }
        }
        return null;
    }
}
