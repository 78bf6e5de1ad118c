package io.benchline.station.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML text into {@link Node}s that keep their positions (Jackson's streaming YAML parser). */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {}

    public static Node parse(String fileName, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new YamlError(new Where(fileName, 1, 1), "the file is empty");
            }
            return read(fileName, p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Where where =
                    loc == null ? new Where(fileName, 1, 1) : new Where(fileName, loc.getLineNr(), loc.getColumnNr());
            throw new YamlError(
                    where,
                    "not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new YamlError(new Where(fileName, 1, 1), "cannot read: " + e.getMessage());
        }
    }

    private static Node read(String file, JsonParser p) throws IOException {
        Where where = where(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Where keyWhere = where(file, p.currentTokenLocation());
                    p.nextToken();
                    Node value = read(file, p);
                    if (entries.containsKey(key)) {
                        throw new YamlError(keyWhere, "'" + key + "' is given twice");
                    }
                    entries.put(key, new Node.Entry(key, keyWhere, value));
                }
                return new Node.Mapping(entries, where);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(file, p));
                }
                return new Node.Sequence(items, where);
            }
            case VALUE_NULL -> {
                return new Node.Scalar("", where);
            }
            default -> {
                return new Node.Scalar(p.getText(), where);
            }
        }
    }

    private static Where where(String file, JsonLocation loc) {
        return new Where(file, loc.getLineNr(), loc.getColumnNr());
    }
}
