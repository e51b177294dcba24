package org.iovlab.scenario;

/**
 * One thing wrong with a piece of configuration: where it is (source, 1-based line and
 * column, dotted field path) and what was expected. Line 0 means "no position known".
 */
public record Problem(String source, int line, int column, String field, String message) {

    public Problem {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message");
        field = field == null ? "" : field;
    }

    /** {@code file.yaml:12:5: vms[2].host: unknown host 'host9' (hosts: host0, host1)}. */
    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
