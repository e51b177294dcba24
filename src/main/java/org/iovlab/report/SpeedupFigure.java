package org.iovlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iovlab.bench.Estimate;

/**
 * Figure 4: the speedup of IOV over BRIDGED (BRIDGED's time / IOV's time) against the share of
 * inter-host messages, one series per decomposition axis, over every placement measured at the
 * full rank count; and where it crosses 1.
 */
final class SpeedupFigure {
    private SpeedupFigure() {}

    /** One placement and axis with both BRIDGED and IOV measured. */
    record Speedup(String axis, String placement, double share, Estimate speedup, PointStats bridged, PointStats iov) {
        List<String> ids() {
            return PointStats.ids(bridged, iov);
        }

        boolean warned() {
            return PointStats.warned(bridged, iov);
        }
    }

    static List<Speedup> speedups(AdvectData d) {
        List<Speedup> out = new ArrayList<>();
        for (String axis : AdvectData.AXES) {
            for (String pl : d.placementsAtFullRanks()) {
                PointStats b = d.find("bridged", pl, axis, d.fullRanks), i = d.find("iov", pl, axis, d.fullRanks);
                if (b == null || i == null || b.estimate("wallSeconds") == null || i.estimate("wallSeconds") == null) continue;
                double share = Double.isFinite(i.mean("interHostShare")) ? i.mean("interHostShare") : b.mean("interHostShare");
                out.add(new Speedup(axis, pl, share, PointStats.ratio(b.estimate("wallSeconds"), i.estimate("wallSeconds")), b, i));
            }
        }
        out.sort(Comparator.comparing(Speedup::axis).thenComparingDouble(Speedup::share));
        return out;
    }

    static Crossover crossover(List<Speedup> s, String axis) {
        return Crossover.of(s.stream().filter(x -> axis == null || x.axis().equals(axis))
                .map(x -> new double[] {x.share(), x.speedup().mean()}).toList());
    }

    static Figure fig4(AdvectData d) {
        List<Speedup> all = speedups(d);
        List<Figure.Series> series = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String axis : AdvectData.AXES) {
            List<Speedup> s = all.stream().filter(x -> x.axis().equals(axis)).toList();
            if (s.isEmpty()) continue;
            series.add(new Figure.Series("axis " + axis, s.stream()
                    .map(x -> new Figure.Point(x.placement(), 100 * x.share(), x.speedup(), x.ids(), x.warned())).toList()));
            for (Speedup x : s) {
                rows.add(new Table.Row(List.of(Cell.label(axis), Cell.label(x.placement()),
                        Cell.derived(Format.percent(x.share()), x.iov().ids(), x.iov().warned()), x.bridged().cell("wallSeconds", 2),
                        x.iov().cell("wallSeconds", 2), Cell.measured(x.speedup(), 2, x.ids(), x.warned())), false));
            }
            notes.add("Axis " + axis + ": " + crossover(all, axis).describe() + ".");
        }
        if (!all.isEmpty()) notes.add("All axes pooled: " + crossover(all, null).describe() + ". Paper: BRIDGED better below ~20%.");
        notes.add("Speedup = BRIDGED time / IOV time (> 1: IOV faster); error bars: 95% CI of the ratio (first-order, from both"
                + " means' CIs). Crossover: linear interpolation between the neighbouring measured shares.");
        Table data = new Table("fig4-data", "Figure 4 data: speedup of IOV over BRIDGED at " + d.fullRanks + " ranks",
                List.of("axis", "placement", "inter-host share", "BRIDGED (s)", "IOV (s)", "speedup"), rows, List.of());
        return new Figure("fig4", "Figure 4. Speedup of IOV over BRIDGED vs share of inter-host messages (" + d.fullRanks + " ranks)",
                Figure.Kind.RATIO_LINES, "inter-host messages (% of all messages per step)", "speedup of IOV over BRIDGED (×)", series,
                Paper.FIG4_SAYS, data, notes);
    }
}
