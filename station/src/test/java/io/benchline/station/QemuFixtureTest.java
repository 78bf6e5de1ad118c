package io.benchline.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole board runs on the QEMU fixture: rails on the simulated instruments, flash and banner on an emulated F405. */
@Timeout(120)
class QemuFixtureTest {
    @TempDir
    Path dir;

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("plans"))) {
            d = d.getParent();
        }
        return d;
    }

    private RunOutcome run(Path plan, String serial) {
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station = Station.open(
                        PlanLoader.load(plan),
                        FixtureLoader.load(root().resolve("fixtures/qemu.yaml").toString()),
                        db)) {
            return station.run(new RunRequest(serial, "QEMU-TEST", "test"), RunListener.NONE);
        }
    }

    private static StepRecord step(RunOutcome o, String name) {
        return o.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGoodEmulatedBoardPassesWithItsBannerRead() {
        RunOutcome o = run(root().resolve("plans/qemu-f405.yaml"), "SN-QEMU-0001");
        assertEquals(Verdict.PASS, o.verdict(), o.message());
        assertEquals(
                "banner: benchline-banner 1.0.0 f405 boot",
                step(o, "boot-check").message());
        assertTrue(step(o, "program").message().contains("verified"));
    }

    @Test
    void aBannerThatNeverComesIsAFailAtBootCheck() throws IOException {
        Path plan = dir.resolve("plans/qemu-wrong-banner.yaml");
        Files.createDirectories(plan.getParent());
        String text = Files.readString(root().resolve("plans/qemu-f405.yaml"))
                .replace("../firmware/", root().resolve("firmware") + "/")
                .replace("\"^benchline-banner \\\\S+ f405 boot$\"", "\"^benchline-banner 9\\\\.9\\\\.9\"")
                .replace("timeout-ms: 5000", "timeout-ms: 1500");
        Files.writeString(plan, text);

        RunOutcome o = run(plan, "SN-QEMU-0002");

        assertEquals(Verdict.FAIL, o.verdict(), o.message());
        assertEquals("boot-check", o.failedStep());
        assertTrue(
                o.message().contains("benchline-banner 1.0.0 f405 boot"),
                "the transcript shows what came: " + o.message());
    }

    /**
     * QEMU's STM32F405 has no RCC model: RCC_CSR reads zero, which no real chip shows after power-on. The
     * power-on reset-cause read says so as an ERROR (the station cannot tell), never a FAIL of the board.
     */
    @Test
    void anEmulatedChipWithoutRccIsAnErrorAtThePowerOnRead() throws IOException {
        Path plan = dir.resolve("plans/qemu-reset-cause.yaml");
        Files.createDirectories(plan.getParent());
        String text = Files.readString(root().resolve("plans/qemu-f405.yaml"))
                .replace("../firmware/", root().resolve("firmware") + "/")
                .replace(
                        "  - kind: program\n",
                        "  - kind: reset-cause\n    name: reset-power-on\n    phase: power-on\n\n  - kind: program\n");
        Files.writeString(plan, text);

        RunOutcome o = run(plan, "SN-QEMU-0003");

        assertEquals(Verdict.ERROR, o.verdict(), o.message());
        assertEquals("reset-power-on", o.failedStep());
        assertTrue(o.message().startsWith("RCC_CSR reads 0x00000000 after power-on"), o.message());
        assertTrue(o.hint().contains("an emulated chip, e.g. QEMU"), o.hint());
    }
}
