package org.iovlab.results;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.Problem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields out of one JSON object, noting a {@link Problem} (file, line, field)
 * for each one missing or of the wrong type instead of failing on the first.
 */
final class JsonFields {
    private final JsonNode obj;
    private final String source;
    private final int line;
    private final List<Problem> problems;

    JsonFields(JsonNode obj, String source, int line, List<Problem> problems) {
        this.obj = obj;
        this.source = source;
        this.line = line;
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(new Problem(source, line, 0, field, message));
    }

    private JsonNode required(String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            problem(field, "missing");
            return null;
        }
        return n;
    }

    String text(String field) {
        JsonNode n = required(field);
        if (n == null) return null;
        if (!n.isTextual()) problem(field, "expected a string, found " + n.getNodeType().toString().toLowerCase());
        return n.isTextual() ? n.asText() : null;
    }

    /** An optional string: "" when absent. */
    String optionalText(String field) {
        JsonNode n = obj.get(field);
        return n == null || n.isNull() ? "" : text(field);
    }

    Integer integer(String field) {
        JsonNode n = required(field);
        if (n == null) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            problem(field, "expected an integer, found " + n);
            return null;
        }
        return n.asInt();
    }

    Double number(String field) {
        JsonNode n = required(field);
        if (n == null) return null;
        if (!n.isNumber()) {
            problem(field, "expected a number, found " + n);
            return null;
        }
        return n.asDouble();
    }

    Boolean bool(String field) {
        JsonNode n = required(field);
        if (n == null) return null;
        if (!n.isBoolean()) {
            problem(field, "expected true or false, found " + n);
            return null;
        }
        return n.asBoolean();
    }

    Instant instant(String field) {
        String s = text(field);
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            problem(field, "expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, found '" + s + "'");
            return null;
        }
    }

    Map<String, String> stringMap(String field) {
        if (absent(field)) return Map.of();
        JsonNode n = optionalObject(field);
        if (n == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        for (var e : n.properties()) {
            if (!e.getValue().isTextual()) {
                problem(field + "." + e.getKey(), "expected a string, found " + e.getValue());
                return null;
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    Map<String, Double> numberMap(String field) {
        if (absent(field)) return Map.of();
        JsonNode n = optionalObject(field);
        if (n == null) return null;
        Map<String, Double> m = new LinkedHashMap<>();
        for (var e : n.properties()) {
            if (!e.getValue().isNumber()) {
                problem(field + "." + e.getKey(), "expected a number, found " + e.getValue());
                return null;
            }
            m.put(e.getKey(), e.getValue().asDouble());
        }
        return m;
    }

    List<String> stringList(String field) {
        if (absent(field)) return List.of();
        JsonNode n = optionalArray(field);
        if (n == null) return null;
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                problem(field + "[" + i + "]", "expected a string, found " + n.get(i));
                return null;
            }
            l.add(n.get(i).asText());
        }
        return l;
    }

    /** The elements of an optional array of objects, each as its own JsonFields-readable node. */
    List<JsonNode> objects(String field) {
        if (absent(field)) return List.of();
        JsonNode n = optionalArray(field);
        if (n == null) return null;
        List<JsonNode> l = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isObject()) {
                problem(field + "[" + i + "]", "expected an object, found " + n.get(i));
                return null;
            }
            l.add(n.get(i));
        }
        return l;
    }

    JsonFields nested(JsonNode child) {
        return new JsonFields(child, source, line, problems);
    }

    private boolean absent(String field) {
        JsonNode n = obj.get(field);
        return n == null || n.isNull();
    }

    private JsonNode optionalObject(String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) {
            problem(field, "expected an object, found " + n.getNodeType().toString().toLowerCase());
            return null;
        }
        return n;
    }

    private JsonNode optionalArray(String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) {
            problem(field, "expected an array, found " + n.getNodeType().toString().toLowerCase());
            return null;
        }
        return n;
    }
}
