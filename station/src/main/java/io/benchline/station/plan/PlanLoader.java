package io.benchline.station.plan;

import io.benchline.station.InputError;
import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.Where;
import io.benchline.station.yaml.YamlError;
import io.benchline.station.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates a plan file. Every problem is a {@link YamlError} naming file:line:column. */
public final class PlanLoader {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private PlanLoader() {}

    public static Plan load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputError("plan " + file + ": no such file");
        } catch (IOException e) {
            throw new InputError("plan " + file + ": cannot read: " + e.getMessage());
        }
        String name = file.toString();
        Node root = YamlTree.parse(name, new String(bytes, StandardCharsets.UTF_8));
        return read(file, sha256(bytes), Fields.of(root, "the plan"), root);
    }

    private static Plan read(Path file, String sha, Fields f, Node root) {
        String planName = f.text("plan");
        String version = f.text("version");
        Fields product = Fields.of(f.node("product"), "product");
        String productName = product.text("name");
        String revision = product.optText("revision").orElse(null);
        product.done();
        Pattern serial = serialPattern(f);
        OptionalInt retestLimit = retestLimit(f);
        Optional<PanelLabel> panelLabel = f.optNode("panel-label").map(n -> panelLabel(Fields.of(n, "panel-label")));
        Optional<Firmware> firmware = f.optNode("firmware").map(n -> firmware(file, Fields.of(n, "firmware")));
        SpcLoader spc = new SpcLoader();
        spc.plan(f);
        List<Node> stepNodes = f.list("steps");
        if (stepNodes.isEmpty()) {
            throw new YamlError(f.where("steps"), "the plan has no steps");
        }
        f.done();
        List<Step> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : stepNodes) {
            Step s = step(Fields.of(n, "a step"), file, firmware.isPresent(), steps, spc);
            if (!names.add(s.name())) {
                throw new YamlError(
                        n.where(), "step name '" + s.name() + "' is used twice: names identify measurements");
            }
            steps.add(s);
        }
        return new Plan(
                file,
                sha,
                planName,
                version,
                productName,
                revision,
                serial,
                firmware,
                steps,
                retestLimit,
                panelLabel,
                spc.build(root));
    }

    private static Pattern serialPattern(Fields f) {
        String regex = f.text("serial-pattern");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new YamlError(
                    f.where("serial-pattern"),
                    "serial-pattern is not a valid regular expression: " + e.getDescription() + " near index "
                            + e.getIndex());
        }
    }

    /** A panel label's pattern and the serial template that names each position's board. */
    private static PanelLabel panelLabel(Fields f) {
        String regex = f.text("pattern");
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new YamlError(
                    f.where("pattern"),
                    "panel-label pattern is not a valid regular expression: " + e.getDescription() + " near index "
                            + e.getIndex());
        }
        Set<String> groups = new HashSet<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            groups.add(m.group(1));
        }
        String template = f.text("serial");
        f.done();
        try {
            return PanelLabel.of(pattern, template, groups);
        } catch (InputError e) {
            throw new YamlError(f.where("serial"), "panel-label serial: " + e.getMessage());
        }
    }

    /** How many retests a serial may have after a FAIL; absent means no limit. */
    private static OptionalInt retestLimit(Fields f) {
        Optional<Long> limit = f.optLong("retest-limit");
        if (limit.isPresent() && (limit.get() < 0 || limit.get() > 1000)) {
            throw new YamlError(
                    f.where("retest-limit"),
                    "retest-limit must be 0 to 1000 (retests allowed after a FAIL), found " + limit.get());
        }
        return limit.map(l -> OptionalInt.of(l.intValue())).orElse(OptionalInt.empty());
    }

    private static Firmware firmware(Path planFile, Fields f) {
        Path base = planFile.toAbsolutePath().getParent();
        Path path = base.resolve(f.text("path")).normalize();
        String pinned = f.text("sha256").toLowerCase();
        if (!SHA256.matcher(pinned).matches()) {
            throw new YamlError(f.where("sha256"), "firmware sha256 must be 64 hex digits");
        }
        Long address = f.optLong("base").orElse(null);
        f.done();
        if (!Files.isRegularFile(path)) {
            throw new YamlError(f.where("path"), "firmware file " + path + " does not exist");
        }
        if (path.toString().endsWith(".bin") && address == null) {
            throw new YamlError(
                    f.where("path"), "a raw .bin firmware needs 'base' (its load address, e.g. 0x08000000)");
        }
        String actual;
        try {
            actual = sha256(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new YamlError(f.where("path"), "cannot read firmware " + path + ": " + e.getMessage());
        }
        if (!actual.equals(pinned)) {
            throw new YamlError(
                    f.where("sha256"),
                    "firmware " + path.getFileName() + " has SHA-256 " + actual + " but the plan pins " + pinned
                            + ": not the released image");
        }
        return new Firmware(path, actual, address);
    }

    private static Step step(Fields f, Path planFile, boolean hasFirmware, List<Step> before, SpcLoader spc) {
        String kind = f.text("kind");
        String name = f.text("name");
        String hint = f.optText("hint").orElse(null);
        String what = "step '" + name + "'";
        f.describedAs(what);
        if (!StepTimeouts.KINDS.contains(kind)) {
            throw new YamlError(
                    f.where("kind"),
                    "unknown step kind '" + kind
                            + "' (known: power, measure, swd-connect, program, read-uid, boot-check, prompt, reset-cause)");
        }
        int timeout = timeout(f, kind, what);
        Step step = switch (kind) {
            case "power" -> power(f, name, timeout, hint, what);
            case "measure" -> measure(f, name, timeout, hint, what);
            case "swd-connect" -> swdConnect(f, name, timeout, hint, what);
            case "program" -> {
                if (!hasFirmware) {
                    throw new YamlError(f.where(), what + ": a program step needs the plan's 'firmware'");
                }
                yield program(f, name, timeout, hint, what);
            }
            case "read-uid" -> new Step.ReadUid(name, timeout, hint);
            case "prompt" -> PromptLoader.prompt(f, planFile, name, timeout, hint, what);
            case "reset-cause" -> ResetCauseLoader.resetCause(f, name, timeout, hint, what);
            default -> bootCheck(f, name, timeout, hint);
        };
        spc.step(f, step, what);
        f.done();
        requireOrder(f.where(), what, step, before);
        ResetCauseLoader.requireOrder(f.where(), what, step, before);
        return step;
    }

    /** An SWD step needs power on first, and program / read-uid need an attached probe. */
    private static void requireOrder(Where where, String what, Step step, List<Step> before) {
        boolean powered = before.stream().anyMatch(s -> s instanceof Step.Power p && p.on());
        boolean attached = before.stream().anyMatch(s -> s instanceof Step.SwdConnect);
        boolean swd = step instanceof Step.SwdConnect
                || step instanceof Step.Program
                || step instanceof Step.ReadUid
                || step instanceof Step.BootCheck;
        if ((swd || step instanceof Step.Measure) && !powered) {
            throw new YamlError(where, what + ": needs a power step with output: true before it");
        }
        if ((step instanceof Step.Program || step instanceof Step.ReadUid) && !attached) {
            throw new YamlError(where, what + ": needs a swd-connect step before it");
        }
    }

    private static Step power(Fields f, String name, int timeout, String hint, String what) {
        boolean on = f.bool("output", true);
        double volts = 0;
        double limit = 0;
        Limits current = Limits.NONE;
        if (on) {
            volts = f.number("volts");
            limit = f.number("current-limit");
            if (volts <= 0 || volts > 30) {
                throw new YamlError(f.where("volts"), what + ": volts must be above 0 and at most 30");
            }
            if (limit <= 0 || limit > 5) {
                throw new YamlError(f.where("current-limit"), what + ": current-limit must be above 0 and at most 5 A");
            }
            current = f.optNode("current")
                    .map(n -> limits(Fields.of(n, what + " current")))
                    .orElse(Limits.NONE);
            if (current.high() != null && current.high() >= limit) {
                throw new YamlError(
                        f.where("current"),
                        what
                                + ": the current high limit must be below the supply's current-limit, or a short would pass");
            }
        }
        int settle = settleWithin(f, timeout, what);
        return new Step.Power(name, on, volts, limit, current, settle, timeout, hint);
    }

    private static Step measure(Fields f, String name, int timeout, String hint, String what) {
        String point = f.text("test-point");
        String unit = f.text("unit");
        if (!unit.equals("V") && !unit.equals("A")) {
            throw new YamlError(f.where("unit"), what + ": unit must be V or A, found '" + unit + "'");
        }
        Limits limits = limits(f);
        if (limits.low() == null && limits.high() == null) {
            throw new YamlError(f.where(), what + ": give at least one of 'low' and 'high'");
        }
        limits = MarginalLoader.withBand(f, limits, what);
        int samples = f.integer("samples", 1);
        if (samples < 1 || samples > 1000) {
            throw new YamlError(f.where("samples"), what + ": samples must be 1 to 1000");
        }
        Double spread = f.optNumber("max-spread").orElse(null);
        if (spread != null && (spread < 0 || samples < 2)) {
            throw new YamlError(
                    f.where("max-spread"), what + ": max-spread must be at least 0 and needs samples of 2 or more");
        }
        int settle = settleWithin(f, timeout, what);
        return new Step.Measure(name, point, unit, limits, samples, spread, settle, timeout, hint);
    }

    private static Step swdConnect(Fields f, String name, int timeout, String hint, String what) {
        Limits tv = f.optNode("target-voltage")
                .map(n -> limits(Fields.of(n, what + " target-voltage")))
                .orElse(Limits.NONE);
        double minPowered = f.optNumber("min-powered-volts").orElse(Step.SwdConnect.MIN_POWERED_VOLTS);
        if (minPowered <= 0 || minPowered > 5) {
            throw new YamlError(
                    f.where("min-powered-volts"), what + ": min-powered-volts must be above 0 and at most 5");
        }
        if (tv.high() != null && tv.high() < minPowered) {
            throw new YamlError(
                    f.where("target-voltage"),
                    what + ": the target-voltage high limit is below min-powered-volts " + minPowered
                            + ": no board could pass");
        }
        List<Integer> devIds = new ArrayList<>();
        for (Node n : f.list("dev-ids")) {
            devIds.add((int) Fields.wholeNumber(n, what + ": dev-ids"));
        }
        Integer minFlash = f.optLong("min-flash-kib").map(Long::intValue).orElse(null);
        boolean requireUnprotected = f.bool("require-unprotected", true);
        int maxRdp = f.integer("max-rdp-level", 0);
        if (maxRdp < 0 || maxRdp > 1) {
            throw new YamlError(
                    f.where("max-rdp-level"),
                    what + ": max-rdp-level must be 0 or 1 (level 2 can never be programmed)");
        }
        if (f.has("max-rdp-level") && !requireUnprotected) {
            throw new YamlError(
                    f.where("max-rdp-level"),
                    what + ": max-rdp-level needs require-unprotected: true (else RDP is not read)");
        }
        return new Step.SwdConnect(
                name,
                f.bool("under-reset", false),
                tv,
                minPowered,
                devIds,
                minFlash,
                requireUnprotected,
                maxRdp,
                timeout,
                hint);
    }

    private static Step program(Fields f, String name, int timeout, String hint, String what) {
        boolean verify = f.bool("verify", true);
        Optional<Long> maxMismatches = f.optLong("max-verify-mismatches");
        if (maxMismatches.isPresent() && maxMismatches.get() < 0) {
            throw new YamlError(f.where("max-verify-mismatches"), what + ": max-verify-mismatches must be 0 or more");
        }
        if (maxMismatches.isPresent() && !verify) {
            throw new YamlError(f.where("max-verify-mismatches"), what + ": max-verify-mismatches needs verify: true");
        }
        return new Step.Program(name, verify, f.bool("unprotect", false), maxMismatches.orElse(0L), timeout, hint);
    }

    private static Step bootCheck(Fields f, String name, int timeout, String hint) {
        String banner = f.text("banner");
        try {
            Pattern.compile(banner);
        } catch (PatternSyntaxException e) {
            throw new YamlError(
                    f.where("banner"),
                    "step '" + name + "': banner is not a valid regular expression: " + e.getDescription());
        }
        return new Step.BootCheck(name, banner, timeout, f.bool("optional", false), hint);
    }

    /** Every step's timeout-ms: its kind's default when left out, 1 ms to {@link StepTimeouts#MAX_MS}. */
    private static int timeout(Fields f, String kind, String what) {
        long t = f.optLong("timeout-ms").orElse((long) StepTimeouts.defaultMs(kind));
        if (t <= 0 || t > StepTimeouts.MAX_MS) {
            throw new YamlError(
                    f.where("timeout-ms"),
                    what + ": timeout-ms must be above 0 and at most " + StepTimeouts.MAX_MS + " (10 minutes)");
        }
        return (int) t;
    }

    /** settle-ms, which must leave the step time to measure: below its timeout-ms. */
    private static int settleWithin(Fields f, int timeout, String what) {
        int settle = nonNegative(f, "settle-ms", 0, what);
        if (settle >= timeout) {
            throw new YamlError(
                    f.where("settle-ms"),
                    what + ": settle-ms " + settle + " leaves no time to measure within timeout-ms " + timeout);
        }
        return settle;
    }

    private static Limits limits(Fields f) {
        Double low = f.optNumber("low").orElse(null);
        Double high = f.optNumber("high").orElse(null);
        if (low != null && high != null && low > high) {
            throw new YamlError(f.where("low"), "low " + low + " is above high " + high);
        }
        return new Limits(low, high);
    }

    private static int nonNegative(Fields f, String key, int otherwise, String what) {
        int v = f.integer(key, otherwise);
        if (v < 0) {
            throw new YamlError(f.where(key), what + ": " + key + " must be 0 or more");
        }
        return v;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
