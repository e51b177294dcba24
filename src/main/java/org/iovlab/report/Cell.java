package org.iovlab.report;

import java.util.List;

import org.iovlab.bench.Estimate;

/**
 * One table cell: its text, and for a measured number the estimate behind it and the ids of
 * the records it came from (empty for labels and the paper's numbers), and whether any of
 * those records carries a fidelity warning.
 */
public record Cell(String text, Estimate estimate, List<String> recordIds, boolean warned) {

    public Cell {
        recordIds = List.copyOf(recordIds);
    }

    public static Cell label(String text) {
        return new Cell(text, null, List.of(), false);
    }

    /** A number from the paper: no records behind it. */
    public static Cell paper(double value, int decimals) {
        return label(Format.number(value, decimals));
    }

    public static Cell empty() {
        return label("");
    }

    /** A measured estimate: mean, and ± the 95% half-width when there are repetitions. */
    public static Cell measured(Estimate e, int decimals, List<String> ids, boolean warned) {
        return new Cell(Format.estimate(e, decimals), e, ids, warned);
    }

    /** A number derived from records (a ratio, a percentage) that still traces back to them. */
    public static Cell derived(String text, List<String> ids, boolean warned) {
        return new Cell(text, null, ids, warned);
    }

    public boolean traced() {
        return !recordIds.isEmpty();
    }
}
