package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.line.StationLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator screen of a station on a line whose central server is stopped, in real headless
 * Chromium: testing goes on, the backlog is a quiet line, it turns into a warning naming the last
 * error once the oldest waiting run is older than the station's patience, and it goes away when
 * the server is back and the backlog forwarded.
 */
class LineBannerBrowserTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @TempDir
    Path dir;

    @Test
    void backlogIsQuietThenAWarningWithTheLastErrorThenGone() {
        String url = PG.migratedDatabase();
        PG.server().stopImmediately();
        boolean away = true;
        Duration patience = Duration.ofSeconds(15);
        try (LineStation s = LineStation.start(dir, "UI-LINE", "good", "UI-LINE-LOT", url, patience);
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
            context.addInitScript("localStorage.setItem('benchline.operator', 'olga');"
                    + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
            Page page = context.newPage();
            page.navigate(s.server.address());
            assertThat(page.locator("#batch")).hasText("UI-LINE-LOT");
            assertThat(page.locator("#line-sync")).isHidden();

            for (String serial : List.of("SN-LINE-UI-1", "SN-LINE-UI-2")) {
                page.locator("#serial").focus();
                page.keyboard().type(serial);
                page.keyboard().press("Enter");
                assertThat(page.locator("#banner-verdict")).hasText("PASS", WAIT);
                assertThat(page.locator("#banner-detail")).hasText(serial);
            }
            long lastUnchecked = System.nanoTime();
            // quiet while young: a plain line, no warning
            assertThat(page.locator("#line-sync")).hasText("2 runs waiting for the line database", WAIT);
            assertThat(page.locator("#line-sync")).not().hasClass(Pattern.compile("warn"));
            assertThat(page.locator("#line-check"))
                    .containsText(
                            "The line database could not be asked whether this board passed elsewhere",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            assertThat(page.locator("#line-check")).containsText("checked this station's records only");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-backlog.png")));

            // older than the patience: a warning that says why
            assertThat(page.locator("#line-sync"))
                    .hasClass(Pattern.compile("warn"), new LocatorAssertions.HasClassOptions().setTimeout(45_000));
            assertThat(page.locator("#line-sync")).containsText("2 runs waiting for the line database, the oldest for");
            assertThat(page.locator("#line-sync")).containsText("Testing goes on and nothing is lost");
            assertThat(page.locator("#line-sync")).containsText("Last error at ");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-backlog-old.png")));

            PG.server().startAgain();
            away = false;
            assertThat(page.locator("#line-sync")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));
            // the line is asked again once the quiet spell after its last failure is over
            while (System.nanoTime() - lastUnchecked < StationLine.LINE_CHECK_QUIET.toNanos()) {
                page.waitForTimeout(200);
            }
            page.locator("#serial").focus();
            page.keyboard().type("SN-LINE-UI-3");
            page.keyboard().press("Enter");
            assertThat(page.locator("#banner-verdict")).hasText("PASS", WAIT);
            assertThat(page.locator("#line-check"))
                    .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
            context.close();
        } finally {
            if (away) {
                PG.server().startAgain();
            }
        }
    }
}
