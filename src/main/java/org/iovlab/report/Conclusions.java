package org.iovlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.report.SpeedupFigure.Speedup;

/**
 * The conclusions in words, computed from the data: the winner per placement, where IOV starts
 * to beat BRIDGED, how much of each path's time is communication, and whether the paper's
 * findings hold here (and if not, what was measured instead).
 */
final class Conclusions {
    private final AdvectData d;
    private final List<Speedup> speedups;
    private final List<PointStats> all;
    private final int cpus;

    /** @param cpus the measuring machine's CPUs (0: unknown) */
    Conclusions(AdvectData d, List<PointStats> all, int cpus) {
        this.d = d;
        this.all = all;
        this.cpus = cpus;
        this.speedups = SpeedupFigure.speedups(d);
    }

    /** Mean over the axes measured of one value, at full ranks. NaN when none. */
    double meanOverAxes(String dp, String placement, String value) {
        return d.atFullRanks(dp, placement).stream().mapToDouble(p -> p.mean(value)).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (d.isEmpty()) out.add("The solver was not measured in this run: no conclusions on placements.");
        for (String pl : d.placementsAtFullRanks()) out.add(winner(pl));
        out.addAll(findings());
        out.add(commShare());
        bandwidth().ifPresent(out::add);
        long warned = all.stream().flatMap(p -> p.reps().stream()).filter(m -> m.warned()).count();
        if (warned > 0) out.add(Format.WARN + " " + warned + " record(s) carry fidelity warnings; every number built on them is marked "
                + Format.WARN + " and the warnings are listed in the appendix.");
        return out;
    }

    private String winner(String pl) {
        Map<String, Double> wall = new LinkedHashMap<>();
        for (String dp : BandwidthTables.DATAPATHS) {
            double w = meanOverAxes(dp, pl, "wallSeconds");
            if (Double.isFinite(w)) wall.put(dp, w);
        }
        var order = wall.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        if (order.isEmpty()) return pl + ": no execution time recorded.";
        StringBuilder sb = new StringBuilder(pl + " (" + Format.percent(meanOverAxes("iov", pl, "interHostShare")) + " inter-host messages): ");
        sb.append(Format.dp(order.get(0).getKey())).append(" is fastest, ").append(Format.seconds(order.get(0).getValue()));
        for (var e : order.subList(1, order.size())) {
            sb.append("; ").append(Format.dp(e.getKey())).append(' ').append(Format.seconds(e.getValue())).append(" (+")
                    .append(Format.percent(e.getValue() / order.get(0).getValue() - 1)).append(')');
        }
        sb.append(" (mean over the axes measured).");
        if (wall.containsKey("iov") && wall.containsKey("bridged")) {
            boolean iovWins = wall.get("iov") < wall.get("bridged");
            sb.append(" Between the virtual paths ").append(iovWins ? "IOV" : "BRIDGED").append(" wins by ")
                    .append(Format.percent(1 - Math.min(wall.get("iov"), wall.get("bridged")) / Math.max(wall.get("iov"), wall.get("bridged"))))
                    .append(" of the slower one's time").append(significance(pl)).append('.');
        }
        return sb.toString();
    }

    /** Whether BRIDGED's and IOV's 95% intervals are apart on every axis. */
    private String significance(String pl) {
        int apart = 0, n = 0;
        for (String axis : AdvectData.AXES) {
            PointStats b = d.find("bridged", pl, axis, d.fullRanks), i = d.find("iov", pl, axis, d.fullRanks);
            if (b == null || i == null) continue;
            n++;
            var eb = b.estimate("wallSeconds");
            var ei = i.estimate("wallSeconds");
            if (Double.isFinite(eb.halfWidth95()) && Double.isFinite(ei.halfWidth95())
                    && Math.abs(eb.mean() - ei.mean()) > eb.halfWidth95() + ei.halfWidth95()) apart++;
        }
        if (n == 0) return "";
        return apart == n ? ", outside the 95% CIs on every axis" : " (the 95% CIs overlap on " + (n - apart) + " of " + n + " axes)";
    }

