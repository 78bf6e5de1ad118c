package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.benchline.db.EngineerAction;
import io.benchline.db.Quarantine;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.flow.FlowTestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production flow, prompts and abort on the panel screen, in real headless Chromium (Debian's
 * chromium, driven by Playwright): a 4-up panel whose position 2 holds a quarantined board. The
 * other three run and each stops at its "close the lid" prompt; one tile is answered while the
 * others wait, one is aborted with a reason, and an engineer releases the quarantined board from
 * its tile, which then runs on its own while the last prompt still waits.
 */
class PanelFlowBrowserTest {
    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    static final LocatorAssertions.IsVisibleOptions SHOWN = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    @TempDir
    Path dir;

    @Test
    void quarantinedTileIsReleasedWhileTheOthersAnswerPromptsAndOneIsAborted() throws Exception {
        assertTrue(
                Files.isExecutable(OperatorScreenBrowserTest.CHROMIUM),
                "browser tests need Debian's chromium: apt-get install -y chromium");
        try (PanelStations s = new PanelStations(
                        dir, "good,good,good,good", PanelStations.LID_PLAN, "", FlowTestFiles.users(dir));
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            s.db.flow().quarantine("SN-PF-0002", "sim-station-1", "3 FAILs, over the retest limit of 2", Instant.now());
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1600, 1000));
            page.navigate(s.server.address());
            assertThat(page.locator(".tile")).hasCount(4);
            page.locator("#operator-name").fill("Ana");
            for (int p = 1; p <= 4; p++) {
                scan(page, "SN-PF-000" + p);
            }
            page.locator("#start").click();

