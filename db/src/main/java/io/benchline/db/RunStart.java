package io.benchline.db;

/** What is known of a run when it starts: who, where, which board, with which plan and firmware. */
public record RunStart(
        String serial,
        String batch,
        String product,
        String station,
        String operator,
        String fixture,
        String planName,
        String planVersion,
        String planSha256,
        String firmwareSha256,
        String softwareVersion) {}
