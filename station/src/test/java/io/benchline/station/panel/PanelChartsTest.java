package io.benchline.station.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.SpcAlarm;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A panel's positions feed the station's control charts like one-board runs: a VCAP1 drift raises one alarm. */
class PanelChartsTest {
    @TempDir
    Path dir;

    @Test
    void aDriftAcrossPanelsRaisesOneVcap1AlarmBeforeAnyBoardFails() {
        List<String> profiles = List.of("good", "good", "good", "good");
        FixtureFile file = FixtureLoader.parse("(test panel)", SimPanelFile.text(profiles, 0));
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(PanelTest.PLAN, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            int board = 0;
            for (int round = 0; round < 8; round++) {
                List<Optional<RunRequest>> requests = new ArrayList<>();
                for (int p = 0; p < profiles.size(); p++) {
                    board++;
                    // 24 steady boards for the baseline, then VCAP1 rising 4 mV a board
                    sim.get(p).board().shift("VCAP1", board <= 24 ? 0 : 0.004 * (board - 24));
                    requests.add(Optional.of(new RunRequest(String.format("SN-CHART-%04d", board), "DRIFT", "tester")));
                }
                for (Optional<RunOutcome> o : panel.run(requests, n -> RunListener.NONE)) {
                    assertEquals(Verdict.PASS, o.orElseThrow().verdict(), "the drift stays inside VCAP1's limits");
                }
            }
            List<SpcAlarm> vcap1 = db.spcAlarms().open(file.station()).stream()
                    .filter(a -> a.measurement().equals("VCAP1"))
                    .toList();
            assertEquals(1, vcap1.size(), "one open VCAP1 alarm for the panel's charts: " + vcap1);
            assertTrue(vcap1.get(0).points() >= 1, "the alarm counts the points that broke a rule");
        }
    }
}
