package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.fixtures.swd.FlashProgress;
import io.benchline.fixtures.swd.FlashingProbe;
import io.benchline.fixtures.swd.VerifyReport;
import io.benchline.fixtures.chip.Stm32f4Target;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Erases, programs and verifies the released firmware: through the probe's server when it owns
 * the flash algorithm (a GDB server), else with the STM32F4 register-level algorithm.
 */
final class ProgramRunner implements StepRunner<Step.Program> {
    @Override
    public StepOutcome run(Step.Program step, RunContext ctx) {
        FirmwareImage image = ctx.image().orElseThrow(() -> new FixtureFault("the plan's firmware was not loaded"));
        DebugProbe probe = ctx.attachedProbe();
        VerifyReport verify = null;
        if (probe instanceof FlashingProbe server) {
            server.programImage(image, FlashProgress.NONE);
            if (step.verify()) {
                verify = server.verifyImage(image, FlashProgress.NONE);
            }
        } else {
            Stm32f4Target target = new Stm32f4Target(probe);
            target.prepare();
            if (step.unprotect() && target.rdpLevel() == 1) {
                target.unprotect();
            }
            target.program(image, ctx.targetVolts(), FlashProgress.NONE);
            if (step.verify()) {
                verify = target.verify(image, FlashProgress.NONE);
            }
        }
        List<MeasurementRecord> ms = new ArrayList<>();
        ms.add(Measurements.of("bytes programmed", image.size(), "B", Limits.NONE));
        if (verify == null) {
            return StepOutcome.judge(ms, image.size() + " bytes programmed, not verified");
        }
        ms.add(Measurements.of("verify mismatches", verify.mismatches(), "B", new Limits(null, 0.0)));
        if (!verify.ok()) {
            return StepOutcome.fail(String.format(Locale.ROOT, "verify failed: %d of %d bytes differ, first at 0x%08X",
                    verify.mismatches(), verify.bytesCompared(), verify.firstMismatchAddress()), ms);
        }
        return StepOutcome.judge(ms, image.size() + " bytes programmed and verified");
    }
}
