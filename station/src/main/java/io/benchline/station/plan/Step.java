package io.benchline.station.plan;

import io.benchline.fixtures.chip.ResetFlag;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One entry of a plan. Each kind has its own record; the sequencer has one runner per kind. */
public sealed interface Step
        permits Step.Power,
                Step.Measure,
                Step.SwdConnect,
                Step.Program,
                Step.ReadUid,
                Step.BootCheck,
                Step.Prompt,
                Step.ResetCause {

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
        } else if (s instanceof Prompt) {
            return "prompt";
        } else if (s instanceof ResetCause) {
            return "reset-cause";
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

    /**
     * Asks the operator: a text, optionally a picture shipped beside the plan, and the answers they may
     * give. The answers in passing pass the step; any other answer fails it; no answer is an ERROR.
     */
    record Prompt(
            String name,
            String text,
            Path picture,
            List<String> answers,
            List<String> passing,
            int timeoutMs,
            String hint)
            implements Step {
        public Prompt {
            answers = List.copyOf(answers);
            passing = List.copyOf(passing);
        }

        /** The listed answer this one names, ignoring case; empty when it is not one of them. */
        public Optional<String> answerNamed(String given) {
            return answers.stream()
                    .filter(a -> a.equalsIgnoreCase(given.trim()))
                    .findFirst();
        }

        public boolean passes(String answer) {
            return passing.contains(answer);
        }

        /** The picture's media type, from its file name (the plan loader admits only these). */
        public String pictureContentType() {
            String file = picture.getFileName().toString().toLowerCase(Locale.ROOT);
            return switch (file.substring(file.lastIndexOf('.') + 1)) {
                case "png" -> "image/png";
                case "jpg", "jpeg" -> "image/jpeg";
                case "gif" -> "image/gif";
                case "svg" -> "image/svg+xml";
                default -> "image/webp";
            };
        }
    }

    /**
     * Reads the chip's reset flags (RCC_CSR), stores each, and clears them (RMVF). At power-on, right
     * after a swd-connect that did not reset the chip, it tells how the chip came up; at the end, after
     * boot-check, what reset it since. Flags in allowed pass; flags in required must be there; any other
     * flag fails with its hint. With watchMs above 0 the end read is followed by a watch: the firmware
     * runs watchMs untouched, and every flag seen then fails (nobody at the station reset the chip).
     */
    record ResetCause(
            String name,
            Phase phase,
            Set<ResetFlag> allowed,
            Set<ResetFlag> required,
            int watchMs,
            Map<ResetFlag, String> hints,
            int timeoutMs,
            String hint)
            implements Step {
        public ResetCause {
            allowed = Set.copyOf(allowed);
            required = Set.copyOf(required);
            hints = Map.copyOf(hints);
        }

        public enum Phase {
            POWER_ON("power-on"),
            END("end");

            private final String id;

            Phase(String id) {
                this.id = id;
            }

            public String id() {
                return id;
            }
        }

        /** A cold start sets POR/PDR, BOR (with it) and PIN (the chip holds NRST low through its power-on reset). */
        public static final Set<ResetFlag> POWER_ON_ALLOWED = EnumSet.of(ResetFlag.POR, ResetFlag.BOR, ResetFlag.PIN);
        /** The station's own resets (program, boot-check) set SFT and PIN, or PIN alone on a probe that pulses NRST. */
        public static final Set<ResetFlag> END_ALLOWED = EnumSet.of(ResetFlag.SFT, ResetFlag.PIN);

        public static final int DEFAULT_WATCH_MS = 300;
    }
}
