package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt step kind as the plan loader reads it: defaults, the picture beside the plan, errors at file:line:column. */
class PromptPlanTest {
    @TempDir
    Path dir;

    static final String HEAD = """
            plan: p
            version: "1"
            product: {name: board}
            serial-pattern: "SN-.*"
            steps:
            """;

    private Path plan(String steps) throws IOException {
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, HEAD + steps);
        return p;
    }

    private String error(String steps) throws IOException {
        Path p = plan(steps);
        return assertThrows(InputError.class, () -> PlanLoader.load(p)).getMessage();
    }

    @Test
    void shippedLedPlanAsksWithItsPicture() {
        Plan plan = PlanLoader.load(Path.of("../plans/stm32f411-board-led.yaml"));
        Step.Prompt led = (Step.Prompt) plan.steps().get(plan.steps().size() - 1);
        assertEquals("prompt", led.kind());
        assertEquals(List.of("PASS", "FAIL"), led.answers());
        assertEquals(List.of("PASS"), led.passing());
        assertEquals(60_000, led.timeoutMs());
        assertEquals("image/svg+xml", led.pictureContentType());
        assertEquals(
                Path.of("../plans/pictures/status-led.svg").toAbsolutePath().normalize(), led.picture());
    }

    @Test
    void defaultsAreTheFirstAnswerAndAMinute() throws IOException {
        Plan p = PlanLoader.load(plan("  - {kind: prompt, name: lid, text: Close the lid, answers: [OK]}\n"));
        Step.Prompt lid = (Step.Prompt) p.steps().get(0);
        assertEquals(List.of("OK"), lid.passing());
        assertEquals(StepTimeouts.defaultMs("prompt"), lid.timeoutMs());
        assertEquals(60_000, lid.timeoutMs());
        assertNull(lid.picture());
        assertEquals("OK", lid.answerNamed(" ok ").orElseThrow());
    }

    @Test
    void aMissingPictureNamesFileLineColumn() throws IOException {
        String e = error("  - kind: prompt\n    name: led\n    text: LED green?\n    picture: led.png\n"
                + "    answers: [PASS, FAIL]\n");
        assertEquals(
                dir.resolve("plan.yaml") + ":9:14: step 'led': picture file " + dir.resolve("led.png")
                        + " does not exist",
                e);
    }

    @Test
    void aPictureOutsideThePlansFolderOrOfAnotherTypeIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        String outside = error("  - {kind: prompt, name: led, text: t, picture: ../x.png, answers: [OK]}\n");
        assertEquals(
                dir.resolve("plan.yaml")
                        + ":6:49: step 'led': picture ../x.png must be in the plan's folder or below it",
                outside);
        String type = error("  - {kind: prompt, name: led, text: t, picture: notes.txt, answers: [OK]}\n");
        assertEquals(
                dir.resolve("plan.yaml") + ":6:49: step 'led': picture notes.txt must be one of "
                        + "[gif, jpeg, jpg, png, svg, webp]",
                type);
    }

    @Test
    void answersAndPassAreChecked() throws IOException {
        assertEquals(
                dir.resolve("plan.yaml") + ":6:5: step 'led': 'answers' is missing: list what the operator may "
                        + "answer, e.g. [PASS, FAIL]",
                error("  - {kind: prompt, name: led, text: t}\n"));
        assertEquals(
                dir.resolve("plan.yaml")
                        + ":6:70: step 'led': pass answer 'GOOD' is not one of the answers [PASS, FAIL]",
                error("  - {kind: prompt, name: led, text: t, answers: [PASS, FAIL], pass: [GOOD]}\n"));
        assertEquals(
                dir.resolve("plan.yaml") + ":6:56: step 'led': answer 'pass' is listed twice",
                error("  - {kind: prompt, name: led, text: t, answers: [PASS, pass]}\n"));
        assertEquals(
                dir.resolve("plan.yaml") + ":6:31: unknown key 'txt' in step 'led': did you mean 'text'?",
                error("  - {kind: prompt, name: led, txt: t, answers: [OK]}\n"));
    }
}
