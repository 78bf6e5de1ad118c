package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `benchline run` started through its own small command line behaves as through the full one. */
class HeadlessRunTest {
    @TempDir
    Path dir;

    @Test
    void sameUsageAsTheFullCommandLine() {
        CommandLine full = Main.commandLine().getSubcommands().get("run");
        CommandLine alone =
                new CommandLine(new Main.HeadlessRun()).getSubcommands().get("run");
        assertEquals(full.getUsageMessage(CommandLine.Help.Ansi.OFF), alone.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertEquals(
                full.getCommandSpec().qualifiedName(), alone.getCommandSpec().qualifiedName());
    }

    @Test
    void runsABoardAndKeepsTheExitCodes() {
        String db = dir.resolve("r").toString();
        assertEquals(
                ExitCodes.OK,
                Main.run(
                        "run",
                        "--plan",
                        RunCommandTest.PLAN,
                        "--fixture",
                        "sim:good",
                        "--serial",
                        "SN-HR-0001",
                        "--db",
                        db));
        assertEquals(
                ExitCodes.FAIL,
                Main.run(
                        "run",
                        "--plan",
                        RunCommandTest.PLAN,
                        "--fixture",
                        "sim:vdd-low",
                        "--serial",
                        "SN-HR-0002",
                        "--db",
                        db));
        assertEquals(ExitCodes.USAGE, Main.run("run", "--plan", RunCommandTest.PLAN, "--serial", "SN-HR-0003"));
        assertTrue(Main.run("--version") == ExitCodes.OK);
    }
}
