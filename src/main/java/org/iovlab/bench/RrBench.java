package org.iovlab.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request/response tests (netperf TCP_RR) over one pair, repeated, optionally interleaved with sockperf ping-pong. */
public final class RrBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RrBench() {}

    public record Spec(Duration duration, int requestSize, int responseSize, Repetitions reps, boolean vsSockperf, Duration timeout) {}

    /** One repetition; {@code sockperfMedianRttUs} is NaN when sockperf was not run. */
    public record Rep(RrSummary result, double sockperfMedianRttUs) {}

    public record Report(String pair, Spec spec, List<Rep> reps, boolean partial) {
        private Estimate estimate(ToDoubleFunction<Rep> f) {
            List<Double> v = new ArrayList<>();
            reps.forEach(r -> v.add(f.applyAsDouble(r)));
            return Estimate.of(v);
        }

        public Estimate medianRttUs() {
            return estimate(r -> r.result().p50Us());
        }

        public Estimate transactionsPerSecond() {
            return estimate(r -> r.result().transactionsPerSecond());
        }

        public Estimate sockperfMedianRttUs() {
            return estimate(Rep::sockperfMedianRttUs);
        }

        public boolean hasSockperf() {
            return !reps.isEmpty() && !Double.isNaN(reps.get(0).sockperfMedianRttUs());
        }

        /** All repetitions' latencies in one histogram. */
        public Histogram merged() {
            Histogram h = new Histogram(60_000_000_000L, 3);
            reps.forEach(r -> h.add(r.result().decodeHistogram()));
            return h;
        }

        public String table() {
            Histogram h = merged();
            StringBuilder b = new StringBuilder();
            Estimate p50 = medianRttUs(), tps = transactionsPerSecond();
            b.append(String.format("%s, %d B request / %d B response, %d repetitions of %d s%s%n", pair, spec.requestSize(),
                    spec.responseSize(), reps.size(), spec.duration().toSeconds(), partial ? ", PARTIAL" : ""));
            b.append(String.format("transactions/s %12.0f ±%.1f%%%n", tps.mean(), 100 * tps.relativeHalfWidthOrZero()));
            b.append(String.format("round trip us   p50 %.2f (±%.1f%% over repetitions)  p90 %.2f  p99 %.2f  max %.2f%n", p50.mean(),
                    100 * p50.relativeHalfWidthOrZero(), h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3));
            if (hasSockperf()) {
                Estimate sp = sockperfMedianRttUs();
                b.append(String.format("sockperf p50 round trip %.2f us; iovlab/sockperf = %.3f%n", sp.mean(), p50.mean() / sp.mean()));
            }
            b.append(histogram(h));
            return b.toString();
        }

        private static String histogram(Histogram h) {
            StringBuilder b = new StringBuilder("latency histogram (round trip):\n");
            long total = h.getTotalCount();
            if (total == 0) return b.toString();
            double[] edges = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, Double.MAX_VALUE};
            double lo = 0;
            for (double hi : edges) {
                long n = h.getCountBetweenValues((long) (lo * 1000), (long) Math.min(Long.MAX_VALUE / 2, hi * 1000) - 1);
                if (n > 0) {
                    String label = hi == Double.MAX_VALUE ? String.format(">= %.0f us", lo) : String.format("%.0f-%.0f us", lo, hi);
                    int bar = (int) Math.round(40.0 * n / total);
                    b.append(String.format("  %-14s %6.2f%% %s%n", label, 100.0 * n / total, "#".repeat(bar)));
                }
                lo = hi;
            }
            return b.toString();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", "rr");
            m.put("partial", partial);
            m.put("pair", pair);
            m.put("config", Map.of("durationSeconds", spec.duration().toMillis() / 1e3, "requestSize", spec.requestSize(),
                    "responseSize", spec.responseSize(), "vsSockperf", spec.vsSockperf()));
            if (!reps.isEmpty()) {
                Histogram h = merged();
                m.put("transactionsPerSecond", transactionsPerSecond().mean());
                m.put("p50Us", medianRttUs().mean());
                m.put("p50Ci95Us", medianRttUs().halfWidth95());
                m.put("p99Us", h.getValueAtPercentile(99) / 1e3);
                m.put("maxUs", h.getMaxValue() / 1e3);
                if (hasSockperf()) {
                    m.put("sockperfP50Us", sockperfMedianRttUs().mean());
                    m.put("ratioToSockperf", medianRttUs().mean() / sockperfMedianRttUs().mean());
                }
            }
            m.put("repetitions", reps);
            return m;
        }
    }

    public static Report run(StreamBench.Pair pair, Spec spec, Consumer<String> progress) throws BenchFailure {
        List<Rep> reps = new ArrayList<>();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String target = pair.receiver().address() + ":" + pair.receiver().serverPort();
            if (!pair.receiver().external()) {
                NodeProcess server = NodeProcess.start("server on " + pair.receiver().node(), pair.receiver().prefix(),
                        List.of("bench", "server", "--bind", pair.receiver().address() + ":0"));
                started.add(server);
                String line = server.readLine(spec.timeout().plusSeconds(10));
                if (!line.startsWith("listening on ")) throw new IOException(server.name() + " said: " + line);
                target = line.substring("listening on ".length()).strip();
            }
            NodeProcess agent = NodeProcess.start("client on " + pair.sender().node(), pair.sender().prefix(), List.of("bench", "agent"));
            started.add(agent);
            agent.readLine(spec.timeout().plusSeconds(10));
            int sockperfPort = 21000 + (int) (ProcessHandle.current().pid() % 4000);
            if (spec.vsSockperf()) {
                Process sp = ExternalTools.sockperfServer(pair.receiver().prefix(), pair.receiver().address(), sockperfPort);
                started.add(sp::destroyForcibly);
                Thread.sleep(300);
            }
            while (true) {
                agent.send(JSON.writeValueAsString(AgentRequest.rr(target, spec.duration().toMillis(), spec.requestSize(),
                        spec.responseSize(), spec.timeout().toMillis())));
                JsonNode reply = JSON.readTree(agent.readLine(spec.duration().plus(spec.timeout()).plusSeconds(5)));
                if (reply.has("error")) throw new IOException(pair.label() + ": " + reply.get("error").asText());
                RrSummary r = JSON.treeToValue(reply.get("ok"), RrSummary.class);
                double sp = spec.vsSockperf() ? ExternalTools.sockperfMedianRttUs(pair.sender().prefix(),
                        pair.receiver().address(), sockperfPort, spec.duration(), spec.requestSize()) : Double.NaN;
                reps.add(new Rep(r, sp));
                progress.accept(String.format("repetition %d: p50 %.2f us, %.0f transactions/s%s", reps.size(), r.p50Us(),
                        r.transactionsPerSecond(), Double.isNaN(sp) ? "" : String.format(", sockperf p50 %.2f us", sp)));
                Report report = new Report(pair.label(), spec, reps, false);
                if (spec.reps().done(report.medianRttUs())) return report;
            }
        } catch (IOException | RuntimeException e) {
            Report partial = reps.isEmpty() ? null : new Report(pair.label(), spec, reps, true);
            throw new BenchFailure(e.getMessage() == null ? e.toString() : e.getMessage(),
                    partial == null ? null : partial.toJson(), partial == null ? null : partial.table(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", null, null, e);
        } finally {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort: the processes die with us anyway
                }
            }
        }
    }
}
