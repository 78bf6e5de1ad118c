package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.flashing.Flasher;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.swd.VerifyReport;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Erases, programs and verifies the released firmware with the flasher the attached probe calls for. */
final class ProgramRunner implements StepRunner<Step.Program> {
    @Override
    public StepOutcome run(Step.Program step, RunContext ctx) {
        FirmwareImage image = ctx.image().orElseThrow(() -> new FixtureFault("the plan's firmware was not loaded"));
        Flasher flasher = Flasher.forProbe(ctx.attachedProbe(), ctx.targetVolts());
        if (step.unprotect()) {
            flasher.unprotect();
        }
        flasher.program(image, ctx.flashProgress());
        List<MeasurementRecord> ms = new ArrayList<>();
        ms.add(Measurements.of("bytes programmed", image.size(), "B", Limits.NONE));
        if (!step.verify()) {
            return StepOutcome.judge(ms, image.size() + " bytes programmed, not verified");
        }
        VerifyReport verify = flasher.verify(image, ctx.flashProgress());
        ms.add(Measurements.of(
                "verify mismatches", verify.mismatches(), "B", new Limits(null, (double) step.maxVerifyMismatches())));
        if (verify.mismatches() > step.maxVerifyMismatches()) {
            return StepOutcome.fail(
                    String.format(
                            Locale.ROOT,
                            "verify failed: %d of %d bytes differ, first at 0x%08X%s",
                            verify.mismatches(),
                            verify.bytesCompared(),
                            verify.firstMismatchAddress(),
                            step.maxVerifyMismatches() > 0
                                    ? " (the plan allows " + step.maxVerifyMismatches() + ")"
                                    : ""),
                    ms);
        }
        return StepOutcome.judge(ms, image.size() + " bytes programmed and verified");
    }
}
