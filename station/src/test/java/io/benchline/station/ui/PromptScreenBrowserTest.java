package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's side of prompts and abort, in real headless Chromium (Debian's chromium, driven
 * by Playwright): the station asks "Close the lid" with a picture, the operator answers with a
 * button; and the operator stops a run with ABORT, giving a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromptScreenBrowserTest {
    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(15_000);
    static final LocatorAssertions.IsVisibleOptions SHOWN = new LocatorAssertions.IsVisibleOptions().setTimeout(15_000);

    @TempDir
    static Path dir;

    PromptStations station;
    HeadlessChromium chromium;
    Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    void startStationAndBrowser() throws Exception {
        station = new PromptStations(dir, 0);
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    void stopAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (station != null) {
            station.close();
        }
    }

    @BeforeEach
    void freshPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
        page = context.newPage();
        page.navigate(station.server.address());
        assertThat(page.locator("#batch")).hasText("LID-LOT");
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private void scan(String serial) {
        page.locator("#serial").focus();
        page.keyboard().type(serial);
        page.keyboard().press("Enter");
    }

    private RunDetail stored(String serial) {
        List<RunDetail> runs = station.db.trace().board(serial);
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void promptIsAnsweredWithAButtonOnTheScreen() throws Exception {
        scan("SN-SCR-0001");
        Locator prompt = page.locator("#prompt");
        assertThat(prompt).isVisible(SHOWN);
        assertThat(page.locator("#prompt-text")).hasText("Close the lid, then press OK");
        Locator picture = page.locator("#prompt-picture");
        assertThat(picture).isVisible();
        assertTrue(
                (Boolean) picture.evaluate("img => img.complete && img.naturalWidth > 0"),
                "the picture beside the plan is served and shown");
        Locator buttons = page.locator("#prompt-answers button");
        assertThat(buttons).hasText(new String[] {"OK", "NOT CLOSED"});
        assertThat(buttons.first()).isFocused();
        assertThat(page.locator("#abort")).isVisible();
        assertThat(page.locator("#banner-verdict")).hasText("TESTING");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-prompt.png")));
        // a screen opened (or reloaded) while the prompt waits shows it too
        page.reload();
        assertThat(prompt).isVisible(SHOWN);
        assertThat(page.locator("#prompt-text")).hasText("Close the lid, then press OK");
        assertThat(page.locator("#abort")).isVisible();

        page.getByText("OK", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#banner-verdict")).hasText("PASS", WAIT);
        assertThat(prompt).isHidden();
        assertThat(page.locator("#abort")).isHidden();
        assertThat(page.locator("#steps tr[data-step='lid'] td").nth(2))
                .hasText("answer OK (answered by alice): Close the lid, then press OK");
        RunDetail run = stored("SN-SCR-0001");
        assertEquals(Verdict.PASS, run.run().verdict());
        assertEquals(
                "answer OK (answered by alice): Close the lid, then press OK",
                run.steps().stream()
                        .filter(s -> s.step().name().equals("lid"))
                        .findFirst()
                        .orElseThrow()
                        .step()
                        .message());
    }

    @Test
    void abortOnTheScreenStopsTheRunWithItsReason() {
        scan("SN-SCR-0002");
        assertThat(page.locator("#prompt")).isVisible(SHOWN);
        assertTrue(station.dutPowered());

        page.locator("#abort").click();
        Locator dialog = page.locator("#abort-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("DUT power is switched off");
        // changing one's mind keeps the run going
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(page.locator("#prompt")).isVisible();

        page.locator("#abort").click();
        page.locator("#abort-reason").fill("lid hinge broken");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-abort.png")));
        page.locator("#abort-yes").click();
        assertThat(page.locator("#banner-verdict")).hasText("ABORTED", WAIT);
        assertThat(page.locator("#banner-detail")).containsText("SN-SCR-0002 — run aborted at lid");
        assertThat(page.locator("#banner-detail")).containsText("aborted by alice: lid hinge broken");
        assertThat(page.locator("#banner-hint")).containsText("test it again");
        assertThat(page.locator("#prompt")).isHidden();
        assertThat(page.locator("#abort")).isHidden();
        assertThat(page.locator("#start")).isEnabled();

        RunDetail run = stored("SN-SCR-0002");
        assertEquals(Verdict.ABORTED, run.run().verdict());
        assertEquals("aborted by alice: lid hinge broken", run.run().message());
        assertFalse(station.dutPowered(), "teardown switched DUT power off");
    }
}
