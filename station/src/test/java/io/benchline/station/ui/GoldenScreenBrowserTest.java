package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.golden.GoldenCheck;
import io.benchline.station.golden.GoldenRequest;
import io.benchline.station.golden.GoldenSettings;
import io.benchline.station.golden.ShiftGate;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shift's golden-check requirement on the operator screen, in real headless Chromium: a scan
 * before the check passed is refused with the reason on the banner and nothing tested; after a
 * passing golden check the next board is tested.
 */
class GoldenScreenBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theScreenShowsTheRequirementThenTestsOnceTheGoldenBoardPassed() {
        assertTrue(
                Files.isExecutable(OperatorScreenBrowserTest.CHROMIUM),
                "browser tests need Debian's chromium: apt-get install -y chromium");
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T14:30:00Z"), ZoneOffset.UTC);
        GoldenSettings settings = new GoldenSettings(
                List.of("GOLDEN-1"),
                List.of(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0)),
                Optional.of(ZoneOffset.UTC),
                true,
                3);
        FixtureFile fixture = FixtureLoader.load("sim:good");
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station =
                        Station.open(PlanLoader.load(TestStations.PLAN), fixture, db, f -> FixtureOpener.open(f, sim));
                StationServer server = StationServer.start(
                        station,
                        db,
                        "GOLDEN-UI-LOT",
                        "127.0.0.1",
                        0,
                        SimBoards.freshEachRun(sim, fixture),
                        Optional.empty());
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            station.useShiftGate(new ShiftGate(
                    settings,
                    db.golden(),
                    fixture.station(),
                    station.plan().name(),
                    ShiftGate.howTo("plans/stm32f411-board.yaml", "fixtures/line-3.yaml", settings),
                    clock));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
            context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                    + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
            Page page = context.newPage();
            page.navigate(server.address());
            assertThat(page.locator("#batch")).hasText("GOLDEN-UI-LOT");

            Response refused = scan(page, "SN-UI-G1");
            assertEquals(409, refused.status(), refused.text());
            assertTrue(refused.text().contains("\"golden-check-required\""), refused.text());
            assertThat(page.locator("#banner-verdict")).hasText("GOLDEN CHECK REQUIRED");
            assertThat(page.locator("#banner-detail"))
                    .hasText(
                            "golden check required for shift starting 14:00: run benchline golden --plan"
                                    + " plans/stm32f411-board.yaml --fixture fixtures/line-3.yaml --serial GOLDEN-1 --repeat 3");
            assertThat(page.locator("#banner-hint")).containsText("call the test engineer");
            assertThat(page.locator("#serial-msg")).hasText("Not started: golden check required for this shift");
            assertThat(page.locator("#steps tbody tr")).hasCount(0);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-golden-required.png")));
            assertTrue(db.trace().board("SN-UI-G1").isEmpty(), "nothing was tested");

            assertTrue(new GoldenCheck(station, db.golden(), settings, clock)
                    .run(new GoldenRequest("GOLDEN-1", 3, "eng", 2.0), RunListener.NONE)
                    .passed());
            Response started = scan(page, "SN-UI-G2");
            assertEquals(202, started.status(), started.text());
            assertThat(page.locator("#banner-verdict")).hasText("PASS", OperatorScreenBrowserTest.WAIT);
        }
    }

    private static Response scan(Page page, String serial) {
        return page.waitForResponse(
                r -> r.url().endsWith("/api/runs") && r.request().method().equals("POST"), () -> {
                    page.locator("#serial").fill("");
                    page.locator("#serial").focus();
                    page.keyboard().type(serial);
                    page.keyboard().press("Enter");
                });
    }
}
