package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.benchline.db.Database;
import io.benchline.db.RouteCheck;
import io.benchline.db.RouteDecision;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.mes.MesGate;
import io.benchline.station.mes.MesSettings;
import io.benchline.station.mes.OnUnreachable;
import io.benchline.station.mes.SimMes;
import io.benchline.station.plan.PlanLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MES route check on the operator screen, in real headless Chromium: a simulated station
 * behind a simulated MES on loopback. A refused board shows the MES's reason and is not tested; an
 * MES that cannot be asked (policy refuse) is a station problem on the screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MesScreenBrowserTest {
    static final String BATCH = "MES-UI-LOT";

    @TempDir
    static Path dir;

    Database db;
    Station station;
    StationServer server;
    SimMes mes;
    HeadlessChromium chromium;
    Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    void startStationAndBrowser() {
        mes = new SimMes();
        db = Database.open(dir.resolve("results").toString());
        FixtureFile fixture = FixtureLoader.load("sim:good");
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        station = Station.open(PlanLoader.load(TestStations.PLAN), fixture, db, f -> FixtureOpener.open(f, sim));
        server = StationServer.start(
                station, db, BATCH, "127.0.0.1", 0, SimBoards.freshEachRun(sim, fixture), Optional.empty());
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    void stopAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (mes != null) {
            mes.close();
        }
        if (server != null) {
            server.close();
        }
        if (station != null) {
            station.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        context.addInitScript("localStorage.setItem('benchline.operator', 'alice');"
                + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
        page = context.newPage();
        page.navigate(server.address());
        assertThat(page.locator("#batch")).hasText(BATCH);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private void behind(String routeUrl) {
        station.useMes(MesGate.open(
                new MesSettings(
                        Optional.of(URI.create(routeUrl)),
                        Optional.empty(),
                        Duration.ofMillis(5000),
                        OnUnreachable.REFUSE,
                        1,
                        Duration.ofMillis(10),
                        Optional.empty()),
                db,
                station.fixture().file().station(),
                station.plan(),
                m -> {}));
    }

    private Response scan(String serial) {
        return page.waitForResponse(
                r -> r.url().endsWith("/api/runs") && r.request().method().equals("POST"), () -> {
                    page.locator("#serial").focus();
                    page.keyboard().type(serial);
                    page.keyboard().press("Enter");
                });
    }

    @Test
    void aRefusedBoardShowsTheMesReasonAndIsNotTested() throws Exception {
        behind(mes.routeUrl());
        mes.refuse("SN-UI-0901", "route: SN-UI-0901 has no AOI pass; send it to AOI");
        Response r = scan("SN-UI-0901");
        assertEquals(403, r.status(), r.text());
        assertTrue(r.text().contains("\"route-refused\""), r.text());
        assertThat(page.locator("#banner-verdict")).hasText("NOT ALLOWED");
        assertThat(page.locator("#banner-detail"))
                .containsText("SN-UI-0901 — refused by the MES: route: SN-UI-0901 has no AOI pass; send it to AOI");
        assertThat(page.locator("#banner-hint")).containsText("Do not test this board here");
        assertThat(page.locator("#serial-msg")).containsText("Not started");
        assertThat(page.locator("#steps tbody tr")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-mes-refused.png")));
        // nothing was tested; the refusal is stored with who and why
        assertTrue(db.trace().board("SN-UI-0901").isEmpty());
        List<RouteCheck> checks = db.routeChecks().ofSerial("SN-UI-0901");
        assertEquals(1, checks.size());
        assertEquals(RouteDecision.REFUSED, checks.get(0).decision());
        assertEquals("alice", checks.get(0).operator());

        // the next board, which the MES allows, is tested as usual
        Response next = scan("SN-UI-0902");
        assertEquals(202, next.status(), next.text());
        assertThat(page.locator("#banner-verdict")).hasText("PASS", OperatorScreenBrowserTest.WAIT);
    }

    @Test
    void anMesThatCannotBeAskedIsAStationProblemOnTheScreen() {
        behind(SimMes.downUrl("/route"));
        Response r = scan("SN-UI-0903");
        assertEquals(503, r.status(), r.text());
        assertTrue(r.text().contains("\"mes-unavailable\""), r.text());
        assertThat(page.locator("#banner-verdict")).hasText("ERROR");
        assertThat(page.locator("#banner-detail")).containsText("the MES could not be asked: cannot connect to");
        assertTrue(db.trace().board("SN-UI-0903").isEmpty());
        assertEquals(
                RouteDecision.UNCHECKED_REFUSED,
                db.routeChecks().ofSerial("SN-UI-0903").get(0).decision());
    }
}
