package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchline.db.BatchSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the station API (docs/api.md), as they come in and go out. */
final class ApiBodies {
    private ApiBodies() {}

    /** {@code POST /api/runs}. */
    record RunPost(
            String serial,
            String operator,
            @JsonProperty("confirm_retest") boolean confirmRetest,
            String engineer,
            String pin) {}

    /** {@code POST /api/arm} and {@code POST /api/shift} (which reads only the operator). */
    record OperatorPost(String serial, String operator) {}

    record RunStarted(long id, String serial, String state, String href) {
        static RunStarted of(long id, String serial) {
            return new RunStarted(id, serial, "running", "/api/runs/" + id);
        }
    }

    record ApiError(String error) {}

    record RunGoingError(
            String error,
            String conflict,
            @JsonProperty("run_id") Long runId) {}

    record AlreadyPassedError(String error, String conflict, String serial) {}

    /** 409 golden-check-required: the shift's golden-board check has not passed yet (docs/golden.md). */
    record GoldenRequiredError(
            String error,
            String conflict,
            @JsonProperty("shift_start") String shiftStart,
            @JsonProperty("shift_began") Instant shiftBegan) {}

    /** One entry of {@code GET /api/batches}. */
    record BatchItem(
            String name,
            String product,
            @JsonProperty("created_at") Instant createdAt,
            long runs) {
        static BatchItem of(BatchSummary s) {
            return new BatchItem(s.name(), s.product(), s.createdAt(), s.runs());
        }
    }

    record SerialCheck(boolean valid, String message) {}

    record BoardTrace(String serial, boolean passed, List<Map<String, Object>> runs) {}

    record StationInfo(
            String product,
            String plan,
            @JsonProperty("plan_version") String planVersion,
            @JsonProperty("plan_sha256") String planSha256,
            String batch,
            @JsonProperty("serial_pattern") String serialPattern,
            List<String> steps,
            Long running,
            Map<String, Object> shift) {}
}
