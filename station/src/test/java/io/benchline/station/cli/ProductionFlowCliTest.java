package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.EngineerAction;
import io.benchline.db.Quarantine;
import io.benchline.station.flow.FlowTestFiles;
import io.benchline.station.flow.Role;
import io.benchline.station.flow.Users;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retest limit and quarantine from the command line: headless runs refused over the limit,
 * users added with hashed PINs, a release by an engineer (and not by an operator), the trace.
 */
class ProductionFlowCliTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    /** benchline in-process, with this text as standard input (where the PIN is read without a terminal). */
    Result benchline(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(System.out, true));
            cl.setErr(new PrintWriter(System.err, true));
            int exit = cl.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    String db() {
        return dir.resolve("results").toString();
    }

    Result run(Path plan, String profile, String serial) {
        return benchline(
                "", "run", "--plan", plan.toString(), "--fixture", "sim:" + profile, "--serial", serial, "--db", db());
    }

    Result release(String serial, String user, String pin, String reason) {
        return benchline(
                pin + "\n",
                "board",
                "release",
                serial,
                "--reason",
                reason,
                "--user",
                user,
                "--users",
                dir.resolve("users.yaml").toString(),
                "--db",
                db());
    }

    @Test
    void usersAddStoresAHashedPinReadFromStdinNeverTheCommandLine() throws Exception {
        Path file = dir.resolve("users.yaml");
        Result added = benchline("4711\n", "users", "add", "eve", "--role", "engineer", "--users", file.toString());
        assertEquals(0, added.exit(), added.out() + added.err());
        assertTrue(added.out().contains("added engineer eve in " + file), added.out());
        String text = Files.readString(file);
        assertFalse(text.contains("4711"), "only the hash is stored: " + text);
        assertTrue(text.contains("pin: \"pbkdf2-sha256:600000:"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Users users = Users.load(file);
        assertEquals(Role.ENGINEER, users.find("eve").orElseThrow().role());
        assertTrue(users.find("eve").orElseThrow().pin().matches("4711".toCharArray()));

        Result twice = benchline("9999\n", "users", "add", "eve", "--role", "operator", "--users", file.toString());
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("user 'eve' is already in"), twice.err());
        Result weak = benchline("12\n", "users", "add", "bob", "--role", "operator", "--users", file.toString());
        assertEquals(2, weak.exit());
        assertTrue(weak.err().contains("at least 4 characters"), weak.err());
        Result badRole = benchline("1234\n", "users", "add", "bob", "--role", "boss", "--users", file.toString());
        assertEquals(2, badRole.exit());
        assertTrue(badRole.err().contains("--role must be operator or engineer"), badRole.err());
        Result noPin = benchline("", "users", "add", "bob", "--role", "operator", "--users", file.toString());
        assertEquals(2, noPin.exit());
        assertTrue(noPin.err().contains("no PIN given"), noPin.err());
        assertTrue(Users.load(file).find("bob").isEmpty());

        Files.writeString(file, Files.readString(file).replace("role: engineer", "role: boss"));
        Result bad = benchline("", "users", "list", "--users", file.toString());
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().startsWith("error: " + file + ":5:11: user 'eve': role must be"), bad.err());
    }

    @Test
    void aBoardOverTheRetestLimitIsRefusedQuarantinedAndReleasedOnlyByAnEngineer() throws Exception {
        Path plan = FlowTestFiles.planWithRetestLimit(dir, 1);
        FlowTestFiles.users(dir);
        String serial = "SN-FLOW-0001";
        assertEquals(1, run(plan, "vdd-low", serial).exit(), "first test: FAIL");
        assertEquals(1, run(plan, "vdd-low", serial).exit(), "one retest allowed: FAIL again");

        Result refused = run(plan, "vdd-low", serial);
        assertEquals(2, refused.exit(), "refused, not a verdict: " + refused.out() + refused.err());
        assertEquals(
                "error: board SN-FLOW-0001 is quarantined (2 FAILs, over the retest limit of 1 of plan stm32f411-board"
                        + " v1.0, since ",
                refused.err().substring(0, refused.err().indexOf("since ") + 6));
        assertTrue(refused.err().contains("benchline board release SN-FLOW-0001"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
        assertFalse(refused.out().contains("power-on"), "nothing was powered: " + refused.out());
        assertEquals(2, run(plan, "good", serial).exit(), "still quarantined, whatever the board now is");
        try (Database d = Database.open(db())) {
            assertEquals(2, d.trace().board(serial).size(), "a refused start stores no run");
            List<Quarantine> q = d.flow().quarantines(serial);
            assertEquals(1, q.size(), "quarantined once");
            assertTrue(q.get(0).open());
        }

        Result byOperator = release(serial, FlowTestFiles.OPERATOR, FlowTestFiles.OPERATOR_PIN, "looks fine");
        assertEquals(2, byOperator.exit(), byOperator.out() + byOperator.err());
        assertTrue(
                byOperator.err().contains("olga is an operator: only an engineer may release SN-FLOW-0001"),
                byOperator.err());
        Result wrongPin = release(serial, FlowTestFiles.ENGINEER, "0000", "reworked");
        assertEquals(2, wrongPin.exit());
        assertTrue(wrongPin.err().contains("name or PIN not accepted"), wrongPin.err());
        Result noReason = release(serial, FlowTestFiles.ENGINEER, FlowTestFiles.ENGINEER_PIN, " ");
        assertEquals(2, noReason.exit());
        assertTrue(noReason.err().contains("a release needs a reason"), noReason.err());
        assertEquals(2, run(plan, "good", serial).exit(), "refused releases release nothing");

        Result released = release(
                serial, FlowTestFiles.ENGINEER, FlowTestFiles.ENGINEER_PIN, "U3 reflowed, VDD 3.3 V on the bench");
        assertEquals(0, released.exit(), released.out() + released.err());
        assertTrue(released.out().startsWith("released SN-FLOW-0001 (quarantined since"), released.out());
        assertTrue(released.out().contains("by eve at "), released.out());
        Result again = release(serial, FlowTestFiles.ENGINEER, FlowTestFiles.ENGINEER_PIN, "twice");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("is not quarantined: nothing to release"), again.err());

        assertEquals(0, run(plan, "good", serial).exit(), "released: tested again, and the rework passed");
        try (Database d = Database.open(db())) {
            Quarantine q = d.flow().quarantines(serial).get(0);
            assertEquals("eve", q.releasedBy());
            assertEquals("U3 reflowed, VDD 3.3 V on the bench", q.releaseReason());
            List<EngineerAction> actions = d.flow().actions(serial);
            assertEquals(
                    List.of("pin-refused", "pin-refused", "release"),
                    actions.stream().map(EngineerAction::action).toList());
            assertEquals(
                    List.of("olga", "eve", "eve"),
                    actions.stream().map(EngineerAction::author).toList());
            assertTrue(
                    actions.get(0).detail().contains("not engineer"),
                    actions.get(0).detail());
            assertTrue(
                    actions.get(1).detail().contains("wrong PIN"),
                    actions.get(1).detail());
        }

        Result trace = benchline("", "trace", serial, "--db", db());
        assertEquals(0, trace.exit(), trace.err());
        assertTrue(trace.out().contains("quarantined "), trace.out());
        assertTrue(trace.out().contains("released "), trace.out());
        assertTrue(trace.out().contains("by eve: U3 reflowed"), trace.out());
        assertTrue(trace.out().contains("engineer action "), trace.out());
        Result json = benchline("", "trace", serial, "--json", "--db", db());
        JsonNode board = new ObjectMapper().readTree(json.out()).get("boards").get(0);
        assertFalse(board.get("quarantined").asBoolean());
        assertEquals("eve", board.get("quarantines").get(0).get("released_by").asText());
        assertEquals(
                "release", board.get("engineer_actions").get(2).get("action").asText());
    }

    @Test
    void withoutARetestLimitAFailingBoardMayBeRetestedAsBefore() {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    1,
                    run(FlowTestFiles.SHIPPED_PLAN, "vdd-low", "SN-FLOW-0002").exit());
        }
    }
}
