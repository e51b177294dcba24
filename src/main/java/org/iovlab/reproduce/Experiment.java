package org.iovlab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.placement.Dims;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;

/**
 * What one {@code iovlab reproduce} run measures, as plain data: the scenario and profile, the
 * solver's size, how many repetitions, and every point (one measurement, repeated) on every data
 * path. Figures share points: Fig. 2 is the paper's three placements along X, Y and Z at the
 * full rank count; Fig. 4 adds the {@code crossings:K} placements in between (along X); Fig. 3
 * adds the inter placement at smaller rank counts (2, 4, ...) along X.
 *
 * @param ranks the full rank count (the scenario's)
 * @param streamSeconds how long each multi-pair stream repetition lasts
 * @param dilation how much slower than the profile the emulated network runs (see {@link Dilation})
 */
public record Experiment(Scenario scenario, String profile, boolean quick, int reps, Dims grid, int steps, int ranks,
                         int streamSeconds, Dilation dilation, List<DataPath> datapaths, List<Point> points) {

    public Experiment {
        if (reps < 1) throw new IllegalArgumentException("need at least one repetition, got " + reps);
        if (steps < 1) throw new IllegalArgumentException("need at least one time step, got " + steps);
        datapaths = List.copyOf(datapaths);
        points = List.copyOf(points);
    }

    /** The default experiment on {@code scenario} (resolved); {@code reps}, {@code grid}, {@code steps} may be null. */
    public static Experiment of(Scenario scenario, String profile, boolean quick, Integer reps, Dims grid, Integer steps,
                                Dilation dilation) {
        int ranks = scenario.defaultRanks();
        boolean big = ranks > 8;
        // Thin along X, wide across: X planes (the paper's 1-D case) are large messages, as the
        // paper's 2 MiB planes of 512^3 over 16 ranks were; Y and Z planes are smaller.
        Dims g = grid != null ? grid : big ? new Dims(64, 512, 512) : quick ? new Dims(32, 192, 192) : new Dims(32, 256, 256);
        int t = steps != null ? steps : quick ? 30 : 40;
        int r = reps != null ? reps : quick ? 1 : 2;
        List<DataPath> dps = List.of(DataPath.NATIVE, DataPath.BRIDGED, DataPath.IOV);
        List<String> placements = List.of("inter", "intra", "hybrid");
        // Every share of inter-host messages the paper's three do not give (1 is intra, P-1 inter),
        // along X only: enough points for Fig. 4's curve in the time the default run has.
        List<String> crossings = new ArrayList<>();
        if (!quick) {
            int hybridCrossings = hybridCrossings(ranks, scenario);
            for (int k = 2; k < ranks - 1; k++) if (k != hybridCrossings) crossings.add("crossings:" + k);
        }
        List<Integer> scaling = new ArrayList<>();
        for (int n = 2; n < ranks; n *= 2) scaling.add(n);
        List<Point> points = new ArrayList<>();
        for (DataPath dp : dps) points.add(Point.stream(dp));
        for (String placement : placements) {
            for (Dims d : List.of(new Dims(ranks, 1, 1), new Dims(1, ranks, 1), new Dims(1, 1, ranks))) {
                for (DataPath dp : dps) points.add(Point.advect(dp, placement, d));
            }
        }
        for (String placement : crossings) {
            for (DataPath dp : dps) points.add(Point.advect(dp, placement, new Dims(ranks, 1, 1)));
        }
        for (int n : scaling) {
            for (DataPath dp : dps) points.add(Point.advect(dp, "inter", new Dims(n, 1, 1)));
        }
        return new Experiment(scenario, profile, quick, r, g, t, ranks, quick ? 1 : 2, dilation, dps, points);
    }

    /** How many host changes the hybrid placement's rank chain has (its point is already there). */
    private static int hybridCrossings(int ranks, Scenario s) {
        var p = org.iovlab.placement.Placer.place(s, ranks, org.iovlab.placement.PlacementSpec.parse("hybrid"));
        int k = 0;
        for (int r = 1; r < ranks; r++) if (!p.host(r).equals(p.host(r - 1))) k++;
        return k;
    }

    /** The labels every advect record of this experiment shares. */
    public Map<String, String> solverLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grid", grid.toString());
        m.put("steps", Integer.toString(steps));
        m.put("scheme", "upwind");
        m.put("comm", "tcp");
        m.put("kernel", "scalar");
        m.put("dilation", dilation.label());
        return m;
    }
}
