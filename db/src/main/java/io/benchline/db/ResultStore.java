package io.benchline.db;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The only way results get into the database. Each call is one transaction, committed (and, with
 * the station's H2 settings, written to the file) before it returns: what the station has
 * reported is never lost to a crash. Each judged reading is also counted in its batch's tally
 * (see {@link HistogramBin}), for the batch reports, in the transaction that closes its run.
 */
public final class ResultStore {
    private final Transactions handle;
    private final ResultDao dao;

    /** How the store runs a transaction: on one kept connection (H2), or on a pooled one each time (PostgreSQL). */
    interface Transactions {
        <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X;
    }

    ResultStore(Handle handle) {
        this.handle = handle::inTransaction;
        this.dao = handle.attach(ResultDao.class);
    }

    /** On a pool: the on-demand DAO joins the transaction's handle (Jdbi keeps it per thread). */
    ResultStore(CentralTransactions transactions, org.jdbi.v3.core.Jdbi jdbi) {
        this.handle = transactions;
        this.dao = jdbi.onDemand(ResultDao.class);
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
        retrying(() -> handle.inTransaction(h -> {
            insertStep(runId, step);
            return null;
        }));
    }

    /** Records the step that read the MCU's unique ID, and binds the ID to the board (and to this run, for history). */
    public synchronized void stepBindingUid(long runId, StepRecord step, String uid) {
        retrying(() -> handle.inTransaction(h -> {
            insertStep(runId, step);
            dao.bindBoardUid(runId, uid);
            dao.bindRunUid(runId, uid);
            return null;
        }));
    }

    /**
     * Records the run's last step (its teardown) and closes the run with its verdict, together.
     * A run is closed once; closing it again changes nothing and returns false.
     */
    public synchronized boolean finish(long runId, StepRecord lastStep, RunEnd end, Instant at) {
        boolean closed = retrying(() -> handle.inTransaction(h -> {
            if (dao.endRun(runId, end, end.verdict().name(), at) != 1) {
                return false;
            }
            insertStep(runId, lastStep);
            tallyRun(runId);
            return true;
        }));
        return closed;
    }

    /** Closes a run with its verdict. A run is closed once; a second close changes nothing. */
    public synchronized boolean end(long runId, RunEnd end, Instant at) {
        return retrying(() -> handle.inTransaction(h -> {
            if (dao.endRun(runId, end, end.verdict().name(), at) != 1) {
                return false;
            }
            tallyRun(runId);
            return true;
        }));
    }

    private void insertStep(long runId, StepRecord step) {
        long stepId = dao.insertStep(runId, step, step.verdict().name());
        List<MeasurementRecord> ms = step.measurements();
        if (!ms.isEmpty()) {
            dao.insertMeasurements(stepId, runId, ms, ms.stream().map(m -> m.verdict().name()).toList());
        }
    }

    /**
     * Counts a run's readings in its batch's tally, once, in the transaction that closes the run
     * (finished, stopped, or found cut off): one tally update per run instead of one per step.
     */
    private void tallyRun(long runId) {
        tally(runId, dao.measurementsOfRun(runId));
    }

    private void tally(long runId, List<MeasurementRecord> ms) {
        Long batchId = null;
        for (MeasurementRecord m : ms) {
            if (m.reading() == null || m.reading().isNaN() || m.verdict() == Verdict.ERROR) {
                continue;
            }
            if (batchId == null) {
                batchId = dao.batchOfRun(runId);
            }
            String key = HistogramBin.limitsKey(m.low(), m.high());
            int bin = HistogramBin.of(m.reading(), m.low(), m.high());
            if (dao.tally(batchId, m, m.reading(), key, bin) == 0) {
                dao.firstTally(batchId, m, m.reading(), key, bin);
            }
        }
    }

    /**
     * Two stations of a line may race to create the same tally row on a shared server: the
     * loser's transaction fails on the unique key and is rolled back; once more, it updates the
     * row the other one made.
     */
    private static <T> T retrying(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return transaction.get();
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

    synchronized int abortOpenRuns(String stationOrNull, Instant at) {
        int closed = 0;
        for (long runId : dao.openRuns(stationOrNull)) {
            closed += retrying(() -> handle.inTransaction(h -> {
                if (dao.abortRun(runId, at) != 1) {
                    return 0;
                }
                tallyRun(runId);
                return 1;
            }));
        }
        return closed;
    }
}
