package io.benchline.db;

import java.time.Instant;

/**
 * One route check as stored: who asked the MES about which serial, when, how long the answer took,
 * and what the station decided. runId is null until (and unless) the run it let start is stored.
 */
public record RouteCheck(
        long id,
        String serial,
        String station,
        String operator,
        String batch,
        String planName,
        String planVersion,
        String mesUrl,
        Instant askedAt,
        long answeredMs,
        RouteDecision decision,
        String reason,
        Long runId) {}
