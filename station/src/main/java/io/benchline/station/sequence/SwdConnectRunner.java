package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.fixtures.chip.ChipIdentity;
import io.benchline.fixtures.chip.Stm32f4Target;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Attaches the probe, stores the target voltage it sees, and checks the chip's identity, flash
 * size and read protection. A target below the plan's min-powered-volts is "board not powered".
 * A plan that names neither dev-ids nor min-flash-kib asks for no identity, and none is read
 * (an emulated board answers no identity registers).
 */
final class SwdConnectRunner implements StepRunner<Step.SwdConnect> {
    @Override
    public StepOutcome run(Step.SwdConnect step, RunContext ctx) {
        DebugProbe probe = ctx.openProbe();
        probe.connect(step.underReset());
        List<MeasurementRecord> ms = new ArrayList<>();
        double volts = probe.targetVoltage();
        if (!Double.isNaN(volts)) {
            ctx.targetVolts(volts);
            ms.add(Measurements.of("target voltage", volts, "V", step.targetVoltage()));
            if (volts < step.minPoweredVolts()) {
                Optional<RunContext.RailReading> rail = ctx.railAtLeast(step.minPoweredVolts());
                if (rail.isPresent()) {
                    // Kept as evidence but not judged: the reading is the open wire's, not the board's.
                    return vrefOpen(
                            volts, rail.get(), List.of(Measurements.of("target voltage", volts, "V", Limits.NONE)));
                }
                return StepOutcome.fail(
                        String.format(
                                Locale.ROOT,
                                "board not powered: the probe sees %.2f V on the target (the chip needs at least %s V)",
                                volts,
                                step.minPoweredVolts()),
                        ms);
            }
        }
        Stm32f4Target target = new Stm32f4Target(probe);
        String summary = "chip identity not checked: the plan names no dev-ids and no min-flash-kib";
        if (!step.devIds().isEmpty() || step.minFlashKib() != null) {
            ChipIdentity id = target.identify();
            summary = id.summary();
            if (!step.devIds().isEmpty() && !step.devIds().contains(id.devId())) {
                return StepOutcome.fail(
                        String.format(
                                Locale.ROOT,
                                "wrong part: the chip reports DEV_ID 0x%03X (%s), the plan expects %s",
                                id.devId(),
                                id.part(),
                                step.devIds().stream()
                                        .map(d -> String.format("0x%03X", d))
                                        .collect(Collectors.joining(" or "))),
                        ms);
            }
            if (step.minFlashKib() != null) {
                ms.add(Measurements.of(
                        "flash size",
                        id.flashKib(),
                        "KiB",
                        new Limits(step.minFlashKib().doubleValue(), null)));
            }
        }
        if (step.requireUnprotected()) {
            int rdp = target.rdpLevel();
            ms.add(Measurements.of("RDP level", rdp, "", new Limits(null, (double) step.maxRdpLevel())));
            if (rdp > step.maxRdpLevel()) {
                return StepOutcome.fail(
                        "flash is read-protected (RDP level " + rdp + "): this station does not"
                                + " unprotect unless the plan's program step says unprotect: true",
                        ms);
            }
        }
        return StepOutcome.judge(ms, summary);
    }

    private static StepOutcome vrefOpen(double volts, RunContext.RailReading rail, List<MeasurementRecord> ms) {
        return StepOutcome.error(
                String.format(
                        Locale.ROOT,
                        "the probe sees %.2f V on the target, but the DMM measured %s at %.3f V in this run: the probe's target-voltage"
                                + " (VREF) wire is open",
                        volts,
                        rail.testPoint(),
                        rail.volts()),
                ms,
                "Fixture fault, not the board: check the probe's VREF (target voltage) wire and its contact to the board's VDD,"
                        + " then retest the same board");
    }
}
