package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RouteCheck;
import io.benchline.db.RunDetail;
import io.benchline.db.RunRow;
import io.benchline.db.Verdict;
import io.benchline.reports.BoardTrace;
import io.benchline.reports.BoardTraces;
import io.benchline.reports.FlowTrace;
import io.benchline.reports.TraceJson;
import io.benchline.station.InputError;
import io.benchline.station.sequence.Measurements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Every run of one board (by serial or MCU unique ID), newest first, with steps and measurements.",
            "A UID read on several boards (a chip moved, a board reworked) lists every serial with its runs."
        })
final class TraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERIAL|UID", description = "The board's serial, or its MCU's 24-hex-digit unique ID.")
    String key;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (Database database = db.open()) {
            database.recoverInterruptedRuns(null);
            Optional<BoardTrace> found = new BoardTraces(database.trace()).find(key);
            List<RouteCheck> checks = database.routeChecks().ofSerial(key);
            if (found.isEmpty() && checks.isEmpty()) {
                throw new InputError("no runs stored for board '" + key + "' in " + db.location());
            }
            if (json) {
                Map<String, Object> tree =
                        found.map(t -> withFlow(TraceJson.tree(t), t, database)).orElseGet(() -> noRuns(key));
                tree.put("route_checks", RouteCheckTrace.json(checks, database.routeChecks()));
                JsonOut.print(System.out, tree);
                return ExitCodes.OK;
            }
            if (found.isEmpty()) {
                System.out.printf("board %s — no runs%n", key);
                RouteCheckTrace.print(System.out, key, checks, database.routeChecks());
                return ExitCodes.OK;
            }
            BoardTrace trace = found.get();
            if (trace.byUid()) {
                System.out.printf(
                        "uid %s was read on %d board(s): %s%n",
                        trace.uid(), trace.boards().size(), String.join(", ", trace.serials()));
                if (trace.boards().size() > 1) {
                    System.out.println("  several serials: the chip moved to another board, or a board was reworked;"
                            + " every one is listed below");
                }
            }
            for (BoardTrace.Board b : trace.boards()) {
                print(b);
                FlowTrace.of(database.flow(), b.serial()).lines().forEach(l -> System.out.println("  " + l));
                if (!b.serial().equals(key)) {
                    RouteCheckTrace.print(
                            System.out,
                            b.serial(),
                            database.routeChecks().ofSerial(b.serial()),
                            database.routeChecks());
                }
            }
            RouteCheckTrace.print(System.out, key, checks, database.routeChecks());
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> noRuns(String serial) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", serial);
        m.put("matched_by", "serial");
        m.put("uid", null);
        m.put("serials", List.of(serial));
        m.put("several_serials", false);
        m.put("boards", List.of());
        return m;
    }

    /** Each board's quarantines and engineer actions, beside its runs. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withFlow(Map<String, Object> tree, BoardTrace trace, Database database) {
        for (Object board : (List<Object>) tree.get("boards")) {
            Map<String, Object> b = (Map<String, Object>) board;
            b.putAll(FlowTrace.of(database.flow(), (String) b.get("serial")).json());
        }
        return tree;
    }

    private static void print(BoardTrace.Board b) {
        System.out.printf(
                "%nboard %s — %d run(s), newest first%n", b.serial(), b.runs().size());
        for (RunDetail d : b.runs()) {
            RunRow r = d.run();
            System.out.printf(
                    "%nrun %d  %s  %s  batch %s  station %s  operator %s%n",
                    r.id(),
                    r.startedAt(),
                    r.verdict() == null ? "OPEN" : r.verdict(),
                    r.batch(),
                    r.station(),
                    r.operator());
            System.out.printf(
                    "  plan %s v%s sha256 %s  firmware %s  software %s%s%n",
                    r.planName(),
                    r.planVersion(),
                    r.planSha256(),
                    r.firmwareSha256() == null ? "-" : r.firmwareSha256(),
                    r.softwareVersion(),
                    (r.uid() == null ? "" : "  uid " + r.uid())
                            + (r.panelLabel() == null ? "" : "  panel label " + r.panelLabel()));
            if (r.failedStep() != null) {
                System.out.printf("  failed at %s: %s%n", r.failedStep(), r.message());
                if (r.hint() != null) {
                    System.out.printf("  hint: %s%n", r.hint());
                }
            }
            for (RunDetail.StepDetail s : d.steps()) {
                System.out.printf(
                        "  %2d %-14s %-7s %s%n",
                        s.step().seq(),
                        s.step().name(),
                        s.step().verdict(),
                        s.step().message() == null ? "" : s.step().message());
                for (MeasurementRow m : s.measurements()) {
                    // a failed value stands out: marked at the start of its line, and in red on a terminal
                    boolean bad = m.verdict() != Verdict.PASS;
                    String line = String.format(
                            "  %s   %-22s %12s  [%s .. %s]  %s%s",
                            bad ? ">>" : "  ",
                            m.name(),
                            Measurements.format(m.reading(), m.unit()),
                            Measurements.format(m.low(), m.unit()),
                            Measurements.format(m.high(), m.unit()),
                            m.verdict(),
                            m.instrument() == null ? "" : "  " + m.instrument().label());
                    System.out.println(bad && System.console() != null ? "\u001b[1;31m" + line + "\u001b[0m" : line);
                }
            }
        }
    }
}
