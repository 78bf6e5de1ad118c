package io.benchline.db;

import java.time.Instant;

/** An operator's acknowledgement of a control-chart alarm: its own row, added once. */
public record SpcAck(String id, String alarmId, Instant at, String operator, String comment) {}
