package org.iovlab.report;

import java.util.List;

/** A table of the report: its number/id, title, header, rows (ours and, marked, the paper's), and notes. */
public record Table(String id, String title, List<String> header, List<Row> rows, List<String> notes) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** A row; {@code paper} rows quote the paper and trace to no record. */
    public record Row(List<Cell> cells, boolean paper) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public boolean warned() {
        return rows.stream().flatMap(r -> r.cells().stream()).anyMatch(Cell::warned);
    }
}
