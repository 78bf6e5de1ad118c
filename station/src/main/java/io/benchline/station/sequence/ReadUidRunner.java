package io.benchline.station.sequence;

import io.benchline.fixtures.chip.Stm32f4Target;
import io.benchline.station.plan.Step;
import java.util.List;

/** Reads the MCU's 96-bit unique ID and binds it to the board serial in the database. */
final class ReadUidRunner implements StepRunner<Step.ReadUid> {
    @Override
    public StepOutcome run(Step.ReadUid step, RunContext ctx) {
        String uid = new Stm32f4Target(ctx.attachedProbe()).readUid();
        if (uid.matches("0{24}|F{24}")) {
            return StepOutcome.fail("unique ID reads " + uid + ": the chip does not answer memory reads", List.of());
        }
        return StepOutcome.uidRead(uid);
    }
}
