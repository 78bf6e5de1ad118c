package io.benchline.reports.spc;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Western Electric / Nelson rules an individuals chart applies at each new point. Each fires
 * only when the newest point completes its pattern, so one drifting run of points names itself once
 * per point, not once per window.
 */
public enum SpcRule {
    BEYOND_3_SIGMA("beyond-3-sigma", "beyond 3σ"),
    TWO_OF_THREE_BEYOND_2_SIGMA("2-of-3-beyond-2-sigma", "2 of 3 beyond 2σ"),
    FOUR_OF_FIVE_BEYOND_1_SIGMA("4-of-5-beyond-1-sigma", "4 of 5 beyond 1σ"),
    EIGHT_ON_ONE_SIDE("8-on-one-side", "8 on one side of the centre"),
    SIX_RISING("6-rising", "6 rising"),
    SIX_FALLING("6-falling", "6 falling");

    private final String id;
    private final String words;

    SpcRule(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** As stored and in JSON: {@code 6-rising}. */
    public String id() {
        return id;
    }

    /** As an operator reads it: {@code 6 rising}. */
    public String words() {
        return words;
    }

    public static SpcRule byId(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown SPC rule '" + id + "'"));
    }

    /** Rule ids in the words an operator reads ("6 rising"); an id this version does not know stays as it is. */
    public static List<String> words(List<String> ids) {
        return ids.stream()
                .map(id -> Arrays.stream(values())
                        .filter(r -> r.id.equals(id))
                        .findFirst()
                        .map(SpcRule::words)
                        .orElse(id))
                .toList();
    }

    /** Rule ids joined by commas, in the order of this enum: how a set is stored. */
    public static String ids(Collection<SpcRule> rules) {
        return rules.stream().sorted(Comparator.naturalOrder()).map(SpcRule::id).collect(Collectors.joining(","));
    }

    /** The set stored by {@link #ids}; empty for an empty text. */
    public static Set<SpcRule> parse(String ids) {
        EnumSet<SpcRule> out = EnumSet.noneOf(SpcRule.class);
        if (ids != null && !ids.isBlank()) {
            for (String id : ids.split(",")) {
                out.add(byId(id.trim()));
            }
        }
        return out;
    }
}
