package io.benchline.station.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.benchline.db.EngineerAction;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.HeadlessChromium;
import io.benchline.station.flow.FlowTestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator screen in real headless Chromium (Debian's chromium, driven by Playwright): three
 * simulated stations on one database, with a good board, an under-powered board (VDD 0.5 V) and
 * an unplugged probe in their jigs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorScreenBrowserTest {
    static final Path CHROMIUM = HeadlessChromium.EXECUTABLE;
    static final String BATCH = "UI-LOT";
    static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @TempDir
    static Path dir;

    TestStations stations;
    StationServer good;
    StationServer vddLow;
    StationServer unplugged;
    /** Under-powered boards under a plan with retest-limit 0: a second start is refused and quarantines. */
    StationServer limited;

    HeadlessChromium chromium;
    Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    void startStationsAndBrowser() {
        stations = new TestStations(dir);
        stations.users = FlowTestFiles.users(dir);
        good = stations.start("good", BATCH);
        vddLow = stations.start("vdd-low", BATCH);
        unplugged = stations.start("probe-unplugged", BATCH);
        stations.plan = FlowTestFiles.planWithRetestLimit(dir, 0);
        limited = stations.start("vdd-low", BATCH);
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    void stopAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (stations != null) {
            stations.close();
        }
    }

    @BeforeEach
    void freshPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** The operator signed in for this shift already (remembered by the browser). */
    private void signedIn(String name) {
        context.addInitScript("localStorage.setItem('benchline.operator', '" + name + "');"
                + "localStorage.setItem('benchline.shiftStart', String(Date.now()));");
    }

    /** A barcode scanner is a keyboard: the characters, then Enter. */
    private void scan(String serial) {
        page.locator("#serial").focus();
        page.keyboard().type(serial);
        page.keyboard().press("Enter");
    }

    private void open(StationServer s) {
        page.navigate(s.address());
        assertThat(page.locator("#batch")).hasText(BATCH);
    }

    /** The shift counter's text once it has grown by one (the stations serve several tests). */
    private String plusOne(String counter) {
        return String.valueOf(
                Integer.parseInt(page.locator(counter).textContent().trim()) + 1);
    }

    @Test
    void goodBoardShowsLiveStepsAndPass() throws Exception {
        signedIn("alice");
        open(good);
        String passed = plusOne("#shift-passed");
        scan("SN-UI-0001");
        assertThat(page.locator("#banner-verdict")).hasText("PASS", WAIT);
        assertThat(page.locator("#banner-detail")).hasText("SN-UI-0001");
        Locator vdd = page.locator("#steps tr[data-step='VDD']").first();
        assertThat(vdd.locator("td").nth(3)).hasText(Pattern.compile("^3\\.[234]\\d* V$"));
        assertThat(vdd).containsText("3.135 … 3.465 V");
        assertThat(vdd.locator("td").last()).hasText("PASS");
        assertThat(page.locator("#steps tr[data-step='boot-check']")).hasCount(1);
        assertThat(page.locator("#steps tr[data-step='teardown']")).hasCount(1);
        assertThat(page.locator("#steps tr.bad")).hasCount(0);
        assertThat(page.locator("#serial")).hasValue("");
        assertThat(page.locator("#serial")).isFocused();
        assertThat(page.locator("#shift-passed")).hasText(passed);
        assertThat(page.locator("#shift-fpy")).hasText("100.0 %");
        Path shot = Path.of("target", "operator-screen-pass.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertTrue(Files.size(shot) > 10_000);
        // what the screen showed is what was stored
        RunDetail stored = stations.db.trace().board("SN-UI-0001").get(0);
        assertEquals(Verdict.PASS, stored.run().verdict());
        assertEquals("alice", stored.run().operator());
    }

    @Test
    void underPoweredBoardFailsAtVddWithItsHint() {
        signedIn("alice");
        open(vddLow);
        String failed = plusOne("#shift-failed");
        scan("SN-UI-0002");
        assertThat(page.locator("#banner-verdict")).hasText("FAIL", WAIT);
        assertThat(page.locator("#banner-detail")).containsText("board failed at VDD");
        assertThat(page.locator("#banner-detail")).containsText("below 3.135 V");
        assertThat(page.locator("#banner-hint")).containsText("check the 3.3 V regulator output");
        assertThat(page.locator("#steps tr.bad td").nth(3)).containsText("0.5");
        assertThat(page.locator("#steps tr[data-step='swd-connect']")).hasCount(0);
        assertThat(page.locator("#shift-failed")).hasText(failed);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-fail.png")));
    }

    @Test
    void unpluggedProbeIsAStationError() {
        signedIn("alice");
        open(unplugged);
        String errors = plusOne("#shift-errors");
        scan("SN-UI-0003");
        assertThat(page.locator("#banner-verdict")).hasText("ERROR", WAIT);
        assertThat(page.locator("#banner-detail")).containsText("station problem at swd-connect");
        assertThat(page.locator("#banner-hint")).containsText("station problem, not the board");
        assertThat(page.locator("#shift-errors")).hasText(errors);
        assertThat(page.locator("#shift-failed")).hasText("0", new LocatorAssertions.HasTextOptions().setTimeout(1000));
    }

    @Test
    void retestOfAPassedBoardAsksFirst() {
        signedIn("alice");
        open(good);
        scan("SN-UI-0004");
        assertThat(page.locator("#banner-verdict")).hasText("PASS", WAIT);

        Response refused = page.waitForResponse(this::isRunPost, () -> scan("SN-UI-0004"));
        assertEquals(409, refused.status(), "the station refuses a retest nobody confirmed");
        assertTrue(refused.text().contains("\"already-passed\""), refused.text());
        Locator dialog = page.locator("#retest-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("SN-UI-0004 already has a PASS");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(page.locator("#serial-msg")).hasText("Retest cancelled");
        assertEquals(1, stations.db.trace().board("SN-UI-0004").size(), "a cancelled retest stores nothing");

        page.locator("#serial").fill("");
        scan("SN-UI-0004");
        assertThat(dialog).isVisible();
        // an operator cannot confirm: the dialog stays, saying why
        page.locator("#retest-engineer").fill(FlowTestFiles.OPERATOR);
        page.locator("#retest-pin").fill(FlowTestFiles.OPERATOR_PIN);
        Response notAllowed = page.waitForResponse(
                this::isRunPost, () -> page.locator("#retest-pin").press("Enter"));
        assertEquals(403, notAllowed.status());
        assertThat(dialog).isVisible();
        assertThat(page.locator("#retest-msg")).containsText("olga is an operator");
        assertThat(page.locator("#retest-pin")).hasValue("");
        assertEquals(1, stations.db.trace().board("SN-UI-0004").size());

        String passed = plusOne("#shift-passed");
        page.locator("#retest-engineer").fill(FlowTestFiles.ENGINEER);
        page.locator("#retest-pin").fill(FlowTestFiles.ENGINEER_PIN);
        Response started = page.waitForResponse(
                this::isRunPost, () -> page.locator("#retest-pin").press("Enter"));
        assertEquals(202, started.status());
        assertTrue(
                started.request().postData().contains("\"confirm_retest\":true"),
                started.request().postData());
        assertTrue(
                started.request().postData().contains("\"engineer\":\"eve\""),
                started.request().postData());
        assertThat(page.locator("#shift-passed")).hasText(passed, WAIT);
        assertEquals(2, stations.db.trace().board("SN-UI-0004").size());
        EngineerAction confirm = stations.db.flow().actions("SN-UI-0004").stream()
                .filter(a -> a.action().equals(EngineerAction.CONFIRM_RETEST))
                .findFirst()
                .orElseThrow();
        assertEquals("eve", confirm.author());
        assertTrue(confirm.detail().contains("operator alice"), confirm.detail());
    }

    @Test
    void aQuarantinedBoardIsReleasedOnTheScreenByAnEngineerOnly() {
        signedIn("alice");
        open(limited);
        scan("SN-UI-0006");
        assertThat(page.locator("#banner-verdict")).hasText("FAIL", WAIT);

        Response refused = page.waitForResponse(this::isRunPost, () -> scan("SN-UI-0006"));
        assertEquals(409, refused.status());
        assertThat(page.locator("#banner-verdict")).hasText("QUARANTINED");
        assertThat(page.locator("#banner-detail")).containsText("over the retest limit of 0");
        assertThat(page.locator("#serial-msg")).hasText("Not started: board SN-UI-0006 is quarantined");
        assertEquals(1, stations.db.trace().board("SN-UI-0006").size(), "nothing tested");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "operator-screen-quarantined.png")));

        page.locator("#release-open").click();
        Locator dialog = page.locator("#release-dialog");
        assertThat(dialog).isVisible();
        assertThat(page.locator("#release-engineer")).isFocused();
        page.keyboard().type(FlowTestFiles.OPERATOR);
        page.locator("#release-pin").fill(FlowTestFiles.OPERATOR_PIN);
        page.locator("#release-reason").fill("looks fine to me");
        page.locator("#release-yes").click();
        assertThat(page.locator("#release-msg")).containsText("olga is an operator: only an engineer may release");
        assertThat(dialog).isVisible();
        assertTrue(stations.db.flow().openQuarantine("SN-UI-0006").isPresent(), "an operator released nothing");

        page.locator("#release-engineer").fill(FlowTestFiles.ENGINEER);
        page.locator("#release-pin").fill(FlowTestFiles.ENGINEER_PIN);
        page.locator("#release-reason").fill("R7 resoldered");
        page.locator("#release-pin").press("Enter");
        assertThat(dialog).isHidden();
        assertThat(page.locator("#banner-verdict")).hasText("RELEASED");
        assertThat(page.locator("#banner-detail")).hasText("SN-UI-0006 released by eve: R7 resoldered");
        assertThat(page.locator("#release-open")).isHidden();
        assertThat(page.locator("#serial")).isFocused();
        var q = stations.db.flow().quarantines("SN-UI-0006").get(0);
        assertEquals("eve", q.releasedBy());
        assertEquals("R7 resoldered", q.releaseReason());

        page.keyboard().press("Enter");
        assertThat(page.locator("#banner-verdict")).hasText("FAIL", WAIT);
        assertEquals(2, stations.db.trace().board("SN-UI-0006").size(), "tested again once released");

        page.navigate(limited.address() + "boards/SN-UI-0006");
        assertThat(page.locator("#quarantines")).containsText("R7 resoldered");
        assertThat(page.locator("#engineer-actions")).containsText("release");
        assertThat(page.locator("#engineer-actions")).containsText("pin-refused");
    }

    private boolean isRunPost(Response r) {
        return r.url().endsWith("/api/runs") && r.request().method().equals("POST");
    }

    @Test
    void badSerialIsRefusedAsTyped() {
        signedIn("alice");
        open(good);
        page.locator("#serial").focus();
        page.keyboard().type("XX-12");
        assertThat(page.locator("#serial")).hasClass(Pattern.compile("invalid"));
        assertThat(page.locator("#serial-msg")).containsText("does not match the plan's pattern SN-[A-Z0-9-]{1,32}");
        page.keyboard().press("Enter");
        assertThat(page.locator("#serial-msg")).containsText("Not started");
        assertThat(page.locator("#banner-verdict")).hasText("READY");
        assertTrue(stations.db.trace().board("XX-12").isEmpty(), "nothing stored for a refused serial");
        page.keyboard().press("Control+A");
        page.keyboard().type("SN-OK-1");
        assertThat(page.locator("#serial")).hasClass(Pattern.compile("\\bvalid"));
    }

    @Test
    void operatorNameIsAskedOnceAndRemembered() {
        page.navigate(good.address());
        assertThat(page.locator("#operator-dialog")).isVisible();
        page.keyboard().type("carol");
        page.keyboard().press("Enter");
        assertThat(page.locator("#operator")).hasText("carol");
        assertThat(page.locator("#serial")).isFocused();
        page.reload();
        assertThat(page.locator("#operator")).hasText("carol");
        assertThat(page.locator("#operator-dialog")).isHidden();
    }

    @Test
    void reportAndTracePages() {
        signedIn("dave");
        open(vddLow);
        scan("SN-UI-0005");
        assertThat(page.locator("#banner-verdict")).hasText("FAIL", WAIT);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Batch report"))
                .click();
        assertThat(page.locator("h1")).hasText("Batch " + BATCH);
        assertThat(page.locator("#kpi-boards b")).not().hasText("0");
        assertThat(page.locator("#pareto")).containsText("VDD");
        assertThat(page.locator("#pareto")).containsText("check the 3.3 V regulator output");
        assertThat(page.locator("#measurements")).containsText("VDD spread");
        assertTrue(page.locator("svg").count() >= 3, "Pareto, time series and histograms are drawn as SVG");

        page.navigate(good.address() + "boards/SN-UI-0005");
        assertThat(page.locator("h1")).hasText("Board SN-UI-0005");
        assertThat(page.locator(".run .verdict").first()).hasText("FAIL");
        assertThat(page.locator(".run .meta").first()).containsText("operator dave");
        assertThat(page.locator(".run .meta").first()).containsText("sha256");
        assertThat(page.locator("tr.bad td.value").first()).containsText("0.5");
    }
}
