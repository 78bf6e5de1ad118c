package io.benchline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.benchline.db.Database;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.RunRow;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.sequence.Measurements;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Every run of one board (by serial or MCU unique ID), newest first, with steps and measurements.")
final class TraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERIAL|UID", description = "The board's serial, or its MCU's 24-hex-digit unique ID.")
    String key;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    DbOption db;

    @Override
    public Integer call() throws Exception {
        try (Database database = db.open()) {
            database.recoverInterruptedRuns(null);
            String serial = key;
            List<RunDetail> runs = database.trace().board(serial);
            if (runs.isEmpty() && key.matches("[0-9A-Fa-f]{24}")) {
                serial = database.trace().serialOfUid(key).orElse(key);
                runs = database.trace().board(serial);
            }
            if (runs.isEmpty()) {
                throw new InputError("no runs stored for board '" + key + "' in " + db.location());
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
                System.out.println(mapper.writeValueAsString(new Trace(serial, runs)));
                return ExitCodes.OK;
            }
            System.out.printf("board %s — %d run(s), newest first%n", serial, runs.size());
            for (RunDetail d : runs) {
                RunRow r = d.run();
                System.out.printf("%nrun %d  %s  %s  batch %s  station %s  operator %s%n", r.id(), r.startedAt(),
                        r.verdict() == null ? "OPEN" : r.verdict(), r.batch(), r.station(), r.operator());
                System.out.printf("  plan %s v%s sha256 %s  firmware %s  software %s%s%n", r.planName(), r.planVersion(),
                        r.planSha256(), r.firmwareSha256() == null ? "-" : r.firmwareSha256(), r.softwareVersion(),
                        r.uid() == null ? "" : "  uid " + r.uid());
                if (r.failedStep() != null) {
                    System.out.printf("  failed at %s: %s%n", r.failedStep(), r.message());
                }
                for (RunDetail.StepDetail s : d.steps()) {
                    System.out.printf("  %2d %-14s %-7s %s%n", s.step().seq(), s.step().name(), s.step().verdict(),
                            s.step().message() == null ? "" : s.step().message());
                    for (MeasurementRow m : s.measurements()) {
                        // a failed value stands out: marked at the start of its line, and in red on a terminal
                        boolean bad = m.verdict() != Verdict.PASS;
                        String line = String.format("  %s   %-22s %12s  [%s .. %s]  %s", bad ? ">>" : "  ", m.name(),
                                Measurements.format(m.reading(), m.unit()), Measurements.format(m.low(), m.unit()),
                                Measurements.format(m.high(), m.unit()), m.verdict());
                        System.out.println(bad && System.console() != null ? "\u001b[1;31m" + line + "\u001b[0m" : line);
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    record Trace(String serial, List<RunDetail> runs) {
    }
}