    /** "Holds" only when the 95% intervals are apart on every axis; the right direction within noise says so. */
    private String verdict(boolean direction, String pl) {
        if (!direction) return "Does not hold: ";
        return significance(pl).startsWith(",") ? "Holds: " : "Holds in direction only, within the noise: ";
    }

    private List<String> findings() {
        List<String> out = new ArrayList<>();
        double bi = meanOverAxes("bridged", "inter", "wallSeconds"), ii = meanOverAxes("iov", "inter", "wallSeconds"),
                ni = meanOverAxes("native", "inter", "wallSeconds");
        if (Double.isFinite(bi) && Double.isFinite(ii)) {
            boolean holds = ii < bi;
            out.add(verdict(holds, "inter") + "IOV beats BRIDGED for the inter placement (paper: IOV takes about half of"
                    + " BRIDGED's time; here " + Format.percent(ii / bi) + significance("inter") + ")." + (Double.isFinite(ni) ? " IOV reaches "
                    + Format.percent(ni / ii) + " of NATIVE's performance (paper: 63%)." : "")
                    + (!holds ? " Measured reason: " + reason("inter") : verdict(true, "inter").startsWith("Holds:") ? "" : oversubscribed()));
        }
        double ba = meanOverAxes("bridged", "intra", "wallSeconds"), ia = meanOverAxes("iov", "intra", "wallSeconds");
        if (Double.isFinite(ba) && Double.isFinite(ia)) {
            boolean holds = ba < ia;
            out.add(verdict(holds, "intra") + "BRIDGED is the better choice for the intra placement (here BRIDGED takes "
                    + Format.percent(ba / ia) + " of IOV's time" + significance("intra") + ")."
                    + (!holds ? " Measured reason: " + reason("intra") : verdict(true, "intra").startsWith("Holds:") ? "" : oversubscribed()));
        }
        if (!speedups.isEmpty()) {
            Crossover c = SpeedupFigure.crossover(speedups, null);
            double at50 = interpolate(0.5);
            String s = "Figure 4: " + c.describe() + " (paper: BRIDGED better below ~20%).";
            if (Double.isFinite(at50)) s += " At 50% inter-host messages IOV's speedup is " + Format.number(at50, 2) + "× (paper: ≥ 1.40×): "
                    + (at50 >= 1.4 ? "holds." : "does not hold here.");
            out.add(s);
        }
        double cmin = Double.POSITIVE_INFINITY, cmax = 0;
        for (String dp : BandwidthTables.DATAPATHS) {
            double c = meanOverAxes(dp, "inter", "computeSeconds");
            if (Double.isFinite(c)) {
                cmin = Math.min(cmin, c);
                cmax = Math.max(cmax, c);
            }
        }
        if (cmax > 0 && Double.isFinite(cmin)) out.add((cmax / cmin <= 1.05 ? "Holds: " : "Does not hold: ")
                + "compute time is the same on all data paths (inter placement: spread " + Format.percent(cmax / cmin - 1)
                + " between the fastest and slowest path; paper: ≈ 1-2%).");
        return out;
    }

    /** What differs between BRIDGED and IOV on a placement: compute and wait, and the messages that cross each kind of link. */
    private String reason(String pl) {
        double wb = meanOverAxes("bridged", pl, "waitSeconds"), wi = meanOverAxes("iov", pl, "waitSeconds");
        double cb = meanOverAxes("bridged", pl, "computeSeconds"), ci = meanOverAxes("iov", pl, "computeSeconds");
        return "communication wait is " + Format.seconds(wi) + " on IOV vs " + Format.seconds(wb) + " on BRIDGED, compute "
                + Format.seconds(ci) + " vs " + Format.seconds(cb) + ", with " + Format.number(meanOverAxes("iov", pl, "interHostMessages"), 0)
                + " inter-host and " + Format.number(meanOverAxes("iov", pl, "interVmMessages"), 0)
                + " inter-VM (same host) messages per step: the emulated IOV path's cost per message between VMs "
                + (pl.equals("intra") ? "of one host is not higher than the bridge's here" : "across hosts is not lower than the bridge's here")
                + ", unlike the paper's hardware." + oversubscribed();
    }

