package org.iovlab.bench;

import java.util.Map;

/** A benchmark run that failed part-way: the reason, and what was measured before (as JSON-ready data), if anything. */
public final class BenchFailure extends Exception {
    private final transient Map<String, Object> partial;
    private final transient String partialTable;

    BenchFailure(String message, Map<String, Object> partial, String partialTable, Throwable cause) {
        super(message, cause);
        this.partial = partial;
        this.partialTable = partialTable;
    }

    /** The partial results (marked {@code "partial": true}), or null when nothing was measured. */
    public Map<String, Object> partial() {
        return partial;
    }

    public String partialTable() {
        return partialTable;
    }
}
