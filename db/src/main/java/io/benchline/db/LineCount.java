package io.benchline.db;

import java.time.Instant;

/**
 * One station's runs in one UTC hour (see docs/line.md for the counting).
 *
 * @param hour the start of the hour
 * @param runs runs started in the hour, open ones included
 * @param stationProblems ERROR and ABORTED runs among them
 * @param boardsTested boards whose first judged run at this station (in the window asked for) started in the hour
 * @param passedFirst those of them whose first judged run passed
 */
public record LineCount(
        String station, Instant hour, long runs, long stationProblems, long boardsTested, long passedFirst) {}
