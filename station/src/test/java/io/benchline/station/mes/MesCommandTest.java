package io.benchline.station.mes;

import static io.benchline.station.cli.CliRun.benchline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `benchline run` behind a simulated MES: what an operator's script sees, and what `trace` shows after. */
class MesCommandTest {
    static final String PLAN = "../plans/stm32f411-board.yaml";

    @TempDir
    Path dir;

    final SimMes mes = new SimMes();

    @AfterEach
    void stopMes() {
        mes.close();
    }

    Result run(String fixture, String serial, String... more) {
        String[] base = {
            "run", "--plan", PLAN, "--fixture", fixture, "--serial", serial, "--operator", "bo", "--db", db()
        };
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return benchline(args);
    }

    String db() {
        return dir.resolve("r").toString();
    }

    /** The simulated fixture's file with a mes: block. */
    String fixtureWith(String mesBlock) throws IOException {
        Path f = dir.resolve("fixture.yaml");
        Files.writeString(f, """
                name: sim-mes
                station: bench-7
                sim: {board: good, seed: 1}
                time-scale: 0
                supply: {kind: sim}
                dmm: {kind: sim}
                switch: {kind: sim}
                probe: sim
                uart: {kind: sim}
                test-points: {VDD: "1", VDDA: "2", VCAP1: "3", NRST: "4"}
                """ + mesBlock);
        return f.toString();
    }

    JsonNode traceJson(String serial) throws IOException {
        Result t = benchline("trace", serial, "--json", "--db", db());
        assertEquals(0, t.exit(), t.err());
        return new ObjectMapper().readTree(t.out());
    }

    @Test
    void aRefusedBoardIsOneLineAndExitTwoAndTheTraceShowsTheRefusal() throws IOException {
        mes.refuse("SN-CLI-0100", "route: board must pass ICT first");
        // --mes overrides the file's route-url (where nothing listens); the file's generous timeout stays
        String fixture = fixtureWith("mes:\n  route-url: " + SimMes.downUrl("/route") + "\n  timeout-ms: 10000\n");
        Result r = run(fixture, "SN-CLI-0100", "--mes", mes.routeUrl());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the MES refused board SN-CLI-0100"), r.err());
        assertTrue(r.err().contains("route: board must pass ICT first"), r.err());
        assertFalse(r.out().contains("PASS"), r.out());

        JsonNode checks = traceJson("SN-CLI-0100").get("route_checks");
        assertEquals(1, checks.size(), checks.toString());
        assertEquals("REFUSED", checks.get(0).get("decision").asText());
        assertEquals("bo", checks.get(0).get("operator").asText());
        assertEquals(
                "route: board must pass ICT first", checks.get(0).get("reason").asText());
        Result text = benchline("trace", "SN-CLI-0100", "--db", db());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("REFUSED"), text.out());
        assertTrue(text.out().contains("route: board must pass ICT first"), text.out());
    }

    @Test
    void anAllowedBoardIsTestedAndTheTraceTiesTheCheckToItsRun() throws IOException {
        Result r = run(fixtureWith("mes:\n  route-url: " + mes.routeUrl() + "\n  timeout-ms: 10000\n"), "SN-CLI-0101");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode t = traceJson("SN-CLI-0101");
        long runId = t.get("boards").get(0).get("runs").get(0).get("run_id").asLong();
        assertEquals("ALLOWED", t.get("route_checks").get(0).get("decision").asText());
        assertEquals(runId, t.get("route_checks").get(0).get("run_id").asLong());
    }

    @Test
    void anUnreachableMesWithPolicyRefuseIsAStationErrorExitThree() throws IOException {
        String down = SimMes.downUrl("/route");
        String fixture = fixtureWith("mes:\n  route-url: " + down + "\n  on-unreachable: refuse\n");
        Result r = run(fixture, "SN-CLI-0102");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the MES could not be asked: cannot connect to " + down), r.err());
        assertEquals(
                "UNCHECKED_REFUSED",
                traceJson("SN-CLI-0102")
                        .get("route_checks")
                        .get(0)
                        .get("decision")
                        .asText());
    }

    @Test
    void anUnreachableMesWithPolicyAllowTestsTheBoardAndSaysSo() throws IOException {
        String down = SimMes.downUrl("/route");
        String fixture = fixtureWith("mes:\n  route-url: " + down + "\n  on-unreachable: allow\n  timeout-ms: 500\n");
        Result r = run(fixture, "SN-CLI-0103");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("tested without a route check"), r.err());
        assertEquals(
                "UNCHECKED_ALLOWED",
                traceJson("SN-CLI-0103")
                        .get("route_checks")
                        .get(0)
                        .get("decision")
                        .asText());
    }

    @Test
    void theTokenComesFromTheTokenFileAndResultsArePosted() throws IOException {
        Files.writeString(dir.resolve("mes.token"), "t0k-from-file\n");
        String fixture = fixtureWith("mes:\n  route-url: " + mes.routeUrl() + "\n  results-url: " + mes.resultsUrl()
                + "\n  token-file: mes.token\n  timeout-ms: 10000\n");
        Result r = run(fixture, "SN-CLI-0104");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("Bearer t0k-from-file", mes.authorizations().get(0));
        assertEquals("bench-7", mes.questions().get(0).get("station").asText());
        // the run waits at most the MES timeout for its post on the way out; a loopback MES takes it at once
        assertEquals(1, mes.results().size());
        assertEquals("SN-CLI-0104", mes.results().get(0).get("serial").asText());
        assertEquals(
                "SENT",
                traceJson("SN-CLI-0104")
                        .get("route_checks")
                        .get(0)
                        .get("result_post")
                        .asText());
    }

    @Test
    void badMesSettingsAreOneLineNamingWhere() throws IOException {
        String fixture = fixtureWith("mes:\n  route-url: " + mes.routeUrl() + "\n  timeout-ms: 5\n");
        Result r = run(fixture, "SN-CLI-0105");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("fixture.yaml:13:"), r.err());
        assertTrue(r.err().contains("mes: timeout-ms must be 100 to 10000, found 5"), r.err());

        fixture = fixtureWith("mes:\n  route-url: " + mes.routeUrl() + "\n  on-unreachble: allow\n");
        r = run(fixture, "SN-CLI-0105");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("unknown key 'on-unreachble' in mes: did you mean 'on-unreachable'?"), r.err());

        r = run("sim:good", "SN-CLI-0105", "--mes", "ftp://mes.example/route");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--mes 'ftp://mes.example/route' is not an http:// or https:// URL"), r.err());
        assertTrue(mes.questions().isEmpty());
    }
}
