package org.iovlab.report;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.results.RunInfo;

/**
 * report.txt and the terminal: the same tables as the page (figures as their data tables),
 * aligned, paper rows marked "paper", warned numbers marked {@value Format#WARN}; then the
 * conclusions and what was not measured.
 */
final class TextReport {
    private TextReport() {}

    static String render(ReportModel m) {
        StringBuilder sb = new StringBuilder();
        RunInfo i = m.info();
        sb.append("iovlab report: scenario ").append(i.scenario()).append(i.quick() ? " (quick)" : "")
                .append(i.profile().isEmpty() ? "" : ", profile " + i.profile()).append(", ").append(i.reps()).append(" reps, ")
                .append(m.records().size()).append(" records, started ").append(i.startedAt()).append('\n');
        for (Table t : m.tables()) table(sb, t);
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Figure f : m.figures()) {
            sb.append('\n').append(f.title()).append(f.warned() ? " " + Format.WARN : "").append('\n');
            if (f.isEmpty()) sb.append("  not measured: no records for this figure.\n");
            for (String s : f.paperSays()) sb.append("  paper: ").append(s).append('\n');
            for (String n : f.notes()) sb.append("  ").append(n).append('\n');
            if (!f.data().rows().isEmpty() && shown.add(f.data().id())) table(sb, f.data());
        }
        sb.append("\nConclusions\n");
        for (String c : m.conclusions()) sb.append("  - ").append(c).append('\n');
        if (m.notMeasured().isEmpty()) sb.append("\nEvery planned point was measured.\n");
        else {
            sb.append("\nNot measured (").append(m.notMeasured().size()).append(" points):\n");
            for (String s : m.notMeasured()) sb.append("  not measured: ").append(s).append('\n');
        }
        if (m.anyWarned()) sb.append("\n").append(Format.WARN).append(" = built on records with fidelity warnings (listed in report.html).\n");
        return sb.toString();
    }

    static void table(StringBuilder sb, Table t) {
        sb.append('\n').append(t.title()).append(t.warned() ? " " + Format.WARN : "").append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(t.header());
        for (Table.Row r : t.rows()) rows.add(r.cells().stream().map(c -> c.text() + (c.warned() ? " " + Format.WARN : "")).toList());
        int cols = t.header().size();
        int[] w = new int[cols];
        for (List<String> r : rows) for (int c = 0; c < cols && c < r.size(); c++) w[c] = Math.max(w[c], r.get(c).length());
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                String s = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                boolean right = r > 0 && c >= 2 || r > 0 && !s.isEmpty() && Character.isDigit(s.charAt(0));
                line.append(right ? " ".repeat(w[c] - s.length()) + s : s + " ".repeat(w[c] - s.length())).append(c + 1 < cols ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) sb.append("  ").append("-".repeat(line.toString().stripTrailing().length() - 2)).append('\n');
        }
        for (String n : t.notes()) sb.append("  ").append(n).append('\n');
    }
}
