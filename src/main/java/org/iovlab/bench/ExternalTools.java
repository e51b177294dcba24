package org.iovlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * iperf3 and sockperf, run on the same endpoints as iovlab's own tests so that the two can be
 * compared in one run. Each command may be prefixed (e.g. to enter a namespace); arguments are
 * passed as vectors, never through a shell.
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** Starts a one-connection iperf3 server on {@code host:port}. */
    public static Process iperf3Server(List<String> prefix, String host, int port) throws IOException {
        return start(prefix, List.of("iperf3", "-s", "-1", "-B", host, "-p", String.valueOf(port)));
    }

    /** One iperf3 TCP stream; returns the receiver's bytes per second. */
    public static double iperf3Stream(List<String> prefix, String host, int port, Duration d, int sendSize) throws IOException {
        String json = run(prefix, List.of("iperf3", "-c", host, "-p", String.valueOf(port), "-t", seconds(d),
                "-l", String.valueOf(sendSize), "-J"), d.plusSeconds(15));
        JsonNode root = new ObjectMapper().readTree(json);
        if (root.has("error")) throw new IOException("iperf3: " + root.get("error").asText());
        JsonNode bps = root.path("end").path("sum_received").path("bits_per_second");
        if (!bps.isNumber()) throw new IOException("iperf3 printed no received rate: " + abbreviate(json));
        return bps.asDouble() / 8;
    }

    public static Process sockperfServer(List<String> prefix, String host, int port) throws IOException {
        return start(prefix, List.of("sockperf", "server", "--tcp", "-i", host, "-p", String.valueOf(port)));
    }

    private static final Pattern PERCENTILE = Pattern.compile("percentile 50\\.000 =\\s*([0-9.]+)");

    /**
     * sockperf TCP ping-pong; returns the median round-trip time in microseconds. Messages are at least 14 bytes.
     * sockperf (3.7) then makes one blocking recvfrom and one sendto per message on each side, with TCP_NODELAY,
     * and takes its percentiles over the run after its warm-up: the same pattern as iovlab rr.
     */
    public static double sockperfMedianRttUs(List<String> prefix, String host, int port, Duration d, int size) throws IOException {
        String out = run(prefix, List.of("sockperf", "ping-pong", "--tcp", "--full-rtt", "-i", host, "-p", String.valueOf(port),
                "-t", seconds(d), "-m", String.valueOf(Math.max(14, size))), d.plusSeconds(15));
        Matcher m = PERCENTILE.matcher(out);
        if (!m.find()) throw new IOException("sockperf printed no median: " + abbreviate(out));
        return Double.parseDouble(m.group(1));
    }

    private static String seconds(Duration d) {
        return String.valueOf(Math.max(1, Math.round(d.toMillis() / 1000.0)));
    }

    static Process start(List<String> prefix, List<String> argv) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(argv);
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + argv.get(0) + " (is it installed? scripts/setup.sh installs it): " + e.getMessage(), e);
        }
    }

    static String run(List<String> prefix, List<String> argv, Duration limit) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(argv);
        java.nio.file.Path log = java.nio.file.Files.createTempFile("iovlab-" + argv.get(0), ".out");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            java.nio.file.Files.deleteIfExists(log);
            throw new IOException("cannot start " + argv.get(0) + " (is it installed? scripts/setup.sh installs it): " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv.get(0) + " did not finish within " + limit.toSeconds() + " s");
            }
            String text = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !(argv.get(0).equals("iperf3") && text.contains("\"error\""))) {
                throw new IOException(argv.get(0) + " failed (exit " + p.exitValue() + "): " + abbreviate(text));
            }
            return text;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }
}
