package io.benchline.station.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.GoldenCheckRecord;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunRequest;
import io.benchline.station.ui.StationServer;
import io.benchline.station.yaml.YamlError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station that requires a passing golden check each shift: production runs refused until one
 * passed since the shift began, then allowed; the boundary crossed by setting a clock.
 */
@Timeout(120)
class ShiftRequirementTest {
    static final String GOLDEN_BLOCK = """
            golden:
              serials: [GOLDEN-1]
              shifts: ["06:00", "14:00", "22:00"]
              zone: UTC
              required: true
              repeat: 3
            """;

    @TempDir
    Path dir;

    Path fixtureFile(String golden) throws IOException {
        return GoldenFixtures.write(dir, "golden-station", golden);
    }

    @Test
    void theFixtureFilesBlockAndTheShiftANowFallsIn() throws IOException {
        GoldenSettings s =
                GoldenSettings.of(FixtureLoader.load(fixtureFile(GOLDEN_BLOCK).toString()));
        assertEquals(List.of("GOLDEN-1"), s.serials());
        assertEquals(List.of(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0)), s.shifts());
        assertEquals(Optional.of(ZoneId.of("UTC")), s.zone());
        assertTrue(s.required());
        assertEquals(3, s.repeat());
        assertEquals(
                new GoldenSettings.ShiftStart(LocalTime.of(14, 0), Instant.parse("2026-03-02T14:00:00Z")),
                s.shiftAt(Instant.parse("2026-03-02T14:30:00Z"), ZoneOffset.UTC));
        assertEquals(
                new GoldenSettings.ShiftStart(LocalTime.of(6, 0), Instant.parse("2026-03-02T06:00:00Z")),
                s.shiftAt(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC));
        assertEquals(
                new GoldenSettings.ShiftStart(LocalTime.of(22, 0), Instant.parse("2026-03-01T22:00:00Z")),
                s.shiftAt(Instant.parse("2026-03-02T05:59:59Z"), ZoneOffset.UTC),
                "before the first shift of the day, the night shift that began yesterday");
        assertEquals(GoldenSettings.NONE, GoldenSettings.of(FixtureLoader.load("sim:good")));
    }

    @Test
    void aBadBlockIsNamedAtItsPlaceInTheFixtureFile() throws IOException {
        Path f = fixtureFile("golden:\n  shifts: [\"25:00\"]\n");
        YamlError e = assertThrows(YamlError.class, () -> FixtureLoader.load(f.toString()));
        assertEquals(f + ":12:12: golden: shift start '25:00' is not a time of day such as \"06:00\"", e.getMessage());
        Path g = fixtureFile("golden:\n  required: true\n");
        assertTrue(assertThrows(YamlError.class, () -> FixtureLoader.load(g.toString()))
                .getMessage()
                .endsWith("golden: required: true needs the shifts' start times (shifts:)"));
        Path h = fixtureFile("golden:\n  shift: [\"06:00\"]\n");
        assertTrue(assertThrows(YamlError.class, () -> FixtureLoader.load(h.toString()))
                .getMessage()
                .contains("unknown key 'shift' in golden"));
    }

    @Test
    void productionIsRefusedUntilAGoldenCheckPassedThisShift() throws IOException {
        MovableClock clock = new MovableClock("2026-03-02T13:50:00Z");
        Path fixture = fixtureFile(GOLDEN_BLOCK);
        try (Database db = Database.open(dir.resolve("results").toString());
                Opened s = open(fixture, db, clock)) {
            assertTrue(golden(s, db, clock, 3).passed(), "a check in the shift before");

            clock.set("2026-03-02T14:30:00Z");
            GoldenRequired refused = assertThrows(GoldenRequired.class, () -> production(s.station, "SN-P-1"));
            assertEquals(
                    "golden check required for shift starting 14:00: run benchline golden --plan " + s.plan.file()
                            + " --fixture " + fixture + " --serial GOLDEN-1 --repeat 3",
                    refused.getMessage());
            assertEquals(LocalTime.of(14, 0), refused.shiftStart);
            assertTrue(db.trace().board("SN-P-1").isEmpty(), "nothing was run");

            clock.set("2026-03-02T14:35:00Z");
            assertTrue(golden(s, db, clock, 2).passed());
            assertThrows(
                    GoldenRequired.class,
                    () -> production(s.station, "SN-P-1"),
                    "2 runs do not meet the required repeat of 3");
            InputError notGolden = assertThrows(
                    InputError.class,
                    () -> new GoldenCheck(s.station, db.golden(), s.settings, clock)
                            .run(new GoldenRequest("SN-P-1", 3, "eng", 2.0), RunListener.NONE));
            assertEquals(
                    "--serial SN-P-1 is not a golden board of this fixture (its golden: serials are GOLDEN-1)",
                    notGolden.getMessage());

            clock.set("2026-03-02T14:40:00Z");
            assertTrue(golden(s, db, clock, 3).passed());
            assertEquals(Verdict.PASS, production(s.station, "SN-P-1"));

            clock.set("2026-03-02T22:05:00Z");
            db.golden()
                    .store(new GoldenCheckRecord(
                            "golden-station",
                            "stm32f411-board",
                            "1.0",
                            "sim-golden",
                            "GOLDEN-1",
                            3,
                            1,
                            2.0,
                            Verdict.FAIL,
                            "run 1 of 3 ended FAIL",
                            "eng",
                            clock.instant(),
                            clock.instant(),
                            List.of(),
                            List.of()));
            assertEquals(
                    LocalTime.of(22, 0),
                    assertThrows(GoldenRequired.class, () -> production(s.station, "SN-P-2")).shiftStart,
                    "a new shift, and a failed check does not count");
        }
    }

    @Test
    void theApiAnswers409WithTheReasonThenStartsOnceTheCheckPassed() throws Exception {
        MovableClock clock = new MovableClock("2026-03-02T06:10:00Z");
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (Database db = Database.open(dir.resolve("results").toString());
                Opened s = open(fixtureFile(GOLDEN_BLOCK), db, clock);
                StationServer server =
                        StationServer.start(s.station, db, "LOT-G", "127.0.0.1", 0, () -> {}, Optional.empty())) {
            HttpRequest start = HttpRequest.newBuilder(URI.create(server.address() + "api/runs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serial\":\"SN-API-1\",\"operator\":\"ann\"}"))
                    .build();
            HttpResponse<String> refused = http.send(start, HttpResponse.BodyHandlers.ofString());
            assertEquals(409, refused.statusCode(), refused.body());
            JsonNode body = json.readTree(refused.body());
            assertEquals("golden-check-required", body.get("conflict").asText());
            assertEquals("06:00", body.get("shift_start").asText());
            assertEquals("2026-03-02T06:00:00Z", body.get("shift_began").asText());
            assertTrue(
                    body.get("error").asText().startsWith("golden check required for shift starting 06:00: run "),
                    body.toString());
            assertTrue(db.trace().board("SN-API-1").isEmpty(), "nothing was run");

            assertTrue(golden(s, db, clock, 3).passed());
            HttpResponse<String> started = http.send(start, HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
        }
    }

    /** A station on the fixture file, its shift rule on the test's clock, the golden board in the jig. */
    record Opened(Station station, Plan plan, GoldenSettings settings) implements AutoCloseable {
        @Override
        public void close() {
            station.close();
        }
    }

    static Opened open(Path fixture, Database db, MovableClock clock) {
        Plan plan = PlanLoader.load(GoldenCheckTest.PLAN);
        FixtureFile file = FixtureLoader.load(fixture.toString());
        var sim = SimBoards.simulatedFixture(file);
        Station station = Station.open(plan, file, db, f -> FixtureOpener.open(f, sim));
        GoldenSettings settings = GoldenSettings.of(file);
        station.useShiftGate(new ShiftGate(
                settings,
                db.golden(),
                file.station(),
                plan.name(),
                ShiftGate.howTo(plan.file().toString(), file.source(), settings),
                clock));
        return new Opened(station, plan, settings);
    }

    static GoldenResult golden(Opened s, Database db, MovableClock clock, int repeat) {
        return new GoldenCheck(s.station, db.golden(), s.settings, clock)
                .run(new GoldenRequest("GOLDEN-1", repeat, "eng", 2.0), RunListener.NONE);
    }

    static Verdict production(Station station, String serial) {
        return station.run(new RunRequest(serial, "LOT-G", "ann"), RunListener.NONE)
                .verdict();
    }
}
