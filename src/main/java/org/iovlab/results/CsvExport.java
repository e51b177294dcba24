package org.iovlab.results;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flat CSV (RFC 4180) of records of one kind: id, point, rep, datapath, every label, every value
 * (columns in order of first appearance), the per-pair rates, the warnings joined by "; ", the time.
 */
public final class CsvExport {
    private CsvExport() {}

    public static String csv(List<Measurement> ms) {
        Set<String> labels = new LinkedHashSet<>(), values = new LinkedHashSet<>();
        for (Measurement m : ms) {
            labels.addAll(m.labels().keySet());
            values.addAll(m.values().keySet());
        }
        boolean pairs = ms.stream().anyMatch(m -> !m.perPair().isEmpty());
        StringBuilder sb = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(List.of("id", "point", "rep", "datapath"));
        header.addAll(labels);
        header.addAll(values);
        if (pairs) header.add("perPairMiBps");
        header.add("warnings");
        header.add("time");
        row(sb, header);
        for (Measurement m : ms) {
            List<String> cells = new java.util.ArrayList<>(List.of(m.id(), m.point(), Integer.toString(m.rep()), m.datapath()));
            for (String l : labels) cells.add(m.label(l));
            for (String v : values) cells.add(m.values().containsKey(v) ? Double.toString(m.values().get(v)) : "");
            if (pairs) cells.add(m.perPair().stream().map(p -> p.name() + "=" + p.mibps()).collect(Collectors.joining("; ")));
            cells.add(String.join("; ", m.warnings()));
            cells.add(m.time().toString());
            row(sb, cells);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0)
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            else sb.append(c);
        }
        sb.append("\r\n");
    }
}
