package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static HourBucket hour(String at) {
        return new HourBucket(Instant.parse(at), 10, 9, 8, 1);
    }

    @Test
    void hoursReadAsClockTimesInUtc() {
        List<HourBucket> oneDay = List.of(hour("2026-12-02T13:00:00Z"), hour("2026-12-02T14:00:00Z"));
        assertEquals("14:00", Charts.hourFormat(oneDay).format(Date.from(Instant.parse("2026-12-02T14:00:00Z"))));
        List<HourBucket> twoDays = List.of(hour("2026-12-01T22:00:00Z"), hour("2026-12-02T14:00:00Z"));
        assertEquals(
                "Dec 02 14:00", Charts.hourFormat(twoDays).format(Date.from(Instant.parse("2026-12-02T14:00:00Z"))));
    }

    @Test
    void theTimeChartsCarryThoseLabelsInUtcWhateverTheStationsZone() {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            List<HourBucket> hours =
                    List.of(hour("2026-12-02T13:00:00Z"), hour("2026-12-02T14:00:00Z"), hour("2026-12-02T15:00:00Z"));
            for (String svg : List.of(Charts.boardsPerHour(hours), Charts.yieldOverTime(hours))) {
                assertTrue(svg.contains(">14:00<"), "an hour label as a UTC clock time");
                assertFalse(svg.contains(">09:00<"), "not the JVM's zone");
                assertFalse(svg.matches("(?s).*>\\d{10,}<.*"), "no epoch numbers");
                assertFalse(svg.contains("2026-12-02T"), "no ISO timestamps");
            }
            List<HourBucket> overnight = new java.util.ArrayList<>();
            for (int h = 0; h < 40; h++) {
                overnight.add(
                        new HourBucket(Instant.parse("2026-12-01T08:00:00Z").plusSeconds(3600L * h), 5, 5, 5, 0));
            }
            String svg = Charts.boardsPerHour(overnight);
            assertTrue(svg.matches("(?s).*>Dec 0[12] \\d\\d:00<.*"), "across days, the day is named");
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
