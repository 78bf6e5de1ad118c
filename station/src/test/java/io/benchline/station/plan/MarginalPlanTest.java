package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A measure step's marginal band: read from the plan, judged on readings, refused at file:line:column when it is not inside the limits. */
class MarginalPlanTest {
    static final String HEAD = "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
            + "  - {kind: power, name: p, volts: 3.3, current-limit: 0.2}\n";

    @TempDir
    Path dir;

    @Test
    void theShippedPlanFlagsVcap1OutsideScale2AndVddBeyondThreePercent() {
        Plan plan = PlanLoader.load(PlanLoaderTest.SHIPPED);
        Limits vcap = measure(plan, "VCAP1").limits();
        assertEquals(new Limits(1.08, 1.38, 1.20, 1.32), vcap);
        assertEquals(new Limits(3.135, 3.465, 3.20, 3.40), measure(plan, "VDD").limits());
        assertEquals(new Limits(3.135, 3.465), measure(plan, "VDDA").limits(), "no band unless the plan gives one");
        assertTrue(vcap.accepts(1.17) && vcap.marginal(1.17), "1.17 V passes, flagged");
        assertTrue(vcap.accepts(1.35) && vcap.marginal(1.35));
        assertFalse(vcap.marginal(1.26), "Scale 2's typical value");
        assertFalse(vcap.marginal(1.20), "the band's edge is not marginal");
        assertFalse(vcap.marginal(1.05), "below the limit is a FAIL, not a marginal pass");
        assertFalse(vcap.marginal(Double.NaN));
    }

    @Test
    void aOneSidedBandAndAPercentOfTheToleranceAreRead() throws IOException {
        Plan plan = PlanLoader.load(write(HEAD
                + "  - {kind: measure, name: i, test-point: VDD, unit: A, high: 0.05, marginal: {high: 0.045}}\n"
                + "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal-pct: 10}\n"));
        assertEquals(new Limits(null, 0.05, null, 0.045), measure(plan, "i").limits());
        Limits v = measure(plan, "v").limits();
        assertEquals(3.05, v.marginalLow(), 1e-12);
        assertEquals(3.45, v.marginalHigh(), 1e-12);
        assertTrue(v.marginal(3.01) && v.marginal(3.49) && !v.marginal(3.25));
    }

    @Test
    void aBandOutsideTheLimitsIsRefusedWhereItStands() throws IOException {
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal: {low: 2.9}}\n",
                "2.9",
                "step 'v': marginal low 2.9 is not inside the limits [3.0, 3.5]: the marginal band lies inside them");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal: {high: 3.5}}\n",
                "3.5}",
                "step 'v': marginal high 3.5 is not inside the limits [3.0, 3.5]");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal: {low: 3.6}}\n",
                "3.6",
                "step 'v': marginal low 3.6 is not inside the limits");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, high: 3.5, marginal: {low: 3.1}}\n",
                "3.1",
                "step 'v': marginal low needs a 'low' limit");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5,"
                        + " marginal: {low: 3.4, high: 3.1}}\n",
                "3.4",
                "step 'v': marginal low 3.4 is above marginal high 3.1: every passing reading would be marginal");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal-pct: 50}\n",
                "50",
                "step 'v': marginal-pct must be above 0 and below 50");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, marginal-pct: 10}\n",
                "10",
                "step 'v': marginal-pct is a share of the tolerance and needs both 'low' and 'high'");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal-pct: 10,"
                        + " marginal: {low: 3.1}}\n",
                "10",
                "step 'v': give either 'marginal' or 'marginal-pct', not both");
        refused(
                "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3.0, high: 3.5, marginal: {lo: 3.1}}\n",
                "lo:",
                "unknown key 'lo'");
    }

    @Test
    void theShippedPlanWithItsBandMovedOutsideTheLimitsNamesTheLine() throws IOException {
        String text = Files.readString(PlanLoaderTest.SHIPPED)
                .replace("marginal: {low: 1.20, high: 1.32}", "marginal: {low: 1.20, high: 1.40}");
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        String line =
                text.lines().filter(l -> l.contains("high: 1.40")).findFirst().orElseThrow();
        int lineNo = text.lines().toList().indexOf(line) + 1;
        assertEquals(
                file + ":" + lineNo + ":" + (line.indexOf("1.40") + 1)
                        + ": step 'VCAP1': marginal high 1.4 is not inside the limits [1.08, 1.38]: the marginal band"
                        + " lies inside them",
                e.getMessage());
    }

    /** The step line is the 7th; the error points at the first occurrence of {@code at} in it. */
    private void refused(String step, String at, String expected) throws IOException {
        Path file = write(HEAD + step);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        String where = file + ":7:" + (step.indexOf(at) + 1) + ": ";
        assertTrue(e.getMessage().startsWith(where), "expected '" + where + "' at the start of: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private static Step.Measure measure(Plan plan, String name) {
        return plan.steps().stream()
                .filter(s -> s.name().equals(name))
                .map(Step.Measure.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private Path write(String text) throws IOException {
        return PlanLoaderTest.writeWithFirmware(dir, text);
    }
}
