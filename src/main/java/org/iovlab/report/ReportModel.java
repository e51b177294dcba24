package org.iovlab.report;

import java.util.List;

import org.iovlab.results.Measurement;
import org.iovlab.results.RunInfo;

/**
 * Everything the report says, before any rendering: the run, the tables (the paper's rows
 * beside ours), the figures, the conclusions in words, what was planned but not measured, and
 * every record (the appendix every number links to).
 */
public record ReportModel(RunInfo info, List<Table> tables, List<Figure> figures, List<String> conclusions, List<String> notMeasured,
        List<Measurement> records) {

    public ReportModel {
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        conclusions = List.copyOf(conclusions);
        notMeasured = List.copyOf(notMeasured);
        records = List.copyOf(records);
    }

    public boolean anyWarned() {
        return records.stream().anyMatch(Measurement::warned);
    }
}
