package io.benchline.station.cfx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.OutboxMessage;
import io.benchline.db.OutboxRow;
import io.benchline.db.RunClosed;
import io.benchline.db.RunMessages;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Our records in CFX 2.1's words (the mapping is in docs/cfx.md): a run begun is a
 * {@code WorkStarted}; a run closed is a {@code UnitsTested} (one test per step, one numeric
 * measurement per reading) then a {@code WorkCompleted}; a step that ended ERROR (the fixture
 * could not tell) is a {@code FaultOccurred}, cleared by {@code FaultCleared} when a later run
 * on this station passes that step (every occurrence of that step's fault still open, also those
 * a previous process reported: {@link #recall} reads them back from the outbox). A run's TransactionID follows from the handle, the run's id,
 * serial and start time, so the process that closes a run cut off by a crash finds it again; each
 * message's UniqueID is new and stored with it in the outbox, so a message sent again carries it.
 */
public final class CfxMessages implements RunMessages {
    public static final String WORK_STARTED = "CFX.Production.WorkStarted";
    public static final String UNITS_TESTED = "CFX.Production.TestAndInspection.UnitsTested";
    public static final String WORK_COMPLETED = "CFX.Production.WorkCompleted";
    public static final String FAULT_OCCURRED = "CFX.ResourcePerformance.FaultOccurred";
    public static final String FAULT_CLEARED = "CFX.ResourcePerformance.FaultCleared";
    public static final String ENDPOINT_CONNECTED = "CFX.EndpointConnected";
    public static final String HEARTBEAT = "CFX.Heartbeat";

    private final CfxSettings settings;
    /** Faults raised and not yet cleared: each step's occurrences, oldest first. */
    private final Map<String, List<UUID>> openFaults = new LinkedHashMap<>();

    public CfxMessages(CfxSettings settings) {
        this.settings = settings;
    }

    /** The run's TransactionID: the same for all its messages, and for any message written again. */
    UUID transaction(long runId, RunStart start, Instant startedAt) {
        return CfxEnvelope.stableId(
                "run",
                settings.handle(),
                Long.toString(runId),
                start.serial(),
                Long.toString(startedAt.toEpochMilli()));
    }

    private UUID transaction(RunClosed run) {
        return transaction(run.runId(), run.start(), run.startedAt());
    }

    @Override
    public List<OutboxMessage> started(long runId, RunStart start, Instant at) {
        ObjectNode body = CfxEnvelope.body(WORK_STARTED);
        body.put("PrimaryIdentifier", start.serial());
        body.putNull("HermesIdentifier");
        body.put("TransactionID", transaction(runId, start, at).toString());
        body.putNull("Lane");
        body.put("UnitCount", 1);
        body.set("Units", units(start.serial()));
        body.put("RecipeName", start.planName());
        body.put("Revision", start.planVersion());
        ObjectNode order = body.putObject("WorkOrderIdentifier");
        order.putNull("WorkOrderId");
        order.put("Batch", start.batch());
        return List.of(wrap(WORK_STARTED, body, at));
    }

    @Override
    public synchronized List<OutboxMessage> closed(RunClosed run) {
        List<OutboxMessage> out = new ArrayList<>(4);
        out.add(unitsTested(run));
        ObjectNode done = CfxEnvelope.body(WORK_COMPLETED);
        done.put("TransactionID", transaction(run).toString());
        done.put("Result", workResult(run.end().verdict()));
        done.put("PrimaryIdentifier", run.start().serial());
        done.putNull("HermesIdentifier");
        done.put("UnitCount", 1);
        done.set("Units", units(run.start().serial()));
        done.putArray("PerformanceImpacts");
        out.add(wrap(WORK_COMPLETED, done, run.endedAt()));
        for (StepRecord step : run.steps()) {
            if (step.verdict() == Verdict.ERROR) {
                out.add(faultOccurred(run, step));
            } else if (step.verdict() == Verdict.PASS && openFaults.containsKey(step.name())) {
                for (UUID occurrence : openFaults.remove(step.name())) {
                    out.add(faultCleared(run, step, occurrence));
                }
            }
        }
        return out;
    }

    /**
     * Takes back the faults this station reported and never cleared, from its outbox's
     * FaultOccurred and FaultCleared messages in the order they were written: a station restarted
     * after a probe fault still clears that fault when the step next passes.
     */
    public synchronized void recall(List<OutboxRow> faultMessages) {
        for (OutboxRow row : faultMessages) {
            JsonNode body = body(row);
            if (row.messageName().equals(FAULT_OCCURRED)) {
                JsonNode fault = body.path("Fault");
                openFaults
                        .computeIfAbsent(fault.path("FaultCode").asText(), k -> new ArrayList<>())
                        .add(UUID.fromString(fault.path("FaultOccurrenceId").asText()));
            } else if (row.messageName().equals(FAULT_CLEARED)) {
                UUID cleared = UUID.fromString(body.path("FaultOccurrenceId").asText());
                openFaults.values().forEach(ids -> ids.remove(cleared));
                openFaults.values().removeIf(List::isEmpty);
            }
        }
    }

    /** The message names {@link #recall} reads. */
    public static List<String> faultMessageNames() {
        return List.of(FAULT_OCCURRED, FAULT_CLEARED);
    }

    private static JsonNode body(OutboxRow row) {
        try {
            return CfxEnvelope.JSON.readTree(row.body()).path("MessageBody");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "CFX outbox row " + row.id() + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Sent (not stored) each time the publisher connects. */
    OutboxMessage endpointConnected(Instant at) {
        ObjectNode body = CfxEnvelope.body(ENDPOINT_CONNECTED);
        body.put("CFXHandle", settings.handle());
        body.putNull("RequestNetworkUri");
        body.putNull("RequestTargetAddress");
        return CfxEnvelope.wrap(settings, ENDPOINT_CONNECTED, UUID.randomUUID(), at, body);
    }

    /** Sent (not stored) at the configured interval while connected. */
    OutboxMessage heartbeat(Instant at) {
        ObjectNode body = CfxEnvelope.body(HEARTBEAT);
        body.put("CFXHandle", settings.handle());
        body.put("HeartbeatFrequency", timeSpan(settings.heartbeat().toSeconds()));
        ArrayNode faults = body.putArray("ActiveFaults");
        synchronized (this) {
            openFaults.forEach((step, ids) -> ids.forEach(id -> faults.add(fault(step, id, null, null, null))));
        }
        body.putArray("ActiveRecipes");
        return CfxEnvelope.wrap(settings, HEARTBEAT, UUID.randomUUID(), at, body);
    }

    private OutboxMessage unitsTested(RunClosed run) {
        RunStart start = run.start();
        ObjectNode body = CfxEnvelope.body(UNITS_TESTED);
        body.put("TransactionId", transaction(run).toString());
        body.put("TestMethod", "FCT");
        body.set("Tester", tester(start.operator()));
        body.put("RecipeName", start.planName());
        body.put("RecipeRevision", start.planVersion());
        ObjectNode sampling = body.putObject("SamplingInformation");
        sampling.put("SamplingMethod", "NoSampling");
        sampling.putNull("LotSize");
        sampling.putNull("SampleSize");
        ObjectNode unit = body.putArray("TestedUnits").addObject();
        unit.put("UnitIdentifier", start.serial());
        unit.put("UnitPositionNumber", 1);
        unit.put("OverallResult", testResult(run.end().verdict()));
        ArrayNode tests = unit.putArray("Tests");
        for (StepRecord step : run.steps()) {
            ObjectNode test = tests.addObject();
            test.put("UniqueIdentifier", stepId(run, step, "test").toString());
            test.put("TestName", step.name());
            test.put("TestStartTime", CfxEnvelope.time(step.startedAt()));
            test.put("TestEndTime", CfxEnvelope.time(step.endedAt()));
            test.putArray("TestConditions");
            test.put("TestProcedure", step.kind());
            test.put("Comments", step.message());
            test.put("Result", testResult(step.verdict()));
            if (step.verdict() == Verdict.ERROR) {
                test.put("Error", step.message() == null ? "station error" : step.message());
            } else {
                test.putNull("Error");
            }
            test.putArray("SymptomsFound");
            test.putArray("DefectsFound");
            ArrayNode ms = test.putArray("Measurements");
            int seq = 0;
            for (MeasurementRecord m : step.measurements()) {
                ObjectNode n = ms.addObject();
                n.put("$type", "CFX.Structures.NumericMeasurement, CFX");
                ObjectNode value = n.putObject("MeasuredValue");
                if (m.reading() == null || m.reading().isNaN() || m.reading().isInfinite()) {
                    value.putNull("Value");
                } else {
                    value.put("Value", m.reading());
                }
                value.put("ValueUnits", m.unit());
                value.putNull("ExpectedValue");
                value.putNull("ExpectedValueUnits");
                putNumber(value, "MinimumAcceptableValue", m.low());
                putNumber(value, "MaximumAcceptableValue", m.high());
                n.put("UniqueIdentifier", stepId(run, step, "m" + seq).toString());
                n.put("MeasurementName", m.name());
                n.put("TimeRecorded", CfxEnvelope.time(step.endedAt()));
                n.put("Sequence", seq);
                n.put("Result", testResult(m.verdict()));
                n.putNull("CRDs");
                seq++;
            }
        }
        return wrap(UNITS_TESTED, body, run.endedAt());
    }

    private OutboxMessage faultOccurred(RunClosed run, StepRecord step) {
        UUID occurrence = stepId(run, step, "fault");
        openFaults.computeIfAbsent(step.name(), k -> new ArrayList<>()).add(occurrence);
        ObjectNode body = CfxEnvelope.body(FAULT_OCCURRED);
        body.set("Fault", fault(step.name(), occurrence, transaction(run), step.message(), step.endedAt()));
        return wrap(FAULT_OCCURRED, body, step.endedAt());
    }

    private OutboxMessage faultCleared(RunClosed run, StepRecord step, UUID occurrence) {
        ObjectNode body = CfxEnvelope.body(FAULT_CLEARED);
        body.put("FaultOccurrenceId", occurrence.toString());
        body.set("Operator", tester(run.start().operator()));
        return wrap(FAULT_CLEARED, body, step.endedAt());
    }

    private static ObjectNode fault(String step, UUID occurrence, UUID transaction, String message, Instant at) {
        ObjectNode f = CfxEnvelope.JSON.createObjectNode();
        if (transaction == null) {
            f.putNull("TransactionID");
        } else {
            f.put("TransactionID", transaction.toString());
        }
        f.put("Cause", "ElectricalFailure");
        f.put("Severity", "Error");
        f.put("FaultCode", step);
        f.put("FaultOccurrenceId", occurrence.toString());
        f.putNull("Lane");
        f.putNull("Stage");
        f.put("SideLocation", "Unknown");
        f.put("AccessType", "Unknown");
        f.put("Description", message);
        f.putObject("DescriptionTranslations");
        f.put("OccurredAt", CfxEnvelope.time(at));
        f.putNull("DueDateTime");
        return f;
    }

    private static ObjectNode tester(String operator) {
        ObjectNode t = CfxEnvelope.JSON.createObjectNode();
        t.put("OperatorIdentifier", operator);
        t.put("ActorType", "Human");
        t.putNull("LastName");
        t.putNull("FirstName");
        t.put("LoginName", operator);
        return t;
    }

    private static ArrayNode units(String serial) {
        ArrayNode units = CfxEnvelope.JSON.createArrayNode();
        ObjectNode u = units.addObject();
        u.put("UnitIdentifier", serial);
        u.put("PositionNumber", 1);
        u.putNull("PositionName");
        return units;
    }

    /** PASS, FAIL, ERROR, ABORTED, SKIPPED → CFX's TestResult. */
    static String testResult(Verdict v) {
        if (v == null) {
            return "Error";
        }
        return switch (v) {
            case PASS -> "Passed";
            case FAIL -> "Failed";
            case ERROR -> "Error";
            case ABORTED -> "Aborted";
            case SKIPPED -> "Skipped";
        };
    }

    /** The work (testing the board) completed whatever the board's verdict; it failed when the station could not tell. */
    static String workResult(Verdict v) {
        return switch (v) {
            case PASS, FAIL -> "Completed";
            case ERROR -> "Failed";
            case ABORTED -> "Aborted";
            case SKIPPED -> "Skipped";
        };
    }

    /** A .NET TimeSpan as Newtonsoft writes it: {@code [d.]hh:mm:ss}. */
    static String timeSpan(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        String hms = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        return d > 0 ? d + "." + hms : hms;
    }

    private UUID stepId(RunClosed run, StepRecord step, String what) {
        return CfxEnvelope.stableId(transaction(run).toString(), Integer.toString(step.seq()), what);
    }

    private OutboxMessage wrap(String name, ObjectNode body, Instant at) {
        return CfxEnvelope.wrap(settings, name, UUID.randomUUID(), at, body);
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
