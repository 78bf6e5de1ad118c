package io.benchline.station.sequence;

/** An operator's answer to a prompt and who gave it, or why no answer came and what the operator should do. */
public record PromptReply(String answer, String by, String missing, String hint) {
    public static PromptReply answered(String answer, String by) {
        return new PromptReply(answer, by, null, null);
    }

    public static PromptReply none(String why, String hint) {
        return new PromptReply(null, null, why, hint);
    }

    public boolean answered() {
        return answer != null;
    }
}
