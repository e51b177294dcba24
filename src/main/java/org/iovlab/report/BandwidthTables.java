package org.iovlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.iovlab.bench.Estimate;
import org.iovlab.results.Measurement;
import org.iovlab.results.PairRate;

/**
 * Tables 1 and 2: the multi-pair stream ("stream", the paper's netperf) and iperf3 rates per
 * pair, their total, the share of NATIVE's total and of the line rate; ours, then the paper's.
 */
final class BandwidthTables {
    static final List<String> DATAPATHS = List.of("native", "bridged", "iov");

    private BandwidthTables() {}

    static Table table(String kind, List<PointStats> points, double lineRateMiBps) {
        boolean iperf = kind.equals("iperf3");
        String id = iperf ? "table2" : "table1";
        String title = iperf ? "Table 2. Bandwidth (MiB/s) with iperf3 (paper: iperf TCP, 1 process per pair)"
                : "Table 1. Bandwidth (MiB/s) of the multi-pair TCP stream (paper: netperf TCP_STREAM)";
        List<PointStats> ours = new ArrayList<>();
        for (String dp : DATAPATHS)
            points.stream().filter(p -> p.kind().equals(kind) && p.datapath().equals(dp)).findFirst().ifPresent(ours::add);
        List<Paper.Row> paper = Paper.TABLES.get(kind);
        int pairs = Math.max(4, ours.stream().mapToInt(BandwidthTables::pairCount).max().orElse(0));
        List<String> header = new ArrayList<>(List.of("data path", "source"));
        for (int i = 1; i <= pairs; i++) header.add("pair " + i);
        header.addAll(List.of("total", "% of NATIVE", "% of line rate"));

        PointStats ourNative = ours.stream().filter(p -> p.datapath().equals("native")).findFirst().orElse(null);
        List<Table.Row> rows = new ArrayList<>();
        for (PointStats p : ours) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.label(Format.dp(p.datapath())), Cell.label("iovlab")));
            for (int i = 0; i < pairs; i++) cells.add(pairCell(p, i));
            cells.add(p.cell("totalMiBps", 1));
            double total = p.mean("totalMiBps");
            cells.add(ourNative == null ? Cell.label("n/a")
                    : Cell.derived(Format.percent(total / ourNative.mean("totalMiBps")), PointStats.ids(p, ourNative),
                            PointStats.warned(p, ourNative)));
            cells.add(lineRateMiBps > 0 ? Cell.derived(Format.percent(total / lineRateMiBps), p.ids(), p.warned()) : Cell.label("n/a"));
            rows.add(new Table.Row(cells, false));
        }
        double paperNative = paper.get(0).total();
        for (Paper.Row r : paper) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.label(Format.dp(r.datapath())), Cell.label("paper")));
            for (int i = 0; i < pairs; i++) cells.add(i < r.pairs().size() ? Cell.paper(r.pairs().get(i), 2) : Cell.empty());
            cells.add(Cell.paper(r.total(), 2));
            cells.add(Cell.label(Format.percent(r.total() / paperNative)));
            cells.add(Cell.label(Format.percent(r.total() / Paper.LINE_RATE_MIBPS)));
            rows.add(new Table.Row(cells, true));
        }
        List<String> notes = new ArrayList<>();
        for (PointStats p : ours) notes.add("iovlab " + Format.dp(p.datapath()) + " pairs: " + String.join(", ", pairNames(p)) + ".");
        notes.add("Paper pairs: node1→node5 … node4→node8 (4 VMs per host); NATIVE is one host-to-host stream. "
                + "Line rate: ours " + Format.number(lineRateMiBps, 0) + " MiB/s, paper 1250 MiB/s (10GbE).");
        notes.add("Paper says: " + String.join(" ", iperf ? Paper.TABLE2_SAYS : Paper.TABLE1_SAYS));
        if (ours.isEmpty()) notes.add("Not measured: no " + kind + " records in this run.");
        return new Table(id, title, header, rows, notes);
    }

    private static int pairCount(PointStats p) {
        return p.reps().stream().mapToInt(m -> m.perPair().size()).max().orElse(0);
    }

    private static Cell pairCell(PointStats p, int i) {
        List<Double> xs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean warned = false;
        for (Measurement m : p.reps()) {
            if (m.perPair().size() <= i) continue;
            xs.add(m.perPair().get(i).mibps());
            ids.add(m.id());
            warned |= m.warned();
        }
        return xs.isEmpty() ? Cell.empty() : Cell.measured(Estimate.of(xs), 1, ids, warned);
    }

    private static List<String> pairNames(PointStats p) {
        Set<String> names = new LinkedHashSet<>();
        for (Measurement m : p.reps()) for (PairRate r : m.perPair()) names.add(r.from() + "→" + r.to());
        return new ArrayList<>(names);
    }
}
