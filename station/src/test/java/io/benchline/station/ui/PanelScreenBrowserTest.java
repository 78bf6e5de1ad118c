package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel screen in real headless Chromium (Debian's chromium, driven by Playwright): a 4-up
 * simulated panel with a good board, an under-powered board (VDD 0.5 V), an empty position and
 * another good board, scanned in position order and started once.
 */
class PanelScreenBrowserTest {
    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @TempDir
    Path dir;

    @Test
    void fourUpPanelWithAnEmptyPositionAndAFaultyBoard() {
        assertTrue(
                Files.isExecutable(OperatorScreenBrowserTest.CHROMIUM),
                "browser tests need Debian's chromium: apt-get install -y chromium");
        FixtureFile file = FixtureLoader.load("sim:good,vdd-low,good,good");
        Optional<List<SimFixture>> sim = SimBoards.simulatedPanel(file);
        try (Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(PlanLoader.load(TestStations.PLAN), file, db, f -> PanelFixture.open(f, sim));
                PanelServer server = PanelServer.start(
                        panel, db, "PANEL-LOT", "127.0.0.1", 0, SimBoards.freshAtPosition(sim, file));
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            Page page = browser.newPage();
            page.navigate(server.address());
            assertThat(page.locator("#batch")).hasText("PANEL-LOT");
            assertThat(page.locator(".tile")).hasCount(4);
            page.locator("#operator-name").fill("Ana");
            scan(page, "SN-PANEL-0001");
            scan(page, "SN-PANEL-0002");
            page.locator("#skip").click();
            scan(page, "SN-PANEL-0004");
            assertThat(page.locator("#tile-3 .verdict")).hasText("EMPTY");
            assertThat(page.locator("#tile-4 .serial")).hasText("SN-PANEL-0004");
            page.locator("#start").click();

            assertThat(page.locator("#tile-1 .verdict")).hasText("PASS", WAIT);
            assertThat(page.locator("#tile-2 .verdict")).hasText("FAIL", WAIT);
            assertThat(page.locator("#tile-4 .verdict")).hasText("PASS", WAIT);
            assertThat(page.locator("#tile-3 .verdict")).hasText("EMPTY");
            assertThat(page.locator("#tile-2 .hint")).hasText(Pattern.compile("at VDD: .*regulator"));
            assertThat(page.locator("#tile-2")).hasClass(Pattern.compile("\\bFAIL\\b"));
            assertThat(page.locator("#serial-msg")).hasText(Pattern.compile("done"), WAIT);

            List<Integer> positions = List.of(1, 2, 4);
            List<Verdict> verdicts = List.of(Verdict.PASS, Verdict.FAIL, Verdict.PASS);
            for (int i = 0; i < 3; i++) {
                List<RunDetail> runs = db.trace().board("SN-PANEL-000" + positions.get(i));
                assertEquals(1, runs.size());
                assertEquals(verdicts.get(i), runs.get(0).run().verdict());
                assertEquals(positions.get(i), runs.get(0).run().position());
                assertEquals("Ana", runs.get(0).run().operator());
            }
            assertEquals(0, db.trace().board("SN-PANEL-0003").size());
            assertEquals(List.of(), sim.orElseThrow().get(0).routing().conflicts());
        }
    }

    /** A barcode scanner is a keyboard: the characters, then Enter. */
    private static void scan(Page page, String serial) {
        page.locator("#serial").focus();
        page.keyboard().type(serial);
        page.keyboard().press("Enter");
        assertThat(page.locator("#serial-msg")).hasText(Pattern.compile("next|full"));
    }
}
