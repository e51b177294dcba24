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
 * Reads the lines {@code round=R RESULT label=L bytes=B iters=N halfRttUs=T MBps=M} written by
 * bench/comm/run.sh and prints the medians per variant, then each bar of issue 4 as a ratio taken
 * within each round (variants of one round ran back to back) and summarised over the rounds.
 */
public final class CommBenchReport {
    private static final Pattern LINE = Pattern.compile(
            "round=(\\d+) RESULT label=(\\S+) bytes=(\\d+) iters=\\d+ halfRttUs=([0-9.]+) MBps=([0-9.]+)");
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
        // round -> label -> bytes -> {halfRttUs, MBps}
        Map<Integer, Map<String, Map<Integer, double[]>>> data = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) continue;
            data.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>())
                    .computeIfAbsent(m.group(2), k -> new TreeMap<>())
                    .put(Integer.parseInt(m.group(3)), new double[]{Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))});
        }
        System.out.println(report(data));
    }

    static String report(Map<Integer, Map<String, Map<Integer, double[]>>> data) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "comm ping-pong, %d rounds; per variant the median over rounds (each a median of trials)%n", data.size()));
        b.append(String.format(Locale.ROOT, "%-10s %12s %12s %14s %14s %14s%n", "variant", "8 B µs", "64 KiB µs", "64 KiB MB/s", "1 MiB µs", "1 MiB MB/s"));
        for (String label : ORDER) {
            Optional<Double> l8 = median(data, label, SMALL, 0), l64 = median(data, label, MEDIUM, 0), l1m = median(data, label, LARGE, 0);
            if (l8.isEmpty() && l1m.isEmpty()) continue;
            b.append(String.format(Locale.ROOT, "%-10s %12s %12s %14s %14s %14s%n", label, fmt(l8, 3), fmt(l64, 1),
                    fmt(median(data, label, MEDIUM, 1), 0), fmt(l1m, 1), fmt(median(data, label, LARGE, 1), 0)));
        }
        b.append(String.format(Locale.ROOT, "%nbars (ratio per round: median [min..max])%n"));
        for (Bar bar : BARS) {
            List<Double> ratios = new ArrayList<>();
            for (var round : data.values()) {
                double[] v = get(round, bar.variant(), bar.bytes()), base = get(round, bar.baseline(), bar.bytes());
                if (v == null || base == null) continue;
                ratios.add(bar.latency() ? v[0] / base[0] : v[1] / base[1]);
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
        return b.toString();
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
