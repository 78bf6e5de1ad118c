package io.benchline.station.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it stood (file, line, column), so that every error about a
 * plan or a fixture file can point at the exact place.
 */
public sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {
    Where where();

    record Scalar(String text, Where where) implements Node {}

    record Mapping(Map<String, Entry> entries, Where where) implements Node {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }
    }

    /** A key of a mapping (with its own position) and its value. */
    record Entry(String key, Where keyWhere, Node value) {}

    record Sequence(List<Node> items, Where where) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    static String describe(Node n) {
        if (n instanceof Scalar s) {
            return "'" + s.text() + "'";
        }
        return n instanceof Mapping ? "a mapping" : "a list";
    }
}
