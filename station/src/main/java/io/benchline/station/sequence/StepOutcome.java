package io.benchline.station.sequence;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.Verdict;
import java.util.List;

/**
 * What one step found: its verdict, a one-line message, the measurements it took; a hint of its
 * own when the plan's (or the station's generic ERROR hint) would send the operator the wrong way.
 */
public record StepOutcome(
        Verdict verdict, String message, List<MeasurementRecord> measurements, String uid, String hint) {
    public StepOutcome {
        measurements = List.copyOf(measurements);
    }

    public StepOutcome(Verdict verdict, String message, List<MeasurementRecord> measurements) {
        this(verdict, message, measurements, null, null);
    }

    /** The station could not tell, for a reason the operator is told how to fix. */
    public static StepOutcome error(String message, List<MeasurementRecord> ms, String hint) {
        return new StepOutcome(Verdict.ERROR, message, ms, null, hint);
    }

    /** A passed step that read the MCU's unique ID, to be bound to the board as the step is stored. */
    public static StepOutcome uidRead(String uid) {
        return new StepOutcome(Verdict.PASS, "UID " + uid, List.of(), uid, null);
    }

    /** PASS when every measurement passed, else FAIL naming the first that did not. */
    public static StepOutcome judge(List<MeasurementRecord> ms, String passMessage) {
        for (MeasurementRecord m : ms) {
            if (m.verdict() != Verdict.PASS) {
                return new StepOutcome(Verdict.FAIL, Measurements.describeFailure(m), ms);
            }
        }
        return new StepOutcome(Verdict.PASS, passMessage, ms);
    }

    public static StepOutcome fail(String message, List<MeasurementRecord> ms) {
        return new StepOutcome(Verdict.FAIL, message, ms);
    }

    public static StepOutcome pass(String message) {
        return new StepOutcome(Verdict.PASS, message, List.of());
    }
}
