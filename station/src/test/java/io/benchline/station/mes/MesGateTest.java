package io.benchline.station.mes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.Database;
import io.benchline.db.ResultPost;
import io.benchline.db.RouteCheck;
import io.benchline.db.RouteDecision;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MES route check and result posts of a simulated station, against a simulated MES on loopback
 * speaking the contract of docs/mes.md over real HTTP: allowed, refused, slow, down, answering
 * an error; results posted after the verdict, retried, recorded when they cannot be posted, and
 * posted by the next station when the first stopped with them pending.
 */
class MesGateTest {
    static final Path PLAN = Path.of("../plans/stm32f411-board.yaml");
    /** Generous for a loopback MES on a loaded machine; the slow MES holds its answer far longer. */
    static final Duration TIMEOUT = Duration.ofMillis(5000);

    /** For the tests of a slow MES: each waits this out. */
    static final Duration SHORT = Duration.ofMillis(800);

    @TempDir
    Path dir;

    Database db;
    Station station;
    Runnable freshBoard;
    SimMes mes;
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openStation() {
        db = Database.open(dir.resolve("results").toString());
        Plan plan = PlanLoader.load(PLAN);
        FixtureFile fixture = FixtureLoader.load("sim:good");
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        station = Station.open(plan, fixture, db, f -> FixtureOpener.open(f, sim));
        freshBoard = SimBoards.freshEachRun(sim, fixture);
        mes = new SimMes();
    }

    @AfterEach
    void close() {
        mes.close(); // first: a post the simulated MES holds is answered, so the station stops at once
        station.close();
        db.close();
    }

    MesSettings settings(String routeUrl, String resultsUrl, OnUnreachable policy, int tries, long retryMs) {
        return settings(routeUrl, resultsUrl, policy, tries, retryMs, TIMEOUT);
    }

    MesSettings settings(
            String routeUrl, String resultsUrl, OnUnreachable policy, int tries, long retryMs, Duration timeout) {
        return new MesSettings(
                Optional.ofNullable(routeUrl).map(URI::create),
                Optional.ofNullable(resultsUrl).map(URI::create),
                timeout,
                policy,
                tries,
                Duration.ofMillis(retryMs),
                Optional.of("secret-token"));
    }

    void useMes(MesSettings s) {
        station.useMes(MesGate.open(s, db, station.fixture().file().station(), station.plan(), notices::add));
    }

    RunOutcome run(String serial) {
        freshBoard.run();
        return station.run(new RunRequest(serial, "MES-LOT", "ana"), RunListener.NONE);
    }

    RouteCheck onlyCheck(String serial) {
        List<RouteCheck> checks = db.routeChecks().ofSerial(serial);
        assertEquals(1, checks.size(), checks.toString());
        return checks.get(0);
    }