    /** Why waits may not follow the wire: more ranks than CPUs (the paper had a core per rank). */
    private String oversubscribed() {
        if (cpus <= 0 || d.fullRanks <= cpus) return "";
        return " This run had " + d.fullRanks + " ranks on " + cpus + " CPUs: a rank waiting for a halo also waits for its"
                + " neighbour to get a CPU (a large message's rendezvous needs both scheduled), a cost no data path changes, which"
                + " can hide the paths' difference; that difference shows in the stream tables, where the CPUs are not the limit.";
    }

    /** The pooled speedup at a share, linear between the neighbouring measured shares; NaN outside them. */
    private double interpolate(double share) {
        List<double[]> xy = speedups.stream().map(s -> new double[] {s.share(), s.speedup().mean()})
                .sorted(Comparator.comparingDouble(p -> p[0])).toList();
        for (int i = 1; i < xy.size(); i++) {
            double[] a = xy.get(i - 1), b = xy.get(i);
            if (a[0] <= share && share <= b[0]) return b[0] == a[0] ? (a[1] + b[1]) / 2 : a[1] + (share - a[0]) * (b[1] - a[1]) / (b[0] - a[0]);
        }
        return Double.NaN;
    }

    private String commShare() {
        if (d.isEmpty()) return "Communication share: not measured.";
        StringBuilder sb = new StringBuilder("Communication (wait / total time, mean over axes at " + d.fullRanks + " ranks):");
        for (String dp : BandwidthTables.DATAPATHS) {
            List<String> parts = new ArrayList<>();
            for (String pl : d.placementsAtFullRanks()) {
                double s = meanOverAxes(dp, pl, "waitSeconds") / meanOverAxes(dp, pl, "wallSeconds");
                if (Double.isFinite(s)) parts.add(pl + " " + Format.percent(s));
            }
            if (!parts.isEmpty()) sb.append(' ').append(Format.dp(dp)).append(": ").append(String.join(", ", parts)).append(';');
        }
        sb.setCharAt(sb.length() - 1, '.');
        return sb.toString();
    }

    private java.util.Optional<String> bandwidth() {
        Map<String, Double> t = new LinkedHashMap<>();
        for (PointStats p : all) if (p.kind().equals("stream")) t.put(p.datapath(), p.mean("totalMiBps"));
        if (!t.containsKey("iov") || !t.containsKey("bridged")) return java.util.Optional.empty();
        String s = "Table 1: BRIDGED reaches " + Format.percent(t.get("bridged") / t.get("iov")) + " of IOV's total stream bandwidth (paper: 67%)";
        if (t.containsKey("native")) s += ", IOV " + Format.percent(t.get("iov") / t.get("native")) + " of NATIVE's (paper: 78%)";
        return java.util.Optional.of(s + ".");
    }

    /** Table 3: the communication share per data path and placement. */
    Table commTable() {
        List<String> placements = d.placementsAtFullRanks();
        List<String> header = new ArrayList<>(List.of("data path"));
        placements.forEach(p -> header.add(p + " (" + Format.percent(meanOverAxes("iov", p, "interHostShare")) + " inter-host)"));
        List<Table.Row> rows = new ArrayList<>();
        for (String dp : BandwidthTables.DATAPATHS) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.label(Format.dp(dp))));
            for (String pl : placements) {
                List<PointStats> ps = d.atFullRanks(dp, pl);
                double s = meanOverAxes(dp, pl, "waitSeconds") / meanOverAxes(dp, pl, "wallSeconds");
                cells.add(ps.isEmpty() ? Cell.label("n/a") : Cell.derived(Format.percent(s), PointStats.ids(ps.toArray(PointStats[]::new)),
                        PointStats.warned(ps.toArray(PointStats[]::new))));
            }
            rows.add(new Table.Row(cells, false));
        }
        return new Table("table3", "Table 3. Share of execution time spent waiting for communication (wait / total), "
                + d.fullRanks + " ranks, mean over axes", header, rows, List.of("Paper: not tabulated; Fig. 3(b) shows it for the inter placement."));
    }
}
