package io.benchline.db;

import java.time.Instant;
import java.util.List;

/**
 * A closed run as the forwarder reads it from a station's local file, with what the central
 * database needs to create its board and batch on first sight.
 *
 * @param localId the run's id in the local file (the forwarder's cursor)
 * @param lineId the run's id across the line (a legacy run without one gets {@link #legacyLineId})
 * @param start who, where, which board and batch (its product is the batch's)
 * @param boardProduct the board's product as first stored locally
 * @param boardFirstSeen when the local file first saw the board
 * @param batchCreatedAt when the local file first saw the batch
 * @param uid the MCU unique ID read in this run, or null
 */
record ClosedRun(
        long localId,
        String lineId,
        RunStart start,
        Instant startedAt,
        RunEnd end,
        Instant endedAt,
        String uid,
        String boardProduct,
        Instant boardFirstSeen,
        Instant batchCreatedAt,
        List<StepRecord> steps) {

    /**
     * The line-wide id of a run stored before runs had one: derived from what identifies it (the
     * station, its local id and its start), so that forwarding it twice gives the same id.
     */
    static String legacyLineId(String station, long localId, Instant startedAt) {
        String name = "benchline-run:" + station + ":" + localId + ":" + startedAt;
        return java.util
                .UUID
                .nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
