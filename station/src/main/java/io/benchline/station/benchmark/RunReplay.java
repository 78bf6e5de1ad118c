package io.benchline.station.benchmark;

import io.benchline.db.MeasurementRecord;
import io.benchline.db.ResultStore;
import io.benchline.db.RunDetail;
import io.benchline.db.RunEnd;
import io.benchline.db.RunRow;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import java.util.List;

/** Replays stored runs into a store, to time the database alone. */
public final class RunReplay {
    private RunReplay() {}

    /** Writes a stored run again, commit by commit as the sequencer does; returns the commits made. */
    public static int store(ResultStore store, RunDetail d) {
        RunRow r = d.run();
        long id = store.begin(
                new RunStart(
                        r.serial(),
                        r.batch(),
                        "bench",
                        r.station(),
                        r.operator(),
                        r.fixture(),
                        r.planName(),
                        r.planVersion(),
                        r.planSha256(),
                        r.firmwareSha256(),
                        r.softwareVersion()),
                r.startedAt());
        int commits = 1;
        List<RunDetail.StepDetail> steps = d.steps();
        for (int i = 0; i < steps.size(); i++) {
            RunDetail.StepDetail s = steps.get(i);
            List<MeasurementRecord> ms = s.measurements().stream()
                    .map(m -> new MeasurementRecord(m.name(), m.reading(), m.unit(), m.low(), m.high(), m.verdict()))
                    .toList();
            StepRecord step = new StepRecord(
                    s.step().seq(),
                    s.step().name(),
                    s.step().kind(),
                    s.step().startedAt(),
                    s.step().endedAt(),
                    s.step().verdict(),
                    s.step().message(),
                    ms);
            if (i == steps.size() - 1) {
                store.finish(id, step, new RunEnd(r.verdict(), r.failedStep(), r.hint(), r.message()), r.endedAt());
            } else if (s.step().kind().equals("read-uid") && r.uid() != null) {
                store.stepBindingUid(id, step, r.uid());
            } else {
                store.step(id, step);
            }
            commits++;
        }
        return commits;
    }
}
