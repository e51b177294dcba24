package org.iovlab.report;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.bench.Estimate;
import org.iovlab.results.Measurement;

/** Figures 2 (time per placement and axis) and 3 (scaling; compute + pack vs communication wait), with their data tables. */
final class ExecutionFigures {
    private static final List<String> DPS = BandwidthTables.DATAPATHS;

    private ExecutionFigures() {}

    static Figure fig2(AdvectData d) {
        List<Figure.Series> series = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        for (String dp : DPS) {
            List<Figure.Point> pts = new ArrayList<>();
            for (String pl : AdvectData.PAPER_PLACEMENTS) {
                for (String axis : AdvectData.AXES) {
                    PointStats p = d.find(dp, pl, axis, d.fullRanks);
                    if (p != null) pts.add(new Figure.Point(pl + " " + axis, 0, p.estimate("wallSeconds"), p.ids(), p.warned()));
                }
            }
            if (!pts.isEmpty()) series.add(new Figure.Series(Format.dp(dp), pts));
        }
        for (String pl : AdvectData.PAPER_PLACEMENTS) {
            for (String axis : AdvectData.AXES) {
                PointStats n = d.find("native", pl, axis, d.fullRanks), b = d.find("bridged", pl, axis, d.fullRanks),
                        i = d.find("iov", pl, axis, d.fullRanks);
                if (n == null && b == null && i == null) continue;
                List<Cell> cells = new ArrayList<>(List.of(Cell.label(pl), Cell.label(axis), wall(n), wall(b), wall(i)));
                cells.add(b != null && i != null ? Cell.derived(Format.percent(i.mean("wallSeconds") / b.mean("wallSeconds")),
                        PointStats.ids(i, b), PointStats.warned(i, b)) : Cell.label("n/a"));
                cells.add(n != null && i != null ? Cell.derived(Format.percent(n.mean("wallSeconds") / i.mean("wallSeconds")),
                        PointStats.ids(n, i), PointStats.warned(n, i)) : Cell.label("n/a"));
                rows.add(new Table.Row(cells, false));
            }
        }
        Table data = new Table("fig2-data", "Figure 2 data: execution time (s) at " + d.fullRanks + " ranks",
                List.of("placement", "axis", "NATIVE", "BRIDGED", "IOV", "IOV time / BRIDGED", "IOV perf. / NATIVE"), rows,
                List.of("Paper (16 ranks, 512³): inter IOV/BRIDGED ≈ 50%, IOV perf. / NATIVE = 63% (inter), 70% (intra, Section 4)."));
        return new Figure("fig2", "Figure 2. Execution time per placement and decomposition axis (" + d.fullRanks + " ranks, grid "
                + d.anyLabel("grid") + ", " + d.anyLabel("steps") + " steps)", Figure.Kind.GROUPED_BARS, "placement and decomposition axis",
                "execution time (s)", series, Paper.FIG2_SAYS, data, List.of("Bars: mean over repetitions; error bars: 95% CI (Student t)."));
    }

    static Figure fig3a(AdvectData d) {
        List<Figure.Series> series = new ArrayList<>();
        for (String value : List.of("wallSeconds", "computeSeconds")) {
            for (String dp : DPS) {
                List<Figure.Point> pts = new ArrayList<>();
                for (int n : d.scalingRanks()) {
                    PointStats p = d.scaling(dp, n);
                    if (p != null) pts.add(new Figure.Point(Integer.toString(n), n, p.estimate(value), p.ids(), p.warned()));
                }
                if (!pts.isEmpty()) series.add(new Figure.Series((value.equals("wallSeconds") ? "Total " : "Computation ") + Format.dp(dp), pts));
            }
        }
        return new Figure("fig3a", "Figure 3(a). Execution time vs number of ranks (inter placement, decomposition Nx1x1)",
                Figure.Kind.LINES, "number of ranks", "time (s)", series, Paper.FIG3_SAYS, fig3Table(d),
                List.of("Points: mean over repetitions; error bars: 95% CI. Computation: the mean over ranks of each rank's compute time."));
    }

    static Figure fig3b(AdvectData d) {
        List<Figure.Point> work = new ArrayList<>(), comm = new ArrayList<>();
        for (int n : d.scalingRanks()) {
            for (String dp : DPS) {
                PointStats p = d.scaling(dp, n);
                if (p == null) continue;
                String cat = n + "x1x1 " + Format.dp(dp);
                work.add(new Figure.Point(cat, n, sum(p, "computeSeconds", "packSeconds"), p.ids(), p.warned()));
                comm.add(new Figure.Point(cat, n, p.estimate("waitSeconds"), p.ids(), p.warned()));
            }
        }
        List<Figure.Series> series = work.isEmpty() ? List.of()
                : List.of(new Figure.Series("compute + pack", work), new Figure.Series("communication wait", comm));
        return new Figure("fig3b", "Figure 3(b). Execution time breakdown: compute + pack vs communication wait (inter placement)",
                Figure.Kind.STACKED_BARS, "decomposition and data path", "time (s)", series, List.of(
                        "BRIDGED scales negatively as ranks are added, because of communication (the light part); computation stays"
                                + " constant; IOV follows NATIVE's scaling with a constant overhead."),
                fig3Table(d), List.of("Stacked means; the 95% CI of each part is in the data table."));
    }

    private static Table fig3Table(AdvectData d) {
        List<Table.Row> rows = new ArrayList<>();
        for (int n : d.scalingRanks()) {
            for (String dp : DPS) {
                PointStats p = d.scaling(dp, n);
                if (p == null) continue;
                rows.add(new Table.Row(List.of(Cell.label(Integer.toString(n)), Cell.label(Format.dp(dp)), p.cell("wallSeconds", 2),
                        p.cell("computeSeconds", 2), p.cell("packSeconds", 3), p.cell("waitSeconds", 2),
                        Cell.derived(Format.percent(p.mean("waitSeconds") / p.mean("wallSeconds")), p.ids(), p.warned())), false));
            }
        }
        return new Table("fig3-data", "Figure 3 data: time (s) per rank count, inter placement, Nx1x1",
                List.of("ranks", "data path", "total", "compute", "pack", "wait", "wait / total"), rows,
                List.of("compute, pack and wait: the mean over ranks of each rank's total."));
    }

    private static Cell wall(PointStats p) {
        return p == null ? Cell.label("n/a") : p.cell("wallSeconds", 2);
    }

    /** The estimate of a per-repetition sum of values. */
    private static Estimate sum(PointStats p, String a, String b) {
        List<Double> xs = new ArrayList<>();
        for (Measurement m : p.reps()) if (m.values().containsKey(a) && m.values().containsKey(b)) xs.add(m.value(a) + m.value(b));
        return xs.isEmpty() ? null : Estimate.of(xs);
    }
}
