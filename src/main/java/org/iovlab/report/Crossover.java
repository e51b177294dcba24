package org.iovlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the speedup of IOV over BRIDGED crosses 1 as the share of inter-host messages grows.
 * Points at the same share are averaged; the crossing is found by linear interpolation between
 * the neighbouring measured shares around the highest share at which IOV does not win, so that
 * IOV wins at every measured share above it.
 *
 * @param outcome   ALWAYS (IOV wins at every share measured), NEVER (at none), AT (above {@code share}),
 *                  ONLY_BELOW (IOV wins somewhere but not at the highest share measured), or NONE (no points)
 * @param share     the interpolated share (0..1) for AT, else NaN
 * @param crossings how many times the speedup crosses 1 along the shares (more than 1: not monotonic)
 */
public record Crossover(Outcome outcome, double share, int crossings) {

    public enum Outcome { ALWAYS, NEVER, AT, ONLY_BELOW, NONE }

    /** {@code points}: share (0..1) to speedup, any order, shares may repeat. */
    public static Crossover of(List<double[]> points) {
        Map<Double, double[]> sums = new TreeMap<>();
        for (double[] p : points) {
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
            double[] s = sums.computeIfAbsent(p[0], k -> new double[2]);
            s[0] += p[1];
            s[1]++;
        }
        if (sums.isEmpty()) return new Crossover(Outcome.NONE, Double.NaN, 0);
        List<double[]> xy = new ArrayList<>();
        sums.forEach((x, s) -> xy.add(new double[] {x, s[0] / s[1]}));
        int crossings = 0;
        for (int i = 1; i < xy.size(); i++) if (wins(xy.get(i)) != wins(xy.get(i - 1))) crossings++;
        int lastLoss = -1;
        for (int i = 0; i < xy.size(); i++) if (!wins(xy.get(i))) lastLoss = i;
        if (lastLoss < 0) return new Crossover(Outcome.ALWAYS, Double.NaN, crossings);
        if (lastLoss == xy.size() - 1) {
            boolean anyWin = xy.stream().anyMatch(Crossover::wins);
            return new Crossover(anyWin ? Outcome.ONLY_BELOW : Outcome.NEVER, Double.NaN, crossings);
        }
        double[] a = xy.get(lastLoss), b = xy.get(lastLoss + 1);
        double share = a[0] + (1 - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
        return new Crossover(Outcome.AT, share, crossings);
    }

    private static boolean wins(double[] p) {
        return p[1] > 1;
    }

    /** In words, e.g. "IOV beats BRIDGED above 23% inter-host messages". */
    public String describe() {
        String s = switch (outcome) {
            case ALWAYS -> "IOV wins at every share measured";
            case NEVER -> "IOV never wins at the shares measured";
            case AT -> "IOV beats BRIDGED above " + Format.percent(share) + " inter-host messages";
            case ONLY_BELOW -> "IOV wins at some shares but not at the highest one measured";
            case NONE -> "not measured";
        };
        return crossings > 1 ? s + " (the speedup crosses 1 " + crossings + " times: not monotonic in the share)" : s;
    }
}
