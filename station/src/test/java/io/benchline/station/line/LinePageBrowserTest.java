package io.benchline.station.line;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.benchline.db.Database;
import io.benchline.db.ResultStore;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.SpcAlarm;
import io.benchline.db.SpcFiring;
import io.benchline.db.StationState;
import io.benchline.db.Verdict;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.station.HeadlessChromium;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The line page in real headless Chromium (Debian's chromium, driven by Playwright) over a real
 * PostgreSQL holding the runs and heartbeats of three stations; then that server crashes
 * ({@code pg_ctl stop -m immediate}) and comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinePageBrowserTest {
    static final Path CHROMIUM = HeadlessChromium.EXECUTABLE;
    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);
    static final LocatorAssertions.IsHiddenOptions HIDDEN = new LocatorAssertions.IsHiddenOptions().setTimeout(30_000);

    /** Midday UTC today: the page's clock, so "today" never straddles a midnight while the test runs. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);

    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    Database db;
    LineServer server;
    HeadlessChromium chromium;
    Browser browser;
    Page page;

    @BeforeAll
    void startLineAndBrowser() {
        db = Database.open(PG.migratedDatabase());
        ResultStore s = db.store();
        // the programming station: a first pass, a VDD failure passed on retest, a VDD failure
        run(s, "prog-1", "SN-LINE-1", 1200, Verdict.PASS, null);
        run(s, "prog-1", "SN-LINE-2", 1100, Verdict.FAIL, "VDD");
        run(s, "prog-1", "SN-LINE-2", 1000, Verdict.PASS, null);
        run(s, "prog-1", "SN-LINE-4", 900, Verdict.FAIL, "VDD");
        // the functional station tests what was programmed: two pass, one fails its boot check
        run(s, "func-1", "SN-LINE-1", 800, Verdict.PASS, null);
        run(s, "func-1", "SN-LINE-2", 700, Verdict.PASS, null);
        run(s, "func-1", "SN-LINE-3", 650, Verdict.FAIL, "boot-check");
        run(s, "func-1", "SN-LINE-5", 640, Verdict.ERROR, "swd-connect");
        beat("prog-1", "testing", 0, null, NOW.minusSeconds(2));
        // silent for ten minutes, with runs it could not forward for twenty
        beat("func-1", "idle", 42, NOW.minusSeconds(1200), NOW.minusSeconds(600));
        beat("rework-1", "idle", 0, null, NOW.minusSeconds(1));
        // a process alarm forwarded by prog-1, open; one of func-1's, acknowledged
        db.spcAlarms().raise(alarm("prog-1", "VCAP1", "6-rising"));
        SpcAlarm acked = db.spcAlarms().raise(alarm("func-1", "VDD", "8-on-one-side"));
        db.spcAlarms().acknowledge(acked.id(), "olga", null, NOW.minusSeconds(60));
        server = LineServer.start(db, Clock.fixed(NOW, ZoneOffset.UTC), "127.0.0.1", 0);
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
        page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1366, 900)
                        .setTimezoneId("UTC")
                        .setLocale("en-GB"))
                .newPage();
    }

    @AfterAll
    void stopAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static void run(ResultStore store, String station, String serial, long secondsAgo, Verdict v, String step) {
        Instant at = NOW.minusSeconds(secondsAgo);
        long id = store.begin(
                new RunStart(
                        serial,
                        "LINE-LOT",
                        "F411 board rev B",
                        station,
                        "alice",
                        "sim-f411",
                        "stm32f411-board",
                        "3",
                        "a".repeat(64),
                        null,
                        "test"),
                at);
        store.end(id, new RunEnd(v, step, step == null ? null : "check " + step, null), at.plusSeconds(20));
    }

    private static SpcFiring alarm(String station, String measurement, String rule) {
        return new SpcFiring(
                station,
                "stm32f411-board",
                measurement,
                "V",
                "LINE-LOT",
                1.26,
                0.0013,
                NOW.minusSeconds(300),
                "SN-LINE-1",
                1.302,
                List.of("beyond-3-sigma", rule));
    }

    private void beat(String station, String state, long backlog, Instant oldest, Instant at) {
        db.heartbeats()
                .beat(new StationState(station, state, "LINE-LOT", "stm32f411-board", "test"), backlog, oldest, at);
    }

    private Locator station(String name) {
        return page.locator("#stations tr[data-station='" + name + "']");
    }

    @Test
    void showsEveryStationItsCountsAndTheLinesFailuresThenABannerWhileTheServerIsAway() throws Exception {
        page.navigate(server.address() + "?every=500");
        assertThat(station("prog-1").locator("td.boards")).hasText("3", WAIT);
        assertThat(page.locator("#stations tbody tr")).hasCount(3);
        assertThat(station("prog-1").locator("td.state")).hasText("testing");
        assertThat(station("prog-1").locator("td.fpy")).hasText("33.3 %");
        assertThat(station("prog-1").locator("td.backlog")).hasText("–");
        assertThat(station("func-1").locator("td.boards")).hasText("3");
        assertThat(station("func-1").locator("td.fpy")).hasText("66.7 %");
        assertThat(station("func-1").locator("td.problems")).hasText("1");
        assertThat(station("func-1").locator("td.state")).hasText(Pattern.compile("^not heard from since .*11:50:00"));
        assertThat(station("func-1").locator("td.backlog")).hasText("42 runs waiting, oldest 20 min");
        assertThat(station("func-1").locator("td.backlog")).hasClass(Pattern.compile("\\baged\\b"));
        assertThat(station("rework-1").locator("td.state")).hasText("idle");
        assertThat(station("rework-1").locator("td.boards")).hasText("0");
        assertThat(station("rework-1").locator("td.fpy")).hasText("–");

        Locator pareto = page.locator("#pareto tbody tr");
        assertThat(pareto).hasCount(2);
        assertThat(pareto.nth(0).locator("td.step")).hasText("VDD");
        assertThat(pareto.nth(0).locator("td.runs")).hasText("2");
        assertThat(pareto.nth(1).locator("td.step")).hasText("boot-check");
        // 24 hours on the chart; the last but one holds all six boards the stations tested (4 first passes)
        assertThat(page.locator("#hours g.hour")).hasCount(24);
        assertThat(page.locator("#hours g.hour").nth(22).locator("title"))
                .hasText(Pattern.compile("6 boards tested, 3 passed first \\(50\\.0 %\\), 8 runs, 1 station problems"));
        assertThat(page.locator("#away")).isHidden();
        Locator alarms = page.locator("#alarms tbody tr");
        assertThat(alarms).hasCount(1);
        assertThat(alarms.first()).hasAttribute("data-station", "prog-1");
        assertThat(alarms.first().locator("td.rules")).hasText("beyond 3σ, 6 rising");
        assertThat(alarms.first()).containsText("1.302 V (SN-LINE-1)");
        assertThat(page.locator("#no-alarms")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "line-page.png")));

        PG.server().stopImmediately();
        try {
            assertThat(page.locator("#away")).isVisible(VISIBLE);
            assertThat(page.locator("#away")).containsText("The central database is not answering.");
            assertThat(page.locator("#away-detail")).containsText("unreachable");
            // the last view stays, greyed
            assertThat(station("prog-1").locator("td.boards")).hasText("3");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "line-page-away.png")));
        } finally {
            PG.server().startAgain();
        }
        assertThat(page.locator("#away")).isHidden(HIDDEN);
        run(db.store(), "rework-1", "SN-LINE-3", 30, Verdict.PASS, null);
        assertThat(station("rework-1").locator("td.boards")).hasText("1", WAIT);
        assertThat(station("rework-1").locator("td.fpy")).hasText("100.0 %");
    }
}
