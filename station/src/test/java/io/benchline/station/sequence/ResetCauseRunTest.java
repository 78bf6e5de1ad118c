package io.benchline.station.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRow;
import io.benchline.db.ResetCauseRow;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped plan's reset-cause reads on the simulated bench, the ST-LINK driver talking to the
 * simulated ST-LINK over its USB pipe: each profile's flags stored, queryable and judged with their hint.
 */
class ResetCauseRunTest {
    static final Plan PLAN = PlanLoader.load(Path.of("../plans/stm32f411-board.yaml"));

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("results").toString());
    }

    @AfterEach
    void close() {
        db.close();
    }

    RunDetail run(String profile) {
        try (Station station = Station.open(PLAN, FixtureLoader.load("sim:" + profile), db)) {
            RunOutcome o =
                    station.run(new RunRequest("SN-RC-" + profile.toUpperCase(), "RC", "tester"), RunListener.NONE);
            return db.trace().run(o.runId()).orElseThrow();
        }
    }

    @Test
    void aGoodBoardPassesWithAColdStartAndOnlyTheStationsOwnResets() {
        RunDetail d = run("good");
        assertEquals(Verdict.PASS, d.run().verdict(), d.run().message());
        long id = d.run().id();
        assertEquals(
                List.of(
                        new ResetCauseRow(id, "power-on", 1, 1, 1, 0, 0, 0, 0, 0x0E00_0000L),
                        new ResetCauseRow(id, "end", 0, 1, 0, 1, 0, 0, 0, 0x1400_0000L),
                        new ResetCauseRow(id, "watch", 0, 0, 0, 0, 0, 0, 0, 0)),
                db.resetCauses().ofRun(id));
        var powerOn = step(d, "reset-power-on");
        assertEquals(
                "at power-on: power-on / power-down reset + brown-out reset + NRST pin reset (0x0E000000); cleared",
                powerOn.step().message());
        assertEquals(
                "during the test: NRST pin reset + software reset (0x14000000); none in the 300 ms watch after; cleared",
                step(d, "reset-end").step().message());
        MeasurementRow bor = powerOn.measurements().stream()
                .filter(m -> m.name().equals("power-on BORRSTF"))
                .findFirst()
                .orElseThrow();
        assertEquals(1.0, bor.reading());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rail-sag    | end   | bor  | brown-out reset during the test (BORRSTF; | Power problem on the board",
                "watchdog    | end   | iwdg | independent watchdog reset during the test (IWDGRSTF; | The firmware: a watchdog",
                "nrst-glitch | watch | pin  | NRST pin reset while the firmware ran after boot (PINRSTF; | NRST noise"
            })
    void aFaultyBoardFailsAtTheEndReadWithItsFlagStoredAndItsHint(
            String profile, String phase, String flag, String message, String hint) {
        RunDetail d = run(profile);
        assertEquals(Verdict.FAIL, d.run().verdict());
        assertEquals("reset-end", d.run().failedStep());
        assertTrue(d.run().message().startsWith(message), d.run().message());
        assertTrue(d.run().hint().startsWith(hint), d.run().hint());
        assertEquals(List.of(d.run().id()), db.resetCauses().runsWith(flag, phase), "the flag is queryable");
        assertEquals(0x0E00_0000L, db.resetCauses().ofRun(d.run().id()).get(0).raw(), "it came up like a good board");
    }

    private static RunDetail.StepDetail step(RunDetail d, String name) {
        return d.steps().stream()
                .filter(s -> s.step().name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
