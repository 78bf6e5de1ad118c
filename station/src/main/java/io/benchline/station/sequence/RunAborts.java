package io.benchline.station.sequence;

import io.benchline.db.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The stop signals of a station's going runs, by run id: several runs may go at once, one per position. */
public final class RunAborts {
    private final Map<Long, AbortSignal> going = new ConcurrentHashMap<>();

    AbortSignal open(long runId) {
        AbortSignal s = new AbortSignal(runId);
        going.put(runId, s);
        return s;
    }

    void close(long runId, Verdict verdict) {
        AbortSignal s = going.remove(runId);
        if (s != null) {
            s.ended(verdict);
        }
    }

    /** The run's signal while it goes on this station; empty for a run that ended or is not this station's. */
    public Optional<AbortSignal> going(long runId) {
        return Optional.ofNullable(going.get(runId));
    }
}
