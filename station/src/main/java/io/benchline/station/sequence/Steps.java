package io.benchline.station.sequence;

import io.benchline.station.plan.Step;

/** Dispatches each step kind to its runner. */
final class Steps {
    private static final PowerRunner POWER = new PowerRunner();
    private static final MeasureRunner MEASURE = new MeasureRunner();
    private static final SwdConnectRunner SWD_CONNECT = new SwdConnectRunner();
    private static final ProgramRunner PROGRAM = new ProgramRunner();
    private static final ReadUidRunner READ_UID = new ReadUidRunner();
    private static final BootCheckRunner BOOT_CHECK = new BootCheckRunner();
    private static final PromptRunner PROMPT = new PromptRunner();
    private static final ResetCauseRunner RESET_CAUSE = new ResetCauseRunner();

    private Steps() {}

    static StepOutcome run(Step step, RunContext ctx) {
        if (step instanceof Step.Power p) {
            return POWER.run(p, ctx);
        } else if (step instanceof Step.Measure m) {
            return MEASURE.run(m, ctx);
        } else if (step instanceof Step.SwdConnect c) {
            return SWD_CONNECT.run(c, ctx);
        } else if (step instanceof Step.Program p) {
            return PROGRAM.run(p, ctx);
        } else if (step instanceof Step.ReadUid u) {
            return READ_UID.run(u, ctx);
        } else if (step instanceof Step.Prompt p) {
            return PROMPT.run(p, ctx);
        } else if (step instanceof Step.ResetCause r) {
            return RESET_CAUSE.run(r, ctx);
        }
        return BOOT_CHECK.run((Step.BootCheck) step, ctx);
    }
}
