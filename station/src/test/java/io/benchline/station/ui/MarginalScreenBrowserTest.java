package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.HeadlessChromium;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator screen in real headless Chromium: a board whose VCAP1 is a marginal pass shows PASS
 * on the banner and an amber MARGINAL on its VCAP1 line in the step list, nowhere else.
 */
class MarginalScreenBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aMarginalReadingIsMarkedInTheStepListAndTheBoardPasses() {
        try (TestStations stations = new TestStations(dir);
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            StationServer station = stations.start("vcap-marginal", "MARG-UI");
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
            context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                    + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
            Page page = context.newPage();
            page.navigate(station.address());
            assertThat(page.locator("#batch")).hasText("MARG-UI");
            page.locator("#serial").focus();
            page.keyboard().type("SN-MARG-UI-1");
            page.keyboard().press("Enter");
            assertThat(page.locator("#banner-verdict")).hasText("PASS", OperatorScreenBrowserTest.WAIT);
            assertThat(page.locator("#banner-hint"))
                    .hasText(Pattern.compile("^MARGINAL \\(passed, near a limit\\): VCAP1 1\\.1[6-8]\\d* V$"));
            Locator vcap = page.locator("#steps tr[data-step='VCAP1']").first();
            assertThat(vcap).hasClass(Pattern.compile("\\bmarginal\\b"));
            assertThat(vcap.locator("td").nth(3)).hasText(Pattern.compile("^1\\.1[6-8]\\d* V$"));
            Locator verdict = vcap.locator("td").last();
            assertThat(verdict).hasText("MARGINAL");
            assertThat(verdict).hasClass("MARGINAL");
            assertEquals("rgb(138, 83, 0)", verdict.evaluate("td => getComputedStyle(td).color"), "amber");
            assertEquals(
                    Boolean.TRUE,
                    verdict.evaluate("td => td.scrollWidth <= td.clientWidth"),
                    "MARGINAL fits its column, not cut to MARG…");
            assertThat(page.locator("#steps tr.marginal")).hasCount(1);
            assertThat(page.locator("#steps tr.bad")).hasCount(0);
            assertThat(page.locator("#steps tr[data-step='VDD'] td").last()).hasText("PASS");
            vcap.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-marginal.png")));
            RunDetail stored = stations.db.trace().board("SN-MARG-UI-1").get(0);
            assertEquals(Verdict.PASS, stored.run().verdict());
            MeasurementRow vcapStored = stored.steps().stream()
                    .flatMap(s -> s.measurements().stream())
                    .filter(m -> m.name().equals("VCAP1"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(vcapStored.marginal(), "what the screen showed is what was stored");
            context.close();
        }
    }
}
