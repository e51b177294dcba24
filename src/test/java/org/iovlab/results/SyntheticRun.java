package org.iovlab.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Plausible records of a run on the {@code local} scenario (2 hosts x 2 VMs, 8 ranks): the
 * multi-pair streams and iperf3 per data path, the solver under six placements along X, Y, Z
 * and the scaling series 2, 4, 8 ranks. Times follow a simple cost model: BRIDGED pays most per
 * inter-host message, IOV pays most per message between VMs of one host, so IOV wins for
 * "inter" and BRIDGED for "intra", as in the paper. Deterministic (seeded noise).
 */
public final class SyntheticRun {
    public static final List<String> DATAPATHS = List.of("native", "bridged", "iov");
    public static final List<String> AXES = List.of("X", "Y", "Z");
    /** placement -> {interHost, interVm, intraVm} messages per step, for 8 ranks in a line (7 messages). */
    public static final Map<String, int[]> PLACEMENTS = new LinkedHashMap<>();

    static {
        PLACEMENTS.put("inter", new int[] {7, 0, 0});
        PLACEMENTS.put("intra", new int[] {1, 2, 4});
        PLACEMENTS.put("hybrid", new int[] {3, 2, 2});
        PLACEMENTS.put("round-robin", new int[] {5, 2, 0});
        PLACEMENTS.put("block", new int[] {1, 6, 0});
        PLACEMENTS.put("hybrid:2", new int[] {2, 3, 2});
    }

    private SyntheticRun() {}

    public static RunInfo info(int reps) {
        return new RunInfo("local", "xen-2010", true, reps, Instant.parse("2024-05-01T12:00:00Z"), "test", "abc1234",
                Map.of("cores", 2, "os", "Linux"), 1250.0, planned());
    }

    public static List<PlannedPoint> planned() {
        return all(1).stream().map(m -> new PlannedPoint(m.point(), m.kind(), m.datapath(), m.labels())).toList();
    }

    /** A results directory with every planned point measured {@code reps} times, except where {@code skip} says. */
    public static ResultsDir write(Path dir, int reps, Predicate<Measurement> skip) {
        ResultsDir rd = ResultsDir.create(dir, info(reps));
        for (int rep = 1; rep <= reps; rep++) {
            for (Measurement m : all(rep)) if (!skip.test(m)) rd.append(m);
        }
        return rd;
    }

    public static ResultsDir write(Path dir, int reps) {
        return write(dir, reps, m -> false);
    }

    /** Every point's record for one repetition. */
    public static List<Measurement> all(int rep) {
        Random noise = new Random(rep * 7919L);
        List<Measurement> out = new ArrayList<>();
        Map<String, double[]> pairRates = Map.of("native", new double[] {900}, "bridged", new double[] {180, 200},
                "iov", new double[] {300, 310});
        for (String kind : List.of("stream", "iperf3")) {
            for (String dp : DATAPATHS) {
                double[] r = pairRates.get(dp);
                List<PairRate> pairs = new ArrayList<>();
                double total = 0;
                for (int i = 0; i < r.length; i++) {
                    double v = r[i] * (kind.equals("iperf3") ? 1.2 : 1) * (1 + 0.03 * noise.nextGaussian());
                    pairs.add(dp.equals("native") ? new PairRate("host0", "host1", v) : new PairRate("node" + (i + 1), "node" + (i + 3), v));
                    total += v;
                }
                List<String> warnings = kind.equals("stream") && dp.equals("bridged") && rep == 1
                        ? List.of("sender CPU-bound: 98% busy") : List.of();
                out.add(Measurement.of(kind + "-" + dp, rep, kind, dp, Map.of("pairs", "cross"), Map.of("totalMiBps", total), pairs,
                        warnings, JsonNodeFactory.instance.objectNode().put("tool", kind), Instant.parse("2024-05-01T12:01:00Z")));
            }
        }
        for (String dp : DATAPATHS) {
            for (var e : PLACEMENTS.entrySet()) {
                for (String axis : AXES) out.add(advect(dp, e.getKey(), axis, 8, e.getValue(), rep, noise));
            }
            for (int n : new int[] {2, 4}) out.add(advect(dp, "inter", "X", n, new int[] {n - 1, 0, 0}, rep, noise));
        }
        return out;
    }

    private static Measurement advect(String dp, String placement, String axis, int ranks, int[] msgs, int rep, Random noise) {
        int[] m = dp.equals("native") ? new int[] {msgs[0], 0, msgs[1] + msgs[2]} : msgs;
        double perHost = switch (dp) { case "native" -> 0.02; case "bridged" -> 0.09; default -> 0.035; };
        double perVm = dp.equals("iov") ? 0.08 : 0.03;
        double compute = 16.0 / ranks * (1 + 0.01 * noise.nextGaussian());
        double pack = 0.1 * (ranks - 1) / 7.0;
        double wait = (m[0] * perHost + m[1] * perVm + m[2] * 0.002) * (axis.equals("X") ? 1 : 1.1) * 20 * (1 + 0.03 * noise.nextGaussian());
        int total = m[0] + m[1] + m[2];
        String decomp = switch (axis) { case "X" -> ranks + "x1x1"; case "Y" -> "1x" + ranks + "x1"; default -> "1x1x" + ranks; };
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("placement", placement);
        labels.put("decomp", decomp);
        labels.put("axis", axis);
        labels.put("ranks", Integer.toString(ranks));
        labels.put("grid", "128x64x64");
        labels.put("steps", "40");
        labels.put("scheme", "upwind");
        labels.put("comm", "tcp");
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("wallSeconds", compute + pack + wait);
        values.put("computeSeconds", compute);
        values.put("packSeconds", pack);
        values.put("waitSeconds", wait);
        values.put("interHostShare", total == 0 ? 0 : (double) m[0] / total);
        values.put("interHostMessages", (double) m[0]);
        values.put("interVmMessages", (double) m[1]);
        values.put("intraVmMessages", (double) m[2]);
        values.put("messagesPerStep", (double) total);
        String point = "advect-" + dp + "-" + placement.replace(':', '_') + "-" + decomp;
        return Measurement.of(point, rep, "advect", dp, labels, values, List.of(), List.of(), null, Instant.parse("2024-05-01T12:02:00Z"));
    }
}
