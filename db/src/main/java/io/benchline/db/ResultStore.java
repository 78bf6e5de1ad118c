package io.benchline.db;

import java.time.Instant;
import java.util.List;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The only way results get into the database. Each call is one transaction, committed (and, with
 * the station's H2 settings, written to the file) before it returns: what the station has
 * reported is never lost to a crash.
 */
public final class ResultStore {
    private final Handle handle;
    private final ResultDao dao;

    ResultStore(Handle handle) {
        this.handle = handle;
        this.dao = handle.attach(ResultDao.class);
    }

    /** Records a run as it starts, creating its batch and board on first sight. Returns the run id. */
    public synchronized long begin(RunStart start, Instant at) {
        return handle.inTransaction(h -> {
            long batchId = dao.batchId(start.batch()).orElseGet(() -> dao.insertBatch(start.batch(), start.product(), at));
            long boardId = dao.boardId(start.serial()).orElseGet(() -> dao.insertBoard(start.serial(), start.product(), at));
            return dao.insertRun(boardId, batchId, start, at);
        });
    }

    /**
     * Records one finished step with its measurements, and counts each judged reading in its
     * batch's tally (see {@link HistogramBin}) in the same transaction.
     */
    public synchronized void step(long runId, StepRecord step) {
        try {
            storeStep(runId, step);
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Two stations of a line raced to create the same tally row on a shared server: the
            // other one's row exists now, so the retry updates it.
            storeStep(runId, step);
        }
    }

    private void storeStep(long runId, StepRecord step) {
        handle.useTransaction(h -> {
            long stepId = dao.insertStep(runId, step, step.verdict().name());
            List<MeasurementRecord> ms = step.measurements();
            if (!ms.isEmpty()) {
                dao.insertMeasurements(stepId, runId, ms, ms.stream().map(m -> m.verdict().name()).toList());
                tally(runId, ms);
            }
        });
    }

    private void tally(long runId, List<MeasurementRecord> ms) {
        Long batchId = null;
        for (MeasurementRecord m : ms) {
            if (m.value() == null || m.value().isNaN() || m.verdict() == Verdict.ERROR) {
                continue;
            }
            if (batchId == null) {
                batchId = dao.batchOfRun(runId);
            }
            String key = HistogramBin.limitsKey(m.low(), m.high());
            int bin = HistogramBin.of(m.value(), m.low(), m.high());
            if (dao.tally(batchId, m, m.value(), key, bin) == 0) {
                dao.firstTally(batchId, m, m.value(), key, bin);
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Binds the MCU's unique ID to the board (and to this run, for history). */
    public synchronized void bindUid(long runId, String uid) {
        handle.useTransaction(h -> {
            dao.bindBoardUid(runId, uid);
            dao.bindRunUid(runId, uid);
        });
    }

    /** Closes a run with its verdict. A run is closed once; a second close changes nothing. */
    public synchronized boolean end(long runId, RunEnd end, Instant at) {
        return handle.inTransaction(h -> dao.endRun(runId, end, end.verdict().name(), at) == 1);
    }

    synchronized int abortOpenRuns(String stationOrNull, Instant at) {
        return handle.inTransaction(h -> dao.abortOpenRuns(stationOrNull, at));
    }
}
