package io.benchline.station.sequence;

import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.util.List;

/** The stored result of a run, as told to the operator once it is committed. */
public record RunOutcome(
        long runId,
        String serial,
        Verdict verdict,
        String failedStep,
        String hint,
        String message,
        List<StepRecord> steps) {}
