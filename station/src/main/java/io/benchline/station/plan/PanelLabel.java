package io.benchline.station.plan;

import io.benchline.station.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A panel's label and the serials of its boards (plan key {@code panel-label}, docs/plan-format.md):
 * the label must match {@code pattern}, whose named groups the {@code serial} template uses. In the
 * template, {@code {lot}} is the text of group {@code lot}; {@code {first + position - 1}} is a sum
 * of groups, {@code position} (1, 2, … on the panel) and whole numbers, written with as many digits
 * as the widest group in it (zero-padded) unless {@code :0N} after it asks for N.
 */
public record PanelLabel(Pattern pattern, String serial, List<Piece> pieces) {
    public PanelLabel {
        pieces = List.copyOf(pieces);
    }

    /** A run of the template: literal text, or a placeholder (its terms, signs, width; 0: as its groups). */
    record Piece(String text, List<String> terms, List<Integer> signs, int width) {
        boolean literal() {
            return terms.isEmpty();
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /**
     * Reads the template against the pattern's groups; a problem is an {@link InputError} whose
     * message the plan loader places at the {@code serial} key.
     */
    public static PanelLabel of(Pattern pattern, String template, Set<String> groups) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new InputError("a '}' at character " + (close + 1) + " closes no '{'");
            }
            if (open < 0) {
                pieces.add(new Piece(template.substring(i), List.of(), List.of(), 0));
                break;
            }
            if (open > i) {
                pieces.add(new Piece(template.substring(i, open), List.of(), List.of(), 0));
            }
            if (close < 0) {
                throw new InputError("the '{' at character " + (open + 1) + " is never closed with '}'");
            }
            pieces.add(placeholder(template.substring(open + 1, close), groups));
            i = close + 1;
        }
        if (pieces.stream().allMatch(Piece::literal)) {
            throw new InputError("'" + template + "' has no {placeholder}: every board would get the same serial");
        }
        return new PanelLabel(pattern, template, pieces);
    }

    private static Piece placeholder(String inside, Set<String> groups) {
        String expr = inside;
        int width = 0;
        int colon = inside.indexOf(':');
        if (colon >= 0) {
            String w = inside.substring(colon + 1).trim();
            if (!w.matches("0[1-9][0-9]?")) {
                throw new InputError(
                        "{" + inside + "}: after ':' give the width as 0 and a number of digits, e.g. :05");
            }
            width = Integer.parseInt(w.substring(1));
            expr = inside.substring(0, colon);
        }
        if (expr.isBlank()) {
            throw new InputError("{" + inside + "}: an empty placeholder (name a group, e.g. {lot})");
        }
        List<String> terms = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        int sign = 1;
        boolean wantTerm = true;
        for (String token : expr.replace("+", " + ").replace("-", " - ").trim().split("\\s+")) {
            if (token.equals("+") || token.equals("-")) {
                if (wantTerm) {
                    throw new InputError("{" + inside + "}: '" + token + "' needs a term before and after it");
                }
                sign = token.equals("+") ? 1 : -1;
                wantTerm = true;
                continue;
            }
            if (!wantTerm) {
                throw new InputError("{" + inside + "}: put + or - between terms");
            }
            if (!token.equals("position") && !NUMBER.matcher(token).matches()) {
                if (!NAME.matcher(token).matches()) {
                    throw new InputError(
                            "{" + inside + "}: '" + token + "' is not a group name, position or a whole number");
                }
                if (!groups.contains(token)) {
                    throw new InputError("{" + inside + "}: '" + token + "' is not a named group of the pattern"
                            + (groups.isEmpty() ? " (it has none: name them as (?<lot>...))" : " " + groups));
                }
            }
            terms.add(token);
            signs.add(sign);
            wantTerm = false;
        }
        if (wantTerm) {
            throw new InputError("{" + inside + "}: an empty or unfinished placeholder");
        }
        return new Piece(null, terms, signs, width);
    }

    /** The serials of a panel of that many positions labelled label, in position order. */
    public List<String> serials(String label, int positions) {
        String text = label == null ? "" : label.trim();
        if (text.length() > 100) {
            throw new InputError("panel label has " + text.length() + " characters: at most 100");
        }
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new InputError(
                    "panel label '" + text + "' does not match the plan's panel-label pattern " + pattern.pattern());
        }
        List<String> serials = new ArrayList<>();
        for (int position = 1; position <= positions; position++) {
            StringBuilder b = new StringBuilder();
            for (Piece p : pieces) {
                b.append(p.literal() ? p.text() : value(p, m, position, text));
            }
            serials.add(b.toString());
        }
        return serials;
    }

    private static String value(Piece p, Matcher m, int position, String label) {
        if (p.terms().size() == 1 && p.width() == 0 && !p.terms().get(0).equals("position")) {
            String only = p.terms().get(0);
            return NUMBER.matcher(only).matches()
                    ? only
                    : Optional.ofNullable(m.group(only)).orElse("");
        }
        long sum = 0;
        int width = p.width();
        for (int k = 0; k < p.terms().size(); k++) {
            String t = p.terms().get(k);
            long v;
            if (t.equals("position")) {
                v = position;
            } else if (NUMBER.matcher(t).matches()) {
                v = Long.parseLong(t);
            } else {
                String g = m.group(t);
                if (g == null || !g.matches("[0-9]{1,15}")) {
                    throw new InputError("panel label '" + label + "': group '" + t + "' is '" + g
                            + "', not a number to count from");
                }
                v = Long.parseLong(g);
                if (p.width() == 0) {
                    width = Math.max(width, g.length());
                }
            }
            sum += p.signs().get(k) * v;
        }
        if (sum < 0) {
            throw new InputError("panel label '" + label + "': {" + String.join(" ", p.terms()) + "} is " + sum
                    + " at position " + position + ", below 0");
        }
        String digits = Long.toString(sum);
        if (width > 0 && digits.length() > width) {
            throw new InputError("panel label '" + label + "': position " + position + " would count to " + digits
                    + ", more than " + width + " digits");
        }
        return width == 0 ? digits : String.format(Locale.ROOT, "%0" + width + "d", sum);
    }
}
