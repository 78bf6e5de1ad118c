package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.cli.CliRun.Result;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes a line controller relies on: 2 bad input (nothing stored), 3 the station could not tell, never 1 for a crash. */
class ExitCodeTest {
    @TempDir
    Path dir;

    private Result benchline(String... args) {
        return CliRun.benchline(args);
    }

    /** Runs the command line as its own process in dir, as a line controller does. */
    private Result process(String mainClass, String... args) throws Exception {
        return process(Map.of(), mainClass, args);
    }

    private Result process(Map<String, String> env, String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("BENCHLINE_LOG", dir.resolve("logs/station.log").toString());
        pb.environment().remove("BENCHLINE_DB");
        pb.environment().remove("BENCHLINE_HOME");
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end");
        return new Result(
                p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void anUnexpectedExceptionExitsThreeWithOneLineAndTheStackTraceInTheLog() throws Exception {
        Result r = process(CrashingMain.class.getName(), "crash");
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        Path log = dir.resolve("logs/station.log");
        assertTrue(
                r.err().startsWith("station error: benchline crash failed: IllegalStateException: an invariant broke"),
                r.err());
        assertTrue(r.err().contains("stack trace in " + log), r.err());
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("java.lang.IllegalStateException: an invariant broke"), logged);
        assertTrue(logged.contains("\tat io.benchline.station.cli.CrashingMain$Crash.call"), logged);
    }

    @Test
    void aReadOnlyCommandInAnEmptyDirectoryCreatesNothingAndExitsTwo() throws Exception {
        Result r = process(Main.class.getName(), "report");
        assertEquals(2, r.exit(), r.err());
        assertEquals(
                "error: no results database at " + dir.toRealPath().resolve("data/benchline.mv.db")
                        + " (give --db or BENCHLINE_DB, or run the station here first)",
                r.err().strip());
        assertFalse(Files.exists(dir.resolve("data")), "report created data/");
    }

    @Test
    void traceOfAMissingDatabaseExitsTwoAndCreatesNoFile() {
        Result r = benchline("trace", "SN-1", "--db", dir.resolve("none").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: no results database at " + dir.resolve("none.mv.db")), r.err());
        assertFalse(Files.exists(dir.resolve("none.mv.db")));
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsAStationProblemInOneLine() throws Exception {
        Files.writeString(dir.resolve("plain-file"), "not a directory");
        Result r = benchline(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:good",
                "--serial",
                "SN-DB-1",
                "--db",
                dir.resolve("plain-file/results").toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(
                "station error: cannot open database " + dir.resolve("plain-file/results.mv.db") + ": "
                        + dir.resolve("plain-file") + ": not a directory",
                r.err().strip());
    }

    @Test
    void aDatabaseUrlOfAnUnknownKindIsBadInput() {
        Result r = benchline("report", "--db", "jdbc:sqlite:results.db");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: --db jdbc:sqlite:results.db: not a database Benchline opens"), r.err());
    }

    @Test
    void aBlankBatchOrOperatorIsRefusedAndNothingIsStored() {
        Path db = dir.resolve("r");
        Result batch = benchline(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:good",
                "--serial",
                "SN-B-1",
                "--batch",
                "",
                "--db",
                db.toString());
        assertEquals(2, batch.exit(), batch.err());
        assertEquals(
                "error: --batch is blank: give a name, or leave the option out",
                batch.err().strip());
        Result operator = benchline(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:good",
                "--serial",
                "SN-B-1",
                "--operator",
                "  ",
                "--db",
                db.toString());
        assertEquals(2, operator.exit(), operator.err());
        assertEquals(
                "error: --operator is blank: give a name, or leave the option out",
                operator.err().strip());
        Result demo = benchline("demo", "--boards", "1", "--batch", " ", "--db", db.toString());
        assertEquals(2, demo.exit(), demo.err());
        assertFalse(Files.exists(dir.resolve("r.mv.db")), "a refused run stored something");
    }

    @Test
    void aRelativePlanIsFoundFromTheWorkingDirectoryFirstThenFromHome() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("plans"));
        Files.writeString(home.resolve("plans/p.yaml"), "plan: x\n");
        assertEquals(
                home.resolve("plans/p.yaml").toString(), Home.resolve("plans/p.yaml", Optional.of(home.toString())));
        // the checkout's own plans/ is not under station/, where the tests run
        assertEquals(
                "../plans/stm32f411-board.yaml",
                Home.resolve("../plans/stm32f411-board.yaml", Optional.of(home.toString())));
        assertEquals("plans/none.yaml", Home.resolve("plans/none.yaml", Optional.of(home.toString())));
        assertEquals("plans/p.yaml", Home.resolve("plans/p.yaml", Optional.empty()));
    }

    @Test
    void runFindsItsPlanUnderHomeOutsideTheCheckout() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        String[] run = {
            "run",
            "--plan",
            "plans/stm32f411-board.yaml",
            "--fixture",
            "fixtures/sim-f411.yaml",
            "--serial",
            "SN-HOME-1",
            "--db",
            dir.resolve("r").toString()
        };
        Result lost = process(Main.class.getName(), run);
        assertEquals(2, lost.exit(), lost.out() + lost.err());
        assertTrue(lost.err().contains("plans" + File.separator + "stm32f411-board.yaml"), lost.err());
        Result found = process(Map.of("BENCHLINE_HOME", home.toString()), Main.class.getName(), run);
        assertEquals(0, found.exit(), found.out() + found.err());
        assertTrue(found.out().contains("PASS  SN-HOME-1"), found.out());
    }
}
