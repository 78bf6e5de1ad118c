package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import io.benchline.db.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instrument of each reading (migration V12) in a station's file, forwarded to the line's
 * PostgreSQL as the stations' role: one instrument row per identity across the line, each reading
 * naming its instrument, forwarding again changing nothing; and the calibration overrides on PostgreSQL.
 */
class InstrumentForwardingTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    static final InstrumentIdentity DMM =
            new InstrumentIdentity("Keysight Technologies", "34461A", "MY57200000", "A.02");
    static final InstrumentIdentity SUPPLY_A = new InstrumentIdentity("RIGOL TECHNOLOGIES", "DP832", "DP8C1", "00.01");
    static final InstrumentIdentity SUPPLY_B = new InstrumentIdentity("RIGOL TECHNOLOGIES", "DP832", "DP8C2", "00.01");

    @TempDir
    Path dir;

    static long run(Database db, String station, String serial, InstrumentIdentity supply) {
        ResultStore store = db.store();
        long run = store.begin(
                new RunStart(serial, "LOT-I", "F411", station, "alice", "f", "p", "1", "a".repeat(64), null, "t", null),
                Instant.now());
        Instant t = Instant.now();
        store.step(
                run,
                new StepRecord(
                        1,
                        "power-on",
                        "power",
                        t,
                        t,
                        Verdict.PASS,
                        null,
                        List.of(new MeasurementRecord("power-on current", 0.02, "A", 0.005, 0.08, Verdict.PASS)
                                .takenBy(supply))));
        store.step(
                run,
                new StepRecord(
                        2,
                        "VDD",
                        "measure",
                        t,
                        t,
                        Verdict.PASS,
                        null,
                        List.of(
                                new MeasurementRecord("VDD", 3.3, "V", 3.135, 3.465, Verdict.PASS).takenBy(DMM),
                                new MeasurementRecord("VDD spread", 0.001, "V", null, 0.05, Verdict.PASS))));
        store.finish(
                run,
                new StepRecord(3, "teardown", "teardown", t, t, Verdict.PASS, null, List.of()),
                new RunEnd(Verdict.PASS, null, null, null),
                Instant.now());
        return run;
    }

    @Test
    void eachReadingsInstrumentReachesTheLineDatabaseOnceAndTheTraceShowsIt() throws Exception {
        String central = PG.migratedDatabase();
        PG.server()
                .execute(
                        "postgres",
                        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'line_station_2') THEN"
                                + " CREATE ROLE line_station_2 LOGIN; END IF; END $$",
                        "GRANT benchline_station TO line_station_2");
        String asStation = central.replace("user=" + PostgresServer.SUPERUSER, "user=line_station_2");
        try (Database a = Database.open(dir.resolve("a").toString());
                Database b = Database.open(dir.resolve("b").toString())) {
            for (int i = 0; i < 5; i++) {
                run(a, "test-1", "SN-IA-" + i, SUPPLY_A);
                run(b, "test-2", "SN-IB-" + i, SUPPLY_B);
            }
            assertEquals(2, LineCheck.count(a.url(), "SELECT COUNT(*) FROM instrument"), "one row per identity");
            assertEquals(5, LineCheck.count(a.url(), "SELECT COUNT(*) FROM measurement WHERE instrument_id IS NULL"));
            for (int round = 0; round < 2; round++) {
                try (LineForwarder fa = LineForwarder.start(a, asStation, LineForwarderTest.idle("test-1"));
                        LineForwarder fb = LineForwarder.start(b, asStation, LineForwarderTest.idle("test-2"))) {
                    assertTrue(fa.drain(LineForwarderTest.DRAIN), fa.status().toString());
                    assertTrue(fb.drain(LineForwarderTest.DRAIN), fb.status().toString());
                }
                // forward everything again: nothing new
                LineForwarderTest.execute(a.url(), "UPDATE forward_state SET forwarded_through = 0");
            }
            assertEquals(10, LineCheck.count(central, "SELECT COUNT(*) FROM run"));
            assertEquals(3, LineCheck.count(central, "SELECT COUNT(*) FROM instrument"), "the DMM once for the line");
            assertEquals(
                    10,
                    LineCheck.count(
                            central,
                            "SELECT COUNT(*) FROM measurement m JOIN instrument i ON i.id = m.instrument_id"
                                    + " WHERE m.name = 'VDD' AND i.serial = 'MY57200000'"));
            assertEquals(
                    5,
                    LineCheck.count(
                            central,
                            "SELECT COUNT(*) FROM measurement m JOIN instrument i ON i.id = m.instrument_id"
                                    + " JOIN run r ON r.id = m.run_id WHERE r.station = 'test-2' AND i.serial = 'DP8C2'"));
        }
        try (Database line = Database.open(central)) {
            RunDetail d = line.trace().board("SN-IB-3").get(0);
            MeasurementRow current = d.steps().get(0).measurements().get(0);
            assertEquals(SUPPLY_B, current.instrument());
            assertEquals("RIGOL DP832 #DP8C2", current.instrument().label());
            assertEquals(DMM, d.steps().get(1).measurements().get(0).instrument());
            assertEquals(null, d.steps().get(1).measurements().get(1).instrument());
        }
        try (Database direct = Database.open(asStation)) {
            // a station whose results database is the line's: its store adds instruments as the stations' role
            InstrumentIdentity another = new InstrumentIdentity("KORAD", "KA3005P", "03379314", "V5.8");
            run(direct, "direct-1", "SN-ID-0", another);
            assertEquals(
                    another,
                    direct.trace()
                            .board("SN-ID-0")
                            .get(0)
                            .steps()
                            .get(0)
                            .measurements()
                            .get(0)
                            .instrument());
        }
        assertEquals(4, LineCheck.count(central, "SELECT COUNT(*) FROM instrument"));
    }

    @Test
    void anOverrideHoldsForItsInstrumentAndDueDateUntilItEnds() {
        String central = PG.migratedDatabase();
        try (Database db = Database.open(central)) {
            CalibrationRecords records = db.calibration();
            Instant at = Instant.parse("2026-12-02T08:00:00Z");
            LocalDate due = LocalDate.of(2026, 11, 30);
            records.record(new CalibrationOverride(
                    at, "eve", "st-1", "dmm", DMM.label(), due, "CAL-1", "booked", at.plus(Duration.ofHours(12))));
            assertTrue(records.inForce("st-1", "dmm", due, at.plusSeconds(3600)).isPresent());
            assertEquals(Optional.empty(), records.inForce("st-1", "dmm", due, at.plus(Duration.ofHours(13))));
            assertEquals(Optional.empty(), records.inForce("st-1", "supply", due, at.plusSeconds(3600)));
            assertEquals(Optional.empty(), records.inForce("st-2", "dmm", due, at.plusSeconds(3600)));
            assertEquals(Optional.empty(), records.inForce("st-1", "dmm", due.plusMonths(1), at.plusSeconds(3600)));
            assertEquals("eve", records.overrides("st-1").get(0).author());
            assertEquals(
                    EngineerAction.CALIBRATION_OVERRIDE,
                    db.flow().actionsAt("st-1").get(0).action());
        }
    }
}
