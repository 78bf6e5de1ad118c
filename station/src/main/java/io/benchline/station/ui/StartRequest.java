package io.benchline.station.ui;

import io.benchline.station.InputError;
import io.benchline.station.plan.Plan;
import java.util.Optional;

/**
 * A request to test one board, checked where it enters the station (the API, the screen or the
 * jig's START): the serial is the plan's, trimmed, and an operator is named.
 *
 * @param retestConfirmed the operator confirmed testing a board that already passed
 */
record StartRequest(String serial, String operator, boolean retestConfirmed) {

    static StartRequest checked(Plan plan, String serial, String operator, boolean retestConfirmed) {
        serialProblem(plan, serial).ifPresent(problem -> {
            throw new InputError(problem);
        });
        if (operator == null || operator.isBlank()) {
            throw new InputError("operator is missing: who is testing this board?");
        }
        return new StartRequest(serial.trim(), operator.trim(), retestConfirmed);
    }

    /** The plan's objection to the serial as typed or scanned (surrounding blanks ignored), if any. */
    static Optional<String> serialProblem(Plan plan, String serial) {
        return plan.serialProblem(serial == null ? null : serial.trim());
    }
}
