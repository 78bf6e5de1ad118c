package io.benchline.station.plan;

import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.YamlError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a {@code prompt} step: its text, its picture (a file beside the plan) and the answers the operator may give. */
final class PromptLoader {
    static final int MAX_ANSWERS = 8;
    static final int MAX_ANSWER_CHARS = 40;
    /** What a browser shows in an img element without a plug-in. */
    static final Set<String> PICTURE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private PromptLoader() {}

    static Step.Prompt prompt(Fields f, Path planFile, String name, int timeout, String hint, String what) {
        String text = f.text("text");
        Path picture =
                f.optText("picture").map(p -> picture(f, planFile, p, what)).orElse(null);
        List<String> answers = answers(f, "answers", what);
        if (answers.isEmpty()) {
            throw new YamlError(
                    f.where(), what + ": 'answers' is missing: list what the operator may answer, e.g. [PASS, FAIL]");
        }
        List<String> passing = new ArrayList<>();
        for (Node n : f.list("pass")) {
            String p = scalar(n, what + ": pass");
            String known = answers.stream()
                    .filter(a -> a.equalsIgnoreCase(p))
                    .findFirst()
                    .orElseThrow(() -> new YamlError(
                            n.where(), what + ": pass answer '" + p + "' is not one of the answers " + answers));
            passing.add(known);
        }
        if (f.has("pass") && passing.isEmpty()) {
            throw new YamlError(f.where("pass"), what + ": 'pass' is empty: no answer could pass the step");
        }
        if (passing.isEmpty()) {
            passing.add(answers.get(0));
        }
        return new Step.Prompt(name, text, picture, answers, passing, timeout, hint);
    }

    private static List<String> answers(Fields f, String key, String what) {
        List<String> out = new ArrayList<>();
        for (Node n : f.list(key)) {
            String a = scalar(n, what + ": answers");
            if (a.isBlank() || a.length() > MAX_ANSWER_CHARS) {
                throw new YamlError(n.where(), what + ": an answer must be 1 to " + MAX_ANSWER_CHARS + " characters");
            }
            if (out.stream().anyMatch(x -> x.equalsIgnoreCase(a))) {
                throw new YamlError(n.where(), what + ": answer '" + a + "' is listed twice");
            }
            out.add(a);
        }
        if (out.size() > MAX_ANSWERS) {
            throw new YamlError(f.where(key), what + ": at most " + MAX_ANSWERS + " answers (one button each)");
        }
        return out;
    }

    /** A picture file beside the plan (or below its folder), checked to exist now rather than when a board waits for it. */
    private static Path picture(Fields f, Path planFile, String given, String what) {
        Path dir = planFile.toAbsolutePath().normalize().getParent();
        Path path = dir.resolve(given).normalize();
        if (!path.startsWith(dir)) {
            throw new YamlError(
                    f.where("picture"), what + ": picture " + given + " must be in the plan's folder or below it");
        }
        String file = path.getFileName().toString();
        String ext =
                file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!PICTURE_TYPES.contains(ext)) {
            throw new YamlError(
                    f.where("picture"),
                    what + ": picture " + given + " must be one of "
                            + PICTURE_TYPES.stream().sorted().toList());
        }
        if (!Files.isRegularFile(path)) {
            throw new YamlError(f.where("picture"), what + ": picture file " + path + " does not exist");
        }
        return path;
    }

    private static String scalar(Node n, String what) {
        if (n instanceof Node.Scalar s) {
            return s.text().trim();
        }
        throw new YamlError(n.where(), what + " must be a list of single values");
    }
}
