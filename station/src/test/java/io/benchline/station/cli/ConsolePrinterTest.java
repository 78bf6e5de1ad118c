package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.swd.FlashProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolePrinterTest {
    @Test
    void theProgressBarEndsItsLineBeforeTheProgramStepIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsolePrinter printer = new ConsolePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        FlashProgress progress = printer.flashProgress();
        Instant t = Instant.now();
        printer.stepFinished(new StepRecord(1, "power-on", "power", t, t, Verdict.PASS, "on", List.of()));
        progress.update("program", 131072, 262144);
        progress.update("program", 262144, 262144);
        printer.stepFinished(new StepRecord(7, "program", "program", t, t, Verdict.PASS, "programmed", List.of()));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\rprogram  [##############################] 100%\n   7 program "), out);
    }
}
