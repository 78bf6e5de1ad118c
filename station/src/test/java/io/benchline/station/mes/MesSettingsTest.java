package io.benchline.station.mes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the MES settings come from: the fixture file's block, --mes over its route-url, the token's sources. */
class MesSettingsTest {
    @TempDir
    Path dir;

    FixtureFile fixture(String mesBlock) throws IOException {
        Path f = dir.resolve("f.yaml");
        Files.writeString(f, """
                name: sim-mes
                sim: {board: good}
                supply: {kind: sim}
                dmm: {kind: sim}
                switch: {kind: sim}
                probe: sim
                test-points: {VDD: "1"}
                """ + mesBlock);
        return FixtureLoader.load(f.toString());
    }

    @Test
    void noBlockAndNoOptionIsNoMes() throws IOException {
        assertFalse(MesSettings.of(fixture(""), null, Map.of()).enabled());
        assertFalse(
                MesSettings.of(FixtureLoader.load("sim:good"), null, Map.of()).enabled());
    }

    @Test
    void theBlockWithDefaultsAndTheOptionOverItsRouteUrl() throws IOException {
        Files.writeString(dir.resolve("t"), "from-file");
        FixtureFile f = fixture("mes:\n  route-url: http://a/route\n  results-url: http://a/results\n"
                + "  on-unreachable: allow\n  token-file: t\n");
        MesSettings s = MesSettings.of(f, null, Map.of());
        assertEquals(Optional.of(URI.create("http://a/route")), s.routeUrl());
        assertEquals(Optional.of(URI.create("http://a/results")), s.resultsUrl());
        assertEquals(Duration.ofMillis(2000), s.timeout());
        assertEquals(OnUnreachable.ALLOW, s.onUnreachable());
        assertEquals(5, s.resultTries());
        assertEquals(Optional.of("from-file"), s.token());

        MesSettings o = MesSettings.of(f, "https://b:8443/route", Map.of(MesSettings.TOKEN_ENV, "from-env"));
        assertEquals(Optional.of(URI.create("https://b:8443/route")), o.routeUrl());
        assertEquals(Optional.of(URI.create("http://a/results")), o.resultsUrl());
        assertEquals(OnUnreachable.ALLOW, o.onUnreachable());
        assertEquals(Optional.of("from-env"), o.token(), "the environment wins over the file");
    }

    @Test
    void theOptionAloneAsksWithTheDefaultPolicyAndTheEnvironmentsToken() {
        MesSettings s = MesSettings.of(
                FixtureLoader.load("sim:good"), "http://127.0.0.1:9/route", Map.of(MesSettings.TOKEN_ENV, "x"));
        assertEquals(OnUnreachable.REFUSE, s.onUnreachable());
        assertEquals(Optional.of("x"), s.token());
        assertEquals(Optional.empty(), s.resultsUrl());
    }
}
