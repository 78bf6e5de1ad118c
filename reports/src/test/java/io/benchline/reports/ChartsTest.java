package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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
        assertEquals("Dec 02 14:00", Charts.hourFormat(twoDays).format(Date.from(Instant.parse("2026-12-02T14:00:00Z"))));
    }

    @Test
    void theTimeChartsCarryThoseLabels() {
        List<HourBucket> hours = List.of(hour("2026-12-02T13:00:00Z"), hour("2026-12-02T14:00:00Z"),
                hour("2026-12-02T15:00:00Z"));
        for (String svg : List.of(Charts.boardsPerHour(hours), Charts.yieldOverTime(hours))) {
            assertTrue(svg.contains(">14:00<"), "an hour label as a clock time");
            assertFalse(svg.matches("(?s).*>\\d{10,}<.*"), "no epoch numbers");
            assertFalse(svg.contains("2026-12-02T"), "no ISO timestamps");
        }
    }
}
