package io.benchline.station.sequence;

/** One board presented for test: its serial, the batch it belongs to, and who runs it. */
public record RunRequest(String serial, String batch, String operator) {}
