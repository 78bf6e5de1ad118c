package io.benchline.station.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.InstrumentIdentity;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated 3-up panel: each position's supply is an instrument of its own (its own serial and
 * due date), the DMM is shared. A position whose supply is past its due date is refused before it
 * is powered; the others test on, their readings naming the shared DMM and their own supply.
 */
class PanelCalibrationTest {
    @TempDir
    Path dir;

    @Test
    void eachPositionsSupplyIsItsOwnInstrumentAndTheSharedDmmIsNamedByEvery() {
        LocalDate today = LocalDate.now();
        String text = SimPanelFile.text(List.of("good", "good", "good"), 0.0)
                .replace("dmm: {kind: sim}", "dmm: {kind: sim, calibration-due: " + today.plusDays(100) + "}");
        int second = text.indexOf("supply: {kind: sim}", text.indexOf("supply: {kind: sim}") + 1);
        text = text.substring(0, second)
                + "supply: {kind: sim, calibration-due: " + today.minusDays(1) + "}"
                + text.substring(second + "supply: {kind: sim}".length());
        FixtureFile file = FixtureLoader.parse("(test panel)", text);
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(PanelTest.PLAN, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            List<Optional<RunRequest>> requests = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                requests.add(Optional.of(new RunRequest("SN-PCAL-" + i, "P", "tester")));
            }
            List<Optional<RunOutcome>> out = panel.run(requests, n -> RunListener.NONE);
            RunOutcome refused = out.get(1).orElseThrow();
            assertEquals(Verdict.ERROR, refused.verdict(), refused.message());
            assertEquals("calibration", refused.failedStep());
            assertTrue(
                    refused.message()
                            .startsWith("supply@2 Benchline SimSupply #SIM-PSU-0002: calibration EXPIRED "
                                    + today.minusDays(1)),
                    refused.message());
            for (int p : new int[] {1, 3}) {
                RunOutcome o = out.get(p - 1).orElseThrow();
                assertEquals(Verdict.PASS, o.verdict(), "position " + p + ": " + o.message());
                RunDetail d = db.trace().run(o.runId()).orElseThrow();
                List<MeasurementRow> ms = d.steps().stream()
                        .flatMap(s -> s.measurements().stream())
                        .toList();
                assertEquals(
                        new InstrumentIdentity("Benchline", "SimSupply", String.format("SIM-PSU-%04d", p), "1.0"),
                        ms.stream()
                                .filter(m -> m.name().equals("power-on current"))
                                .findFirst()
                                .orElseThrow()
                                .instrument());
                assertEquals(
                        "Benchline SimDMM #SIM-DMM-0001",
                        ms.stream()
                                .filter(m -> m.name().equals("VCAP1"))
                                .findFirst()
                                .orElseThrow()
                                .instrument()
                                .label());
            }
            RunDetail refusedRun = db.trace().run(refused.runId()).orElseThrow();
            assertEquals(2, refusedRun.steps().size(), "calibration and teardown only");
        }
    }

    @Test
    void aPositionWithAMeterOfItsOwnIsNotJudgedByTheSharedMetersDate() {
        LocalDate today = LocalDate.now();
        String text = SimPanelFile.text(List.of("good", "good"), 0.0)
                .replace("dmm: {kind: sim}", "dmm: {kind: sim, calibration-due: " + today.minusDays(5) + "}");
        int second = text.indexOf("supply: {kind: sim}", text.indexOf("supply: {kind: sim}") + 1);
        text = text.substring(0, second) + "dmm: {kind: sim}\n    switch: {kind: sim}\n    " + text.substring(second);
        FixtureFile file = FixtureLoader.parse("(test panel)", text);
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (PanelFixture panel = PanelFixture.open(file, Optional.of(sim))) {
            assertEquals(
                    "dmm",
                    panel.positions().get(0).instrument("dmm").orElseThrow().role());
            assertTrue(panel.positions()
                    .get(0)
                    .instrument("dmm")
                    .orElseThrow()
                    .calibration()
                    .isPresent());
            var own = panel.positions().get(1).instrument("dmm").orElseThrow();
            assertEquals("dmm@2", own.role());
            assertEquals(Optional.empty(), own.calibration(), "its own meter has no due date in the file");
            assertEquals("Benchline SimDMM #SIM-DMM-0102", own.identity().label(), "another meter, another serial");
        }
    }
}
