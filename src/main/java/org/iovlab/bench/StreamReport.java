package org.iovlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every repetition of a stream test over its pairs, with estimates per pair and in total. */
public record StreamReport(List<String> pairs, StreamBench.Spec spec, List<Rep> reps, boolean partial) {

    /** One repetition: all pairs at once. Rates in bytes per second over the common window. */
    public record Rep(List<StreamSample> samples, double[] perPairBytesPerSecond, double totalBytesPerSecond,
                      long startSkewNanos, boolean overlapped, double machineBusy, double[] iperf3BytesPerSecond,
                      List<String> warnings) {}

    static StreamReport of(List<StreamBench.Pair> pairs, StreamBench.Spec spec, List<Rep> reps, boolean partial) {
        return new StreamReport(pairs.stream().map(StreamBench.Pair::label).toList(), spec, List.copyOf(reps), partial);
    }

    private Estimate estimate(ToDoubleFunction<Rep> f) {
        List<Double> v = new ArrayList<>();
        for (Rep r : reps) v.add(f.applyAsDouble(r));
        return Estimate.of(v);
    }

    public Estimate total() {
        return estimate(Rep::totalBytesPerSecond);
    }

    public Estimate pair(int i) {
        return estimate(r -> r.perPairBytesPerSecond()[i]);
    }

    public boolean hasIperf3() {
        return !reps.isEmpty() && reps.get(0).iperf3BytesPerSecond() != null;
    }

    public Estimate iperf3Pair(int i) {
        return estimate(r -> r.iperf3BytesPerSecond()[i]);
    }

    public Estimate iperf3Total() {
        return estimate(r -> StreamBench.sum(r.iperf3BytesPerSecond()));
    }

    public long maxStartSkewNanos() {
        return reps.stream().mapToLong(Rep::startSkewNanos).max().orElse(0);
    }

    public boolean allOverlapped() {
        return reps.stream().allMatch(Rep::overlapped);
    }

    public List<String> warnings() {
        LinkedHashSet<String> w = new LinkedHashSet<>();
        reps.forEach(r -> w.addAll(r.warnings()));
        if (!reps.isEmpty() && !spec.reps().converged(total())) {
            w.add(String.format("confidence target not met: ±%.1f%% after %d repetitions (target ±%.1f%%)",
                    100 * total().relativeHalfWidth(), reps.size(), 100 * spec.reps().targetRelative()));
        }
        return List.copyOf(w);
    }

    /** The paper's Table 1 shape: MiB/s per pair and in total; iperf3 and the ratio beside when run. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-22s %12s %9s", "PAIR", "MiB/s", "±95%"));
        if (hasIperf3()) b.append(String.format(" %12s %9s", "iperf3 MiB/s", "RATIO"));
        b.append('\n');
        for (int i = 0; i < pairs.size(); i++) row(b, pairs.get(i), pair(i), hasIperf3() ? iperf3Pair(i) : null);
        if (pairs.size() > 1) row(b, "total", total(), hasIperf3() ? iperf3Total() : null);
        b.append(String.format("%d repetitions of %d s; start skew at most %.0f us; pairs overlapped: %s%s%n", reps.size(),
                spec.duration().toSeconds(), maxStartSkewNanos() / 1e3, allOverlapped() ? "yes" : "NO", partial ? "; PARTIAL" : ""));
        StreamSample s = reps.get(reps.size() - 1).samples().get(0);
        b.append(String.format("CPU of the first pair (last repetition): sender %.0f%% of a core, %.3f us/KiB; receiver %.0f%%, %.3f us/KiB%n",
                100 * s.senderCpuShare(), s.senderServiceDemandUsPerKiB(), 100 * s.receiverCpuShare(), s.receiverServiceDemandUsPerKiB()));
        for (String w : warnings()) b.append("warning: ").append(w).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Estimate e, Estimate iperf) {
        double mib = 1 << 20;
        b.append(String.format("%-22s %12.1f %8.1f%%", label, e.mean() / mib, 100 * e.relativeHalfWidthOrZero()));
        if (iperf != null) b.append(String.format(" %12.1f %9.3f", iperf.mean() / mib, e.mean() / iperf.mean()));
        b.append('\n');
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", "stream");
        m.put("partial", partial);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("durationSeconds", spec.duration().toMillis() / 1e3);
        cfg.put("sendSize", spec.sendSize());
        cfg.put("socketBuffer", spec.socketBuffer());
        cfg.put("minReps", spec.reps().min());
        cfg.put("maxReps", spec.reps().max());
        cfg.put("confidenceTarget", spec.reps().targetRelative());
        cfg.put("vsIperf3", spec.vsIperf3());
        m.put("config", cfg);
        m.put("pairs", pairs);
        if (!reps.isEmpty()) {
            m.put("totalMiBps", summary(total()));
            List<Object> per = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("pair", pairs.get(i));
                p.put("MiBps", summary(pair(i)));
                if (hasIperf3()) {
                    p.put("iperf3MiBps", summary(iperf3Pair(i)));
                    p.put("ratioToIperf3", pair(i).mean() / iperf3Pair(i).mean());
                }
                per.add(p);
            }
            m.put("perPair", per);
            m.put("maxStartSkewMicros", maxStartSkewNanos() / 1e3);
            m.put("overlapped", allOverlapped());
        }
        m.put("warnings", warnings());
        m.put("repetitions", reps);
        return m;
    }

    private static Map<String, Object> summary(Estimate e) {
        Map<String, Object> s = new LinkedHashMap<>();
        double mib = 1 << 20;
        s.put("mean", e.mean() / mib);
        s.put("ci95", Double.isNaN(e.halfWidth95()) ? null : e.halfWidth95() / mib);
        s.put("n", e.n());
        s.put("samples", e.samples().stream().map(x -> x / mib).toList());
        return s;
    }
}
