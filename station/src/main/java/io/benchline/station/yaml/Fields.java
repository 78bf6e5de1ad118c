package io.benchline.station.yaml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of one YAML mapping: each getter names the key it wants, and {@link #done()}
 * rejects any key nobody asked for (a typo), pointing at it.
 */
public final class Fields {
    private final Node.Mapping map;
    private String what;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(Node.Mapping map, String what) {
        this.map = map;
        this.what = what;
    }

    public static Fields of(Node node, String what) {
        if (node instanceof Node.Mapping m) {
            return new Fields(m, what);
        }
        throw new YamlError(node.where(), what + " must be a mapping of keys, found " + Node.describe(node));
    }

    /** Names the mapping better once its own keys tell what it is (e.g. a step by its name). */
    public Fields describedAs(String description) {
        this.what = description;
        return this;
    }

    public Where where() {
        return map.where();
    }

    public Where where(String key) {
        Node.Entry e = map.entries().get(key);
        return e == null ? map.where() : e.value().where();
    }

    public boolean has(String key) {
        known.add(key);
        return map.entries().containsKey(key);
    }

    public Optional<Node> optNode(String key) {
        known.add(key);
        Node.Entry e = map.entries().get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public Node node(String key) {
        return optNode(key).orElseThrow(() -> missing(key));
    }

    /** A missing key is most often a misspelt one: point at the misspelling when there is one. */
    private YamlError missing(String key) {
        for (Node.Entry e : map.entries().values()) {
            if (!e.key().equals(key) && distance(e.key(), key) <= 2) {
                return new YamlError(
                        e.keyWhere(), "unknown key '" + e.key() + "' in " + what + ": did you mean '" + key + "'?");
            }
        }
        return new YamlError(map.where(), what + ": '" + key + "' is missing");
    }

    public Optional<String> optText(String key) {
        return optNode(key).map(n -> scalar(key, n));
    }

    public String text(String key) {
        String s = scalar(key, node(key));
        if (s.isBlank()) {
            throw new YamlError(where(key), what + ": '" + key + "' is empty");
        }
        return s;
    }

    public Optional<Double> optNumber(String key) {
        return optNode(key).map(n -> number(key, n));
    }

    public double number(String key) {
        return number(key, node(key));
    }

    public int integer(String key, int otherwise) {
        return optNode(key).map(n -> integer(key, n)).orElse(otherwise);
    }

    public Optional<Long> optLong(String key) {
        return optNode(key).map(n -> parseLong(key, n));
    }

    public boolean bool(String key, boolean otherwise) {
        return optNode(key)
                .map(n -> {
                    String s = scalar(key, n);
                    return switch (s) {
                        case "true", "yes", "on" -> true;
                        case "false", "no", "off" -> false;
                        default ->
                            throw new YamlError(
                                    n.where(), what + ": '" + key + "' must be true or false, found '" + s + "'");
                    };
                })
                .orElse(otherwise);
    }

    public List<Node> list(String key) {
        return optNode(key)
                .map(n -> {
                    if (n instanceof Node.Sequence s) {
                        return s.items();
                    }
                    throw new YamlError(n.where(), what + ": '" + key + "' must be a list, found " + Node.describe(n));
                })
                .orElse(List.of());
    }

    /** Rejects keys that no getter asked for. Call after reading every key. */
    public void done() {
        for (Node.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                throw new YamlError(
                        e.keyWhere(),
                        "unknown key '" + e.key() + "' in " + what + suggestion(e.key()) + " (known: "
                                + String.join(", ", known) + ")");
            }
        }
    }

    private String suggestion(String typo) {
        List<String> close = new ArrayList<>();
        for (String k : known) {
            if (distance(k, typo) <= 2) {
                close.add(k);
            }
        }
        return close.isEmpty() ? "" : ": did you mean '" + close.get(0) + "'?";
    }

    private String scalar(String key, Node n) {
        if (n instanceof Node.Scalar s) {
            return s.text();
        }
        throw new YamlError(n.where(), what + ": '" + key + "' must be a single value, found " + Node.describe(n));
    }

    private double number(String key, Node n) {
        String s = scalar(key, n).trim();
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new YamlError(n.where(), what + ": '" + key + "' must be a number, found '" + s + "'");
    }

    private int integer(String key, Node n) {
        long v = parseLong(key, n);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new YamlError(n.where(), what + ": '" + key + "' is out of range: " + v);
        }
        return (int) v;
    }

    private long parseLong(String key, Node n) {
        return wholeNumber(n, what + ": '" + key + "'");
    }

    /** Accepts decimal and 0x-prefixed hexadecimal, as firmware people write addresses and IDs. */
    public static long wholeNumber(Node n, String what) {
        if (!(n instanceof Node.Scalar scalar)) {
            throw new YamlError(n.where(), what + " must be a whole number, found " + Node.describe(n));
        }
        String s = scalar.text().trim().replace("_", "");
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new YamlError(n.where(), what + " must be a whole number (decimal or 0x hex), found '" + s + "'");
        }
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