            // position 2 is refused on its tile with the reason; the others run to their prompts
            Locator tile2 = page.locator("#tile-2");
            assertThat(tile2.locator(".verdict")).hasText("QUARANTINED", WAIT);
            assertThat(tile2.locator(".hint")).containsText("3 FAILs, over the retest limit of 2");
            assertThat(tile2.locator(".release")).isVisible();
            for (int p : new int[] {1, 3, 4}) {
                assertThat(page.locator("#tile-" + p + " .prompt")).isVisible(SHOWN);
                assertThat(page.locator("#tile-" + p + " .prompt-text")).hasText("Close the lid, then press OK");
            }
            assertThat(page.locator("#abort-panel")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "panel-screen-prompts.png")));

            // a prompt answered on tile 1 goes to that run only: the others still wait
            page.locator("#tile-1 .prompt-answers button", new Page.LocatorOptions().setHasText("OK"))
                    .first()
                    .click();
            assertThat(page.locator("#tile-1 .verdict")).hasText("PASS", WAIT);
            assertThat(page.locator("#tile-1 .prompt")).isHidden();
            assertThat(page.locator("#tile-3 .prompt")).isVisible();
            assertThat(page.locator("#tile-4 .prompt")).isVisible();

            // abort tile 3 with a reason: it ends ABORTED, tile 4 still waits for its answer
            page.locator("#tile-3 .abort").click();
            assertThat(page.locator("#abort-dialog")).isVisible();
            assertThat(page.locator("#abort-text")).containsText("The other positions go on");
            page.locator("#abort-reason").fill("board 3 cracked");
            page.locator("#abort-yes").click();
            assertThat(page.locator("#tile-3 .verdict")).hasText("ABORTED", WAIT);
            assertThat(page.locator("#tile-3 .hint")).containsText("aborted by Ana: board 3 cracked");
            assertThat(page.locator("#tile-4 .prompt")).isVisible();
            assertThat(page.locator("#tile-4 .verdict")).hasText("TESTING");

            // an engineer releases board 2 on its tile (an operator's PIN is refused), then it is tested
            tile2.locator(".release").click();
            assertThat(page.locator("#release-dialog")).isVisible();
            assertThat(page.locator("#release-text")).containsText("SN-PF-0002 (position 2)");
            page.locator("#release-engineer").fill(FlowTestFiles.OPERATOR);
            page.locator("#release-pin").fill(FlowTestFiles.OPERATOR_PIN);
            page.locator("#release-reason").fill("looks fine");
            page.locator("#release-yes").click();
            assertThat(page.locator("#release-msg")).containsText("only an engineer may release");
            page.locator("#release-engineer").fill(FlowTestFiles.ENGINEER);
            page.locator("#release-pin").fill(FlowTestFiles.ENGINEER_PIN);
            page.locator("#release-reason").fill("R7 resoldered");
            page.locator("#release-yes").click();
            assertThat(page.locator("#release-dialog")).isHidden();
            assertThat(tile2.locator(".verdict")).hasText("RELEASED");
            assertThat(tile2.locator(".hint")).containsText("released by eve: R7 resoldered");
            tile2.locator(".test").click();
            assertThat(tile2.locator(".prompt")).isVisible(SHOWN);
            assertThat(page.locator("#tile-4 .prompt")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "panel-screen-released.png")));

            for (int p : new int[] {4, 2}) {
                page.locator("#tile-" + p + " .prompt-answers button", new Page.LocatorOptions().setHasText("OK"))
                        .first()
                        .click();
                assertThat(page.locator("#tile-" + p + " .verdict")).hasText("PASS", WAIT);
            }
            assertThat(page.locator("#serial-msg")).hasText(Pattern.compile("done"), WAIT);
            assertThat(page.locator("#abort-panel")).isHidden();

            assertEquals(Verdict.PASS, only(s, "SN-PF-0001").run().verdict());
            assertEquals(Verdict.PASS, only(s, "SN-PF-0004").run().verdict());
            RunDetail released = only(s, "SN-PF-0002");
            assertEquals(Verdict.PASS, released.run().verdict());
            assertEquals(2, released.run().position());
            Quarantine q = s.db.flow().quarantines("SN-PF-0002").get(0);
            assertEquals("eve", q.releasedBy());
            assertEquals("R7 resoldered", q.releaseReason());
            assertTrue(
                    s.db.flow().actions("SN-PF-0002").stream()
                            .anyMatch(a -> a.action().equals(EngineerAction.PIN_REFUSED)
                                    && a.author().equals(FlowTestFiles.OPERATOR)),
                    "the operator's attempt is stored");
            RunDetail aborted = only(s, "SN-PF-0003");
            assertEquals(Verdict.ABORTED, aborted.run().verdict());
            assertEquals("aborted by Ana: board 3 cracked", aborted.run().message());
            assertFalse(s.dutPowered(3), "teardown switched position 3's DUT power off");
            assertEquals(List.of(), s.sim.get(0).routing().conflicts());
        }
    }

    @Test
    void aScannedPanelLabelFillsEveryTileAndAbortPanelStopsThemAll() throws Exception {
        try (PanelStations s = new PanelStations(
                        dir, "good,good", PanelStations.LID_PLAN, PanelControlApiTest.LABEL, FlowTestFiles.users(dir));
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Page page = chromium.browser().newPage();
            page.navigate(s.server.address());
            assertThat(page.locator(".tile")).hasCount(2);
            page.locator("#operator-name").fill("Ana");
            page.locator("#serial").focus();
            page.keyboard().type("PNL-Q9-00007");
            page.keyboard().press("Enter");
            assertThat(page.locator("#serial-msg")).hasText("panel PNL-Q9-00007: 2 boards, press START");
            assertThat(page.locator("#tile-1 .serial")).hasText("SN-Q9-00007");
            assertThat(page.locator("#tile-2 .serial")).hasText("SN-Q9-00008");
            page.locator("#start").click();
            assertThat(page.locator("#tile-1 .prompt")).isVisible(SHOWN);
            assertThat(page.locator("#tile-2 .prompt")).isVisible(SHOWN);

            page.locator("#abort-panel").click();
            assertThat(page.locator("#abort-title")).hasText("Abort the panel?");
            page.locator("#abort-reason").fill("fixture lid jammed");
            page.locator("#abort-yes").click();
            for (int p = 1; p <= 2; p++) {
                assertThat(page.locator("#tile-" + p + " .verdict")).hasText("ABORTED", WAIT);
                assertThat(page.locator("#tile-" + p + " .hint")).containsText("aborted by Ana: fixture lid jammed");
                RunDetail run = only(s, "SN-Q9-0000" + (6 + p));
                assertEquals(Verdict.ABORTED, run.run().verdict());
                assertEquals("PNL-Q9-00007", run.run().panelLabel());
                assertFalse(s.dutPowered(p), "teardown switched position " + p + "'s DUT power off");
            }
            assertThat(page.locator("#serial-msg")).hasText(Pattern.compile("done"), WAIT);
        }
    }

    private static RunDetail only(PanelStations s, String serial) {
        List<RunDetail> runs = s.db.trace().board(serial);
        assertEquals(1, runs.size(), serial);
        return runs.get(0);
    }

    /** A barcode scanner is a keyboard: the characters, then Enter. */
    private static void scan(Page page, String serial) {
        page.locator("#serial").focus();
        page.keyboard().type(serial);
        page.keyboard().press("Enter");
        assertThat(page.locator("#serial-msg")).hasText(Pattern.compile("next|full"));
    }
}
