package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.benchline.db.Database;
import io.benchline.db.SpcAlarm;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.Station;
import io.benchline.station.demo.DemoDrift;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drifting VCAP1 on the operator screen, in real headless Chromium: after the baseline, the boards
 * scanned on the screen all pass while their VCAP1 rises; the process alarm appears with "6 rising",
 * the operator acknowledges it by clicking, and the acknowledgement is stored with their name.
 */
class AlarmScreenBrowserTest {
    static final String BATCH = "SPC-UI-LOT";

    @TempDir
    Path dir;

    @Test
    void theDriftAlarmAppearsOnTheScreenAndIsAcknowledgedByClicking() {
        assertTrue(
                Files.isExecutable(OperatorScreenBrowserTest.CHROMIUM),
                "browser tests need Debian's chromium: apt-get install -y chromium");
        FixtureFile fixture = FixtureLoader.load("sim:good");
        SimFixture sim = SimBoards.simulatedFixture(fixture).orElseThrow();
        DemoDrift drift = DemoDrift.of("vcap1", 21);
        AtomicInteger board = new AtomicInteger();
        Runnable next = () -> {
            int n = board.incrementAndGet();
            sim.insert(drift.apply(new SimBoard(BoardProfile.GOOD, 977L * n), n));
        };
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station = Station.open(
                        PlanLoader.load(TestStations.PLAN), fixture, db, f -> FixtureOpener.open(f, Optional.of(sim)));
                StationServer server = StationServer.start(station, db, BATCH, "127.0.0.1", 0, next, Optional.empty());
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            // the baseline: 20 boards before the drift starts
            for (int i = 1; i <= 20; i++) {
                next.run();
                assertEquals(
                        Verdict.PASS,
                        station.run(new RunRequest("SN-SPC-" + i, BATCH, "alice"), RunListener.NONE)
                                .verdict());
            }
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
            context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                    + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
            Page page = context.newPage();
            page.navigate(server.address());
            assertThat(page.locator("#batch")).hasText(BATCH);
            assertThat(page.locator("#alarms")).isHidden();

            Locator vcap = page.locator("#alarm-list li[data-measurement='VCAP1']");
            for (int i = 21; i <= 27; i++) {
                String serial = "SN-SPC-" + i;
                Response r = page.waitForResponse(
                        x -> x.url().endsWith("/api/runs")
                                && x.request().method().equals("POST"),
                        () -> {
                            page.locator("#serial").focus();
                            page.keyboard().type(serial);
                            page.keyboard().press("Enter");
                        });
                assertEquals(202, r.status(), r.text());
                assertThat(page.locator("#shift-boards"))
                        .hasText(String.valueOf(i - 20), OperatorScreenBrowserTest.WAIT);
                assertThat(page.locator("#banner-verdict")).hasText("PASS");
            }
            assertThat(page.locator("#alarms")).isVisible();
            assertThat(vcap).hasCount(1);
            assertThat(vcap).containsText("6 rising");
            assertThat(vcap).containsText("VCAP1");
            assertThat(vcap).containsText("(SN-SPC-27)");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-spc-alarm.png")));

            String id = vcap.getAttribute("data-alarm");
            vcap.locator("button.ack").click();
            assertThat(page.locator("#ack-dialog")).isVisible();
            assertThat(page.locator("#ack-operator")).hasValue("alice");
            page.locator("#ack-comment").fill("told Eve: VCAP1 rising since board 21");
            page.locator("#ack-yes").click();
            assertThat(vcap).hasCount(0);
            assertThat(page.locator("#ack-dialog")).isHidden();

            SpcAlarm stored = db.spcAlarms().alarm(id).orElseThrow();
            assertFalse(stored.open());
            assertEquals("alice", stored.ack().operator());
            assertEquals("told Eve: VCAP1 rising since board 21", stored.ack().comment());
            assertTrue(stored.rules().contains("6-rising"), stored.rules().toString());
            context.close();
        }
    }
}
