package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import io.benchline.db.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A station's control-chart alarms and acknowledgements forwarded to the line's PostgreSQL, once each, as the stations' role. */
class AlarmForwardingTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private static SpcFiring firing(String measurement, int second, String rule) {
        return new SpcFiring(
                "prog-1",
                "stm32f411-board",
                measurement,
                "V",
                "LOT-1",
                1.26,
                0.0013,
                T.plusSeconds(second),
                "SN-" + second,
                1.27 + second / 1000.0,
                List.of(rule));
    }

    @Test
    void alarmsAndAcknowledgementsReachTheLineOnceAndTheirSummaryFollows() throws Exception {
        String central = PG.migratedDatabase();
        PG.server()
                .execute(
                        "postgres",
                        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'line_station_1') THEN"
                                + " CREATE ROLE line_station_1 LOGIN; END IF; END $$",
                        "GRANT benchline_station TO line_station_1");
        String asStation = central.replace("user=" + PostgresServer.SUPERUSER, "user=line_station_1");
        try (Database a = Database.open(dir.resolve("a").toString());
                Database line = Database.open(central)) {
            LineStation.run(a, "prog-1", "SN-1", "LOT-1", 0);
            SpcAlarm vcap = a.spcAlarms().raise(firing("VCAP1", 1, "beyond-3-sigma"));
            SpcAlarm vdd = a.spcAlarms().raise(firing("VDD", 2, "8-on-one-side"));
            a.spcAlarms().acknowledge(vdd.id(), "olga", "checked the supply", T.plusSeconds(3));
            try (LineForwarder f = LineForwarder.start(a, asStation, LineForwarderTest.idle("prog-1"))) {
                assertTrue(f.drain(LineForwarderTest.DRAIN), "drained: " + f.status());
                List<SpcAlarm> open = line.line().openAlarms();
                assertEquals(List.of(vcap.id()), open.stream().map(SpcAlarm::id).toList());
                SpcAlarm acked = line.spcAlarms().alarm(vdd.id()).orElseThrow();
                assertFalse(acked.open());
                assertEquals("olga", acked.ack().operator());
                assertEquals("checked the supply", acked.ack().comment());

                // the open alarm grows at the station: its summary follows on the line
                a.spcAlarms().raise(firing("VCAP1", 4, "6-rising"));
                f.verdictStored();
                assertTrue(f.drain(LineForwarderTest.DRAIN));
                SpcAlarm grown = line.spcAlarms().alarm(vcap.id()).orElseThrow();
                assertEquals(2, grown.points());
                assertEquals(List.of("beyond-3-sigma", "6-rising"), grown.rules());
                assertEquals("SN-4", grown.lastSerial());
            }
            // a restarted forwarder sends them all again: the line keeps one of each
            a.spcAlarms().acknowledge(vcap.id(), "olga", null, T.plusSeconds(10));
            try (LineForwarder f = LineForwarder.start(a, asStation, LineForwarderTest.idle("prog-1"))) {
                assertTrue(f.drain(LineForwarderTest.DRAIN), "drained: " + f.status());
            }
            assertEquals(2, LineCheck.count(central, "SELECT COUNT(*) FROM spc_alarm"));
            assertEquals(2, LineCheck.count(central, "SELECT COUNT(*) FROM spc_ack"));
            assertTrue(line.line().openAlarms().isEmpty());
        }
    }
}
