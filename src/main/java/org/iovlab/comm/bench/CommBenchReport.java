package org.iovlab.comm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines {@code round=R RESULT label=L bytes=B iters=N halfRttUs=T MBps=M bestUs=B} written by
 * bench/comm/run.sh and prints the medians per variant, then each bar of issue 4 as a ratio taken
 * within each round (variants of one round ran back to back) and summarised over the rounds.
 */
public final class CommBenchReport {
    private static final Pattern LINE = Pattern.compile(
            "round=(\\d+) RESULT label=(\\S+) bytes=(\\d+) iters=\\d+ halfRttUs=([0-9.]+) MBps=([0-9.]+) bestUs=([0-9.]+)");
    static final int SMALL = 8, MEDIUM = 64 * 1024, LARGE = 1024 * 1024;
    static final List<String> ORDER = List.of("c-tcp", "c-vader", "shm", "tcp", "mpi-tcp", "mpi-vader");

    /** One bar: {@code variant / baseline} of half-RTT (at most {@code limit}) or of bandwidth (at least). */
    record Bar(String variant, String baseline, int bytes, boolean latency, double limit) {
        String text() {
            return String.format(Locale.ROOT, "%-9s %-7s %s / %-7s", variant, size(bytes), latency ? "half-RTT " : "bandwidth", baseline);
        }
    }

    static final List<Bar> BARS = List.of(
            new Bar("tcp", "c-tcp", SMALL, true, 1.2),
            new Bar("tcp", "c-tcp", LARGE, false, 0.9),
            new Bar("shm", "c-vader", LARGE, false, 0.8),
            new Bar("mpi-tcp", "c-tcp", SMALL, true, 1.3),
            new Bar("mpi-tcp", "c-tcp", LARGE, false, 1 / 1.3),
            new Bar("mpi-vader", "c-vader", SMALL, true, 1.3),
            new Bar("mpi-vader", "c-vader", LARGE, false, 1 / 1.3));

    private CommBenchReport() {}

    public static void main(String[] args) throws IOException {
        // round -> label -> bytes -> {median half-RTT µs, best half-RTT µs}
        Map<Integer, Map<String, Map<Integer, double[]>>> data = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) continue;
            data.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>())
                    .computeIfAbsent(m.group(2), k -> new TreeMap<>())
                    .put(Integer.parseInt(m.group(3)), new double[]{Double.parseDouble(m.group(4)), Double.parseDouble(m.group(6))});
        }
        System.out.println(report(data));
    }

    static String report(Map<Integer, Map<String, Map<Integer, double[]>>> data) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "comm ping-pong, %d rounds; half round trip in µs, median over rounds of each run's"
                + " median trial (and of its best trial)%n", data.size()));
        b.append(String.format(Locale.ROOT, "%-10s %18s %18s %18s %12s%n", "variant", "8 B", "64 KiB", "1 MiB", "1 MiB MB/s"));
        for (String label : ORDER) {
            if (median(data, label, LARGE, 0).isEmpty() && median(data, label, SMALL, 0).isEmpty()) continue;
            b.append(String.format(Locale.ROOT, "%-10s %18s %18s %18s %12s%n", label, pair(data, label, SMALL), pair(data, label, MEDIUM),
                    pair(data, label, LARGE), median(data, label, LARGE, 0).map(us -> String.format(Locale.ROOT, "%.0f", LARGE / us)).orElse("-")));
        }
        bars(b, data, 0, "median trials");
        bars(b, data, 1, "best trials (the noise of a shared machine only adds time)");
        return b.toString();
    }

    private static String pair(Map<Integer, Map<String, Map<Integer, double[]>>> data, String label, int bytes) {
        return fmt(median(data, label, bytes, 0), 2) + " (" + fmt(median(data, label, bytes, 1), 2) + ")";
    }

    /** Each bar as a ratio within each round, summarised over rounds; bandwidth ratios are inverse time ratios. */
    private static void bars(StringBuilder b, Map<Integer, Map<String, Map<Integer, double[]>>> data, int field, String what) {
        b.append(String.format(Locale.ROOT, "%nbars from %s (ratio per round: median [min..max])%n", what));
        for (Bar bar : BARS) {
            List<Double> ratios = new ArrayList<>();
            for (var round : data.values()) {
                double[] v = get(round, bar.variant(), bar.bytes()), base = get(round, bar.baseline(), bar.bytes());
                if (v == null || base == null) continue;
                ratios.add(bar.latency() ? v[field] / base[field] : base[field] / v[field]);
            }
            if (ratios.isEmpty()) {
                b.append(String.format(Locale.ROOT, "%s   not measured%n", bar.text()));
                continue;
            }
            double med = median(ratios);
            boolean ok = bar.latency() ? med <= bar.limit() : med >= bar.limit();
            b.append(String.format(Locale.ROOT, "%s = %6.2f [%5.2f..%5.2f]  %s %.2f  %s%n", bar.text(), med,
                    ratios.stream().min(Double::compare).orElseThrow(), ratios.stream().max(Double::compare).orElseThrow(),
                    bar.latency() ? "<=" : ">=", bar.limit(), ok ? "PASS" : "FAIL"));
        }
    }

    private static double[] get(Map<String, Map<Integer, double[]>> round, String label, int bytes) {
        Map<Integer, double[]> m = round.get(label);
        return m == null ? null : m.get(bytes);
    }

    private static Optional<Double> median(Map<Integer, Map<String, Map<Integer, double[]>>> data, String label, int bytes, int field) {
        List<Double> v = new ArrayList<>();
        for (var round : data.values()) {
            double[] x = get(round, label, bytes);
            if (x != null) v.add(x[field]);
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(median(v));
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String fmt(Optional<Double> v, int digits) {
        return v.map(x -> String.format(Locale.ROOT, "%." + digits + "f", x)).orElse("-");
    }

    static String size(int bytes) {
        return bytes >= 1 << 20 ? bytes / (1 << 20) + " MiB" : bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
