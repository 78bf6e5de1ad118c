package io.benchline.station.golden;

import io.benchline.db.GoldenCheckRecord;
import io.benchline.db.Verdict;
import io.benchline.station.sequence.RunOutcome;
import java.util.List;

/** A golden check as stored (its id and summary), with the outcome of each of its runs. */
public record GoldenResult(long checkId, GoldenCheckRecord check, List<RunOutcome> runs) {
    public GoldenResult {
        runs = List.copyOf(runs);
    }

    public boolean passed() {
        return check.verdict() == Verdict.PASS;
    }

    /** Whether a run of the check ended ERROR: the station could not tell, rather than a board that failed. */
    public boolean stationProblem() {
        return runs.stream().anyMatch(r -> r.verdict() == Verdict.ERROR || r.verdict() == Verdict.ABORTED);
    }
}
