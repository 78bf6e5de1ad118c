package io.benchline.db;

/**
 * What is known of a run when it starts: who, where, which board, with which plan and firmware,
 * and on a multi-up fixture the position (from 1) the board sat in and the label of its panel
 * when the panel was started from its label (null otherwise).
 */
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
        String softwareVersion,
        Integer position,
        String panelLabel) {

    /** A run at a position, on a panel started from serials. */
    public RunStart(
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
            String softwareVersion,
            Integer position) {
        this(
                serial,
                batch,
                product,
                station,
                operator,
                fixture,
                planName,
                planVersion,
                planSha256,
                firmwareSha256,
                softwareVersion,
                position,
                null);
    }

    /** A run on a fixture without positions (one board at a time). */
    public RunStart(
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
            String softwareVersion) {
        this(
                serial,
                batch,
                product,
                station,
                operator,
                fixture,
                planName,
                planVersion,
                planSha256,
                firmwareSha256,
                softwareVersion,
                null);
    }
}
