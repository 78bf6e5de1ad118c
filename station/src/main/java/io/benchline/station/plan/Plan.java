package io.benchline.station.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A versioned test plan for one product. Its SHA-256 (of the file) is stored with every run.
 *
 * @param retestLimit how many times a serial may be retested after a FAIL before it is
 *                    quarantined; empty for no limit
 * @param spc         live process control: which measurements are charted and how (docs/plan-format.md)
 * @param panelLabel  how a panel's label names the serials of its boards; empty when the plan has none
 */
public record Plan(
        Path file,
        String sha256,
        String name,
        String version,
        String product,
        String revision,
        Pattern serialPattern,
        Optional<Firmware> firmware,
        List<Step> steps,
        OptionalInt retestLimit,
        Optional<PanelLabel> panelLabel,
        SpcPlan spc) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public String productLabel() {
        return revision == null ? product : product + " rev " + revision;
    }

    public boolean acceptsSerial(String serial) {
        return serial != null && serialPattern.matcher(serial).matches();
    }

    /** Why a serial is refused, in one line an operator reads; empty when the plan accepts it. */
    public Optional<String> serialProblem(String serial) {
        if (serial == null || serial.isBlank()) {
            return Optional.of("serial is missing: scan the board's barcode");
        }
        if (!acceptsSerial(serial)) {
            return Optional.of("serial '" + serial + "' does not match the plan's pattern " + serialPattern.pattern());
        }
        return Optional.empty();
    }
}
