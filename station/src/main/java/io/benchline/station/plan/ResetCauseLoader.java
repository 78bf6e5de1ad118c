package io.benchline.station.plan;

import io.benchline.fixtures.chip.ResetFlag;
import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.Where;
import io.benchline.station.yaml.YamlError;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a reset-cause step and checks where it stands in the plan: the power-on read right after a
 * power-on and a swd-connect that did not reset the chip, before anything resets it (program,
 * boot-check); the end read after the power-on read and after every step that resets the chip.
 */
final class ResetCauseLoader {
    private ResetCauseLoader() {}

    static Step resetCause(Fields f, String name, int timeout, String hint, String what) {
        String phaseText = f.text("phase");
        Step.ResetCause.Phase phase = switch (phaseText) {
            case "power-on" -> Step.ResetCause.Phase.POWER_ON;
            case "end" -> Step.ResetCause.Phase.END;
            default ->
                throw new YamlError(
                        f.where("phase"), what + ": phase must be power-on or end, found '" + phaseText + "'");
        };
        boolean powerOn = phase == Step.ResetCause.Phase.POWER_ON;
        Set<ResetFlag> allowed = f.has("allow")
                ? flags(f.list("allow"), what + " allow")
                : powerOn ? Step.ResetCause.POWER_ON_ALLOWED : Step.ResetCause.END_ALLOWED;
        Set<ResetFlag> required = f.has("require")
                ? flags(f.list("require"), what + " require")
                : powerOn ? EnumSet.of(ResetFlag.POR) : EnumSet.noneOf(ResetFlag.class);
        for (ResetFlag r : required) {
            if (!allowed.contains(r)) {
                throw new YamlError(
                        f.where("require"),
                        what + ": required flag '" + r.id() + "' is not in allow: no board could pass");
            }
        }
        int watch = powerOn ? 0 : f.integer("watch-ms", Step.ResetCause.DEFAULT_WATCH_MS);
        if (f.has("watch-ms") && powerOn) {
            throw new YamlError(f.where("watch-ms"), what + ": watch-ms belongs to the end read (phase: end)");
        }
        if (watch < 0 || watch >= timeout) {
            throw new YamlError(
                    f.where("watch-ms"), what + ": watch-ms must be 0 or more and below timeout-ms " + timeout);
        }
        Map<ResetFlag, String> hints = new EnumMap<>(ResetFlag.class);
        Optional<Node> hintNode = f.optNode("hints");
        if (hintNode.isPresent()) {
            Fields h = Fields.of(hintNode.get(), what + " hints");
            for (ResetFlag flag : ResetFlag.values()) {
                h.optText(flag.id()).ifPresent(text -> hints.put(flag, text));
            }
            h.done();
        }
        return new Step.ResetCause(name, phase, allowed, required, watch, hints, timeout, hint);
    }

    private static Set<ResetFlag> flags(List<Node> nodes, String what) {
        Set<ResetFlag> set = EnumSet.noneOf(ResetFlag.class);
        for (Node n : nodes) {
            if (!(n instanceof Node.Scalar s)) {
                throw new YamlError(n.where(), what + ": each entry must be a flag name, found " + Node.describe(n));
            }
            try {
                set.add(ResetFlag.byId(s.text().trim()));
            } catch (IllegalArgumentException e) {
                throw new YamlError(n.where(), what + ": " + e.getMessage());
            }
        }
        return set;
    }

    /** Where a reset-cause step may stand, and that nothing resets the chip after the end read. */
    static void requireOrder(Where where, String what, Step step, List<Step> before) {
        Optional<Step.ResetCause> end = before.stream()
                .filter(s -> s instanceof Step.ResetCause r && r.phase() == Step.ResetCause.Phase.END)
                .map(s -> (Step.ResetCause) s)
                .findFirst();
        if (end.isPresent() && (step instanceof Step.Program || step instanceof Step.BootCheck)) {
            throw new YamlError(
                    where,
                    what + ": resets the chip after the reset-cause end read '"
                            + end.get().name()
                            + "': put the end read after it (the end read is the last look at the chip)");
        }
        if (!(step instanceof Step.ResetCause r)) {
            return;
        }
        boolean powerOnRead = before.stream()
                .anyMatch(s -> s instanceof Step.ResetCause p && p.phase() == Step.ResetCause.Phase.POWER_ON);
        if (r.phase() == Step.ResetCause.Phase.END) {
            if (!powerOnRead) {
                throw new YamlError(
                        where,
                        what + ": the end read needs a reset-cause step with phase: power-on before it"
                                + " (that read clears the flags the end read judges)");
            }
            if (end.isPresent()) {
                throw new YamlError(
                        where,
                        what + ": the plan already has an end read ('"
                                + end.get().name() + "')");
            }
            return;
        }
        if (powerOnRead) {
            throw new YamlError(where, what + ": the plan already has a power-on read");
        }
        boolean powered = before.stream().anyMatch(s -> s instanceof Step.Power p && p.on());
        Optional<Step.SwdConnect> connect = before.stream()
                .filter(s -> s instanceof Step.SwdConnect)
                .map(s -> (Step.SwdConnect) s)
                .reduce((a, b) -> b);
        if (!powered || connect.isEmpty()) {
            throw new YamlError(
                    where,
                    what + ": the power-on read must come after a power step with output: true and a swd-connect"
                            + " step (the probe reads RCC_CSR with the board powered)");
        }
        if (connect.get().underReset()) {
            throw new YamlError(
                    where,
                    what + ": swd-connect '" + connect.get().name() + "' connects under reset, which pulses NRST"
                            + " before the power-on read: give it under-reset: false");
        }
        Optional<Step> resetter = before.stream()
                .filter(s -> s instanceof Step.Program || s instanceof Step.BootCheck)
                .findFirst();
        if (resetter.isPresent()) {
            throw new YamlError(
                    where,
                    what + ": the power-on read must come before "
                            + resetter.get().kind() + " step '" + resetter.get().name()
                            + "', which resets the chip and hides how it came up");
        }
    }
}
