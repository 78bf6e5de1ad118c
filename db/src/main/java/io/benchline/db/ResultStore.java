package io.benchline.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The only way results get into the database. Each call is one transaction, committed (and, with
 * the station's H2 settings, written to the file) before it returns: what the station has
 * reported is never lost to a crash.
 */
public final class ResultStore {
    private final Handle handle;
    private final ResultDao dao;
    private final H2Housekeeping housekeeping;

    ResultStore(Handle handle) {
        this.handle = handle;
        this.dao = handle.attach(ResultDao.class);
        this.housekeeping = H2Housekeeping.of(handle.getConnection());
    }

    /** Records a run as it starts, creating its batch and board on first sight. Returns the run id. */
    public synchronized long begin(RunStart start, Instant at) {
        return handle.inTransaction(h -> {
            long batchId = dao.batchId(start.batch()).orElseGet(() -> dao.insertBatch(start.batch(), start.product(), at));
            long boardId = dao.boardId(start.serial()).orElseGet(() -> dao.insertBoard(start.serial(), start.product(), at));
            return dao.insertRun(boardId, batchId, start, at);
        });
    }

    /** Records one finished step with its measurements. */
    public synchronized void step(long runId, StepRecord step) {
        handle.useTransaction(h -> insertStep(runId, step));
    }

    /** Records the step that read the MCU's unique ID, and binds the ID to the board (and to this run, for history). */
    public synchronized void stepBindingUid(long runId, StepRecord step, String uid) {
        handle.useTransaction(h -> {
            insertStep(runId, step);
            dao.bindBoardUid(runId, uid);
            dao.bindRunUid(runId, uid);
        });
    }

    /**
     * Records the run's last step (its teardown) and closes the run with its verdict, together.
     * A run is closed once; closing it again changes nothing and returns false.
     */
    public synchronized boolean finish(long runId, StepRecord lastStep, RunEnd end, Instant at) {
        boolean closed = handle.inTransaction(h -> {
            if (dao.endRun(runId, end, end.verdict().name(), at) != 1) {
                return false;
            }
            insertStep(runId, lastStep);
            return true;
        });
        housekeeping.runClosed();
        return closed;
    }

    /** Closes a run with its verdict. A run is closed once; a second close changes nothing. */
    public synchronized boolean end(long runId, RunEnd end, Instant at) {
        return handle.inTransaction(h -> dao.endRun(runId, end, end.verdict().name(), at) == 1);
    }

    private void insertStep(long runId, StepRecord step) {
        long stepId = dao.insertStep(runId, step, step.verdict().name());
        List<MeasurementRecord> ms = step.measurements();
        if (!ms.isEmpty()) {
            dao.insertMeasurements(stepId, runId, ms, ms.stream().map(m -> m.verdict().name()).toList());
        }
    }

    synchronized int abortOpenRuns(String stationOrNull, Instant at) {
        return handle.inTransaction(h -> dao.abortOpenRuns(stationOrNull, at));
    }
}
