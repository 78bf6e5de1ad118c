package io.benchline.db;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An engineer's leave to run with an instrument past its calibration due date, until validUntil.
 *
 * @param role the fixture's role of the instrument ("dmm", "supply", "supply@2")
 * @param instrument the instrument as it named itself, compactly ("KEYSIGHT 34461A #MY57200000")
 */
public record CalibrationOverride(
        Instant at,
        String author,
        String station,
        String role,
        String instrument,
        LocalDate due,
        String certificate,
        String reason,
        Instant validUntil) {}