    static void within(Duration limit, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void allowedBoardIsTestedAndItsCheckIsTiedToTheRun() {
        useMes(settings(mes.routeUrl(), null, OnUnreachable.REFUSE, 1, 10));
        RunOutcome o = run("SN-MES-0001");
        assertEquals(Verdict.PASS, o.verdict());
        RouteCheck c = onlyCheck("SN-MES-0001");
        assertEquals(RouteDecision.ALLOWED, c.decision());
        assertEquals(o.runId(), c.runId());
        assertEquals("ana", c.operator());
        assertEquals("MES-LOT", c.batch());
        JsonNode q = mes.questions().get(0);
        assertEquals("SN-MES-0001", q.get("serial").asText());
        assertEquals(station.fixture().file().station(), q.get("station").asText());
        assertEquals(station.plan().name(), q.get("plan").asText());
        assertEquals(station.plan().version(), q.get("plan_version").asText());
        assertEquals("ana", q.get("operator").asText());
        assertEquals("MES-LOT", q.get("batch").asText());
        assertTrue(q.get("position") == null, "no position on a one-board fixture: " + q);
        assertEquals("Bearer secret-token", mes.authorizations().get(0));
    }

    @Test
    void refusedBoardIsNotTestedAndTheRefusalIsStored() {
        useMes(settings(mes.routeUrl(), null, OnUnreachable.ALLOW, 1, 10));
        mes.refuse("SN-MES-0002", "no AOI pass recorded for this serial");
        RouteRefused e = assertThrows(RouteRefused.class, () -> run("SN-MES-0002"));
        assertEquals("no AOI pass recorded for this serial", e.reason());
        assertTrue(e.getMessage().contains("the MES refused board SN-MES-0002"), e.getMessage());
        assertTrue(db.trace().board("SN-MES-0002").isEmpty(), "a refused board has no run: nothing was powered");
        RouteCheck c = onlyCheck("SN-MES-0002");
        assertEquals(RouteDecision.REFUSED, c.decision());
        assertEquals("no AOI pass recorded for this serial", c.reason());
        assertEquals("ana", c.operator());
        assertNull(c.runId());
        // the station goes on: the next board is allowed and tested
        assertEquals(Verdict.PASS, run("SN-MES-0003").verdict());
    }

    @Test
    void slowMesWithPolicyRefuseTestsNothingWithinTheTimeout() {
        useMes(settings(mes.routeUrl(), null, OnUnreachable.REFUSE, 1, 10, SHORT));
        mes.slowRoute(20_000);
        long start = System.nanoTime();
        MesUnavailable e = assertThrows(MesUnavailable.class, () -> run("SN-MES-0004"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 15_000, "the check is bounded by its timeout, not the MES's 20 s: " + ms + " ms");
        assertTrue(e.getMessage().contains("the MES could not be asked: no answer from"), e.getMessage());
        assertTrue(e.getMessage().contains("within 800 ms"), e.getMessage());
        assertTrue(db.trace().board("SN-MES-0004").isEmpty());
        RouteCheck c = onlyCheck("SN-MES-0004");
        assertEquals(RouteDecision.UNCHECKED_REFUSED, c.decision());
        assertTrue(c.answeredMs() >= SHORT.toMillis(), "waited its timeout: " + c.answeredMs());
    }

    @Test
    void slowMesWithPolicyAllowTestsTheBoardAndRecordsTheCheckWasNotMade() {
        useMes(settings(mes.routeUrl(), null, OnUnreachable.ALLOW, 1, 10, SHORT));
        mes.slowRoute(20_000);
        RunOutcome o = run("SN-MES-0005");
        assertEquals(Verdict.PASS, o.verdict());
        RouteCheck c = onlyCheck("SN-MES-0005");
        assertEquals(RouteDecision.UNCHECKED_ALLOWED, c.decision());
        assertEquals(o.runId(), c.runId());
        assertTrue(c.reason().startsWith("the MES could not be asked: no answer from"), c.reason());
        assertTrue(notices.stream().anyMatch(n -> n.contains("tested without a route check")), notices.toString());
    }

    @Test
    void downMesFollowsThePolicyBothWays() {
        String down = SimMes.downUrl("/route");
        useMes(settings(down, null, OnUnreachable.REFUSE, 1, 10));
        MesUnavailable e = assertThrows(MesUnavailable.class, () -> run("SN-MES-0006"));
        assertTrue(e.getMessage().contains("cannot connect to " + down), e.getMessage());
        assertEquals(RouteDecision.UNCHECKED_REFUSED, onlyCheck("SN-MES-0006").decision());

        useMes(settings(down, null, OnUnreachable.ALLOW, 1, 10));
        assertEquals(Verdict.PASS, run("SN-MES-0007").verdict());
        assertEquals(RouteDecision.UNCHECKED_ALLOWED, onlyCheck("SN-MES-0007").decision());
    }

    @Test
    void anAnswerOutsideTheContractIsACheckNotMade() {
        useMes(settings(mes.routeUrl(), null, OnUnreachable.REFUSE, 1, 10));
        mes.routeStatus(503);
        MesUnavailable e = assertThrows(MesUnavailable.class, () -> run("SN-MES-0008"));
        assertTrue(e.getMessage().contains("answered HTTP 503"), e.getMessage());
        assertEquals(RouteDecision.UNCHECKED_REFUSED, onlyCheck("SN-MES-0008").decision());
    }

    @Test
    void resultIsPostedAfterTheVerdict() {
        useMes(settings(mes.routeUrl(), mes.resultsUrl(), OnUnreachable.REFUSE, 3, 10));
        RunOutcome o = run("SN-MES-0009");
        within(Duration.ofSeconds(10), () -> !mes.results().isEmpty(), "the MES got the result");
        JsonNode r = mes.results().get(0);
        assertEquals("SN-MES-0009", r.get("serial").asText());
        assertEquals(o.runId(), r.get("run_id").asLong());
        assertEquals("PASS", r.get("verdict").asText());
        assertEquals(station.fixture().file().station(), r.get("station").asText());
        assertTrue(r.get("started_at").asText().endsWith("Z"), r.toString());
        assertTrue(r.has("ended_at") && r.has("software_version") && r.has("failed_step") && r.has("hint"));
        within(
                Duration.ofSeconds(10),
                () -> db.routeChecks().resultPost(o.runId()).orElseThrow().state() == ResultPost.State.SENT,
                "the post recorded as sent");
        assertEquals(1, db.routeChecks().resultPost(o.runId()).orElseThrow().attempts());
    }

    @Test
    void aDownResultsEndpointNeverDelaysTheRunAndWhatWasNotPostedIsRecorded() {
        String down = SimMes.downUrl("/results");
        useMes(settings(null, down, OnUnreachable.REFUSE, 3, 20));
        RunOutcome o = run("SN-MES-0010");
        assertEquals(Verdict.PASS, o.verdict());
        within(
                Duration.ofSeconds(20),
                () -> db.routeChecks().resultPost(o.runId()).orElseThrow().state() == ResultPost.State.FAILED,
                "the post given up after its tries");
        ResultPost p = db.routeChecks().resultPost(o.runId()).orElseThrow();
        assertEquals(3, p.attempts());
        assertTrue(p.lastError().contains("cannot connect to " + down), p.lastError());
        // told after it is recorded
        within(
                Duration.ofSeconds(10),
                () -> notices.stream().anyMatch(n -> n.contains("was not posted after 3 attempt(s)")),
                "the console told: " + notices);
    }

    @Test
    void aHangingResultsEndpointDoesNotHoldTheRun() {
        mes.slowResults(20_000);
        useMes(new MesSettings(
                Optional.empty(),
                Optional.of(URI.create(mes.resultsUrl())),
                Duration.ofSeconds(10),
                OnUnreachable.REFUSE,
                1,
                Duration.ofMillis(10),
                Optional.empty()));
        long start = System.nanoTime();
        RunOutcome o = run("SN-MES-0011");
        long ms = (System.nanoTime() - start) / 1_000_000;
        // the run is over and told while the post still waits for the MES (which holds it 20 s)
        assertEquals(Verdict.PASS, o.verdict());
        assertTrue(ms < 10_000, "the run did not wait for the post's 10 s timeout: " + ms + " ms");
        ResultPost p = db.routeChecks().resultPost(o.runId()).orElseThrow();
        assertEquals(ResultPost.State.PENDING, p.state());
        assertEquals(0, p.attempts());
    }

    @Test
    void resultsLeftPendingArePostedByTheNextStation() {
        mes.resultsStatus(503);
        useMes(settings(null, mes.resultsUrl(), OnUnreachable.REFUSE, 50, 60_000));
        RunOutcome o = run("SN-MES-0012");
        within(
                Duration.ofSeconds(10),
                () -> db.routeChecks().resultPost(o.runId()).orElseThrow().attempts() == 1,
                "the first attempt answered 503");
        assertEquals(
                ResultPost.State.PENDING,
                db.routeChecks().resultPost(o.runId()).orElseThrow().state());
        mes.resultsStatus(204);
        // the station restarts: a new gate on the same results URL
        useMes(settings(null, mes.resultsUrl(), OnUnreachable.REFUSE, 50, 60_000));
        within(Duration.ofSeconds(10), () -> !mes.results().isEmpty(), "the pending result posted");
        assertEquals(o.runId(), mes.results().get(0).get("run_id").asLong());
        within(
                Duration.ofSeconds(10),
                () -> db.routeChecks().resultPost(o.runId()).orElseThrow().state() == ResultPost.State.SENT,
                "recorded as sent");
    }
}
