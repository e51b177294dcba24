package org.iovlab.scenario.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Each getter records a problem (with line, column and
 * field path) instead of throwing, and returns empty; {@link #finish()} reports keys that no
 * getter asked for, naming the ones allowed.
 */
public final class YamlMap {
    private final YamlDocument doc;
    private final Node node;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    private YamlMap(YamlDocument doc, MappingNode node, String path) {
        this.doc = doc;
        this.node = node;
        this.path = path;
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                entries.put(k.getValue(), t);
            } else {
                doc.problem(t.getKeyNode(), path, "keys must be plain words");
            }
        }
        doc.remember(path, node);
    }

    static Optional<YamlMap> of(YamlDocument doc, Node node, String path) {
        if (node instanceof MappingNode m) return Optional.of(new YamlMap(doc, m, path));
        doc.problem(node, path, "expected a mapping of keys to values, got " + describe(node));
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    private Optional<Node> value(String key, boolean required) {
        asked.add(key);
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) doc.problem(node, field(key), "required field '" + key + "' is missing");
            return Optional.empty();
        }
        doc.remember(field(key), t.getValueNode());
        return Optional.of(t.getValueNode());
    }

    private Optional<ScalarNode> scalar(String key, boolean required, String expected) {
        return value(key, required).flatMap(n -> {
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return Optional.of(s);
            doc.problem(n, field(key), "expected " + expected + ", got " + describe(n));
            return Optional.empty();
        });
    }

    public Optional<String> string(String key, boolean required) {
        return scalar(key, required, "a string").map(ScalarNode::getValue);
    }

    /** An integer no smaller than {@code min}; a quoted number or a fraction is a type error. */
    public OptionalInt integer(String key, boolean required, int min) {
        Optional<ScalarNode> s = scalar(key, required, "an integer");
        if (s.isEmpty()) return OptionalInt.empty();
        ScalarNode n = s.get();
        if (!n.getTag().equals(Tag.INT)) {
            doc.problem(n, field(key), "expected an integer, got " + describe(n));
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(n.getValue().replace("_", ""));
            if (v < min) {
                doc.problem(n, field(key), "expected an integer >= " + min + ", got " + v);
                return OptionalInt.empty();
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            doc.problem(n, field(key), "expected an integer, got '" + n.getValue() + "'");
            return OptionalInt.empty();
        }
    }

    /**
     * A scalar turned into a value by {@code parser}, whose IllegalArgumentException message
     * becomes the problem. A bare number is handed over as written.
     */
    public <T> Optional<T> parsed(String key, boolean required, String expected, Function<String, T> parser) {
        return scalar(key, required, expected).flatMap(n -> {
            try {
                return Optional.of(parser.apply(n.getValue()));
            } catch (IllegalArgumentException e) {
                doc.problem(n, field(key), e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Whether a field holds a bare number (int or float tag), for fields where a number has a default unit. */
    public boolean isNumber(String key) {
        NodeTuple t = entries.get(key);
        return t != null && t.getValueNode() instanceof ScalarNode s
                && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT));
    }

    public Optional<YamlMap> map(String key, boolean required) {
        return value(key, required).flatMap(n -> of(doc, n, field(key)));
    }

    /** The items of a sequence, each with its path {@code key[i]}. */
    public List<Item> list(String key, boolean required) {
        Optional<Node> v = value(key, required);
        if (v.isEmpty()) return List.of();
        if (!(v.get() instanceof SequenceNode seq)) {
            doc.problem(v.get(), field(key), "expected a list, got " + describe(v.get()));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node n = seq.getValue().get(i);
            String p = field(key) + "[" + i + "]";
            doc.remember(p, n);
            items.add(new Item(doc, n, p));
        }
        return items;
    }

    /** Reports every key that no getter asked for. Call after reading all fields. */
    public void finish() {
        for (var e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                doc.problem(e.getValue().getKeyNode(), field(e.getKey()),
                        "unknown key '" + e.getKey() + "'; expected one of: " + String.join(", ", asked));
            }
        }
    }

    /** One element of a YAML list. */
    public record Item(YamlDocument doc, Node node, String path) {
        public Optional<YamlMap> asMap() {
            return of(doc, node, path);
        }

        /** The element as a plain string (a scalar that is not null). */
        public Optional<String> asString(String expected) {
            if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return Optional.of(s.getValue());
            doc.problem(node, path, "expected " + expected + ", got " + describe(node));
            return Optional.empty();
        }

        public void problem(String message) {
            doc.problem(node, path, message);
        }
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) return "nothing";
            String kind = s.getTag().equals(Tag.INT) ? "integer" : s.getTag().equals(Tag.FLOAT) ? "number"
                    : s.getTag().equals(Tag.BOOL) ? "boolean" : "string";
            return kind + " '" + s.getValue() + "'";
        }
        return "an unsupported value";
    }
}
