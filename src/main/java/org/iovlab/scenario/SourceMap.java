package org.iovlab.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a configuration came from (dotted path such as {@code vms[2].host} to
 * line and column), so that checks made after parsing still point at the right line.
 */
public final class SourceMap {
    private record Position(int line, int column) {}

    private final String source;
    private final Map<String, Position> positions = new HashMap<>();

    public SourceMap(String source) {
        this.source = source;
    }

    /** For data that did not come from a file (built in code, or a command-line option). */
    public static SourceMap none(String source) {
        return new SourceMap(source);
    }

    public String source() {
        return source;
    }

    public void put(String field, int line, int column) {
        positions.put(field, new Position(line, column));
    }

    /** A problem at {@code field}, or at its closest enclosing field that has a position. */
    public Problem problem(String field, String message) {
        for (String f = field; ; f = parent(f)) {
            Position p = positions.get(f);
            if (p != null) return new Problem(source, p.line(), p.column(), field, message);
            if (f.isEmpty()) return new Problem(source, 0, 0, field, message);
        }
    }

    private static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }
}
