package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.benchline.db.CalibrationOverride;
import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.flow.FlowTestFiles;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator screen in real headless Chromium: a run refused for a DMM past its calibration due
 * date, the engineer's override asked on the screen (an operator's PIN refused, the engineer's
 * taken), and the next board tested with the override named.
 */
class CalibrationScreenBrowserTest {
    @TempDir
    Path dir;

    @Test
    void anExpiredDmmRefusesTheRunAndAnEngineerOverridesItOnTheScreen() throws Exception {
        LocalDate due = LocalDate.now().minusDays(2);
        Path file = dir.resolve("fixture.yaml");
        Files.writeString(file, """
                name: sim-cal
                station: cal-screen
                sim: {board: good, seed: 1}
                time-scale: 0
                supply: {kind: sim}
                dmm: {kind: sim, calibration-due: %s, certificate: CAL-9}
                switch: {kind: sim}
                probe: sim
                uart: {kind: sim}
                test-points: {VDD: "1", VDDA: "2", VCAP1: "3", NRST: "4"}
                """.formatted(due));
        FixtureFile fixture = FixtureLoader.load(file.toString());
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station =
                        Station.open(PlanLoader.load(TestStations.PLAN), fixture, db, f -> FixtureOpener.open(f, sim));
                StationServer server = StationServer.start(
                        station,
                        db,
                        "CAL-LOT",
                        "127.0.0.1",
                        0,
                        SimBoards.freshEachRun(sim, fixture),
                        Optional.empty(),
                        FlowTestFiles.users(dir));
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
            context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                    + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
            Page page = context.newPage();
            page.navigate(server.address());
            assertThat(page.locator("#batch")).hasText("CAL-LOT");
            scan(page, "SN-CAL-UI-1");
            assertThat(page.locator("#banner-verdict")).hasText("ERROR", OperatorScreenBrowserTest.WAIT);
            assertThat(page.locator("#banner-detail"))
                    .containsText("dmm Benchline SimDMM #SIM-DMM-0001: calibration EXPIRED " + due + " (2 days ago)");
            assertThat(page.locator("#steps tr[data-step='power-on']")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-calibration.png")));

            page.locator("#calibration-open").click();
            assertThat(page.locator("#calibration-dialog")).isVisible();
            page.locator("#calibration-engineer").fill(FlowTestFiles.OPERATOR);
            page.locator("#calibration-pin").fill(FlowTestFiles.OPERATOR_PIN);
            page.locator("#calibration-reason").fill("it reads fine");
            page.locator("#calibration-yes").click();
            assertThat(page.locator("#calibration-msg")).containsText("only an engineer may override the calibration");
            assertEquals(List.of(), db.calibration().overrides("cal-screen"));

            page.locator("#calibration-engineer").fill(FlowTestFiles.ENGINEER);
            page.locator("#calibration-pin").fill(FlowTestFiles.ENGINEER_PIN);
            page.locator("#calibration-reason").fill("checked against the 10 V reference, recal booked");
            page.locator("#calibration-yes").click();
            assertThat(page.locator("#banner-verdict")).hasText("OVERRIDDEN");
            assertThat(page.locator("#calibration-open")).isHidden();
            CalibrationOverride o = db.calibration().overrides("cal-screen").get(0);
            assertEquals("eve", o.author());
            assertEquals("Benchline SimDMM #SIM-DMM-0001", o.instrument());
            assertEquals(due, o.due());
            assertEquals("CAL-9", o.certificate());

            scan(page, "SN-CAL-UI-2");
            assertThat(page.locator("#banner-verdict")).hasText("PASS", OperatorScreenBrowserTest.WAIT);
            assertThat(page.locator("#calibration-warning")).containsText("used under eve's override until");
            assertEquals(
                    Verdict.PASS, db.trace().board("SN-CAL-UI-2").get(0).run().verdict());
        }
    }

    private static void scan(Page page, String serial) {
        page.locator("#serial").focus();
        page.keyboard().type(serial);
        page.keyboard().press("Enter");
    }
}
