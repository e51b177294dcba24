package org.iovlab.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stream tests over one or more sender→receiver pairs at once (the paper's multi-pair mode):
 * a server process per receiver, an agent process per sender, every pair released at one
 * agreed instant and summed over their common window; repeated until the confidence target;
 * optionally interleaved with iperf3 on the same pairs.
 */
public final class StreamBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamBench() {}

    public record Pair(Endpoint sender, Endpoint receiver) {
        public String label() {
            return sender.node() + "->" + receiver.node();
        }
    }

    /** {@code shapedBytesPerSecond}: the rate the pairs share when shaped, 0 if not shaped. */
    public record Spec(Duration duration, int sendSize, int socketBuffer, Repetitions reps, boolean vsIperf3,
                       double shapedBytesPerSecond, Duration timeout) {}

    public static StreamReport run(List<Pair> pairs, Spec spec, Consumer<String> progress) throws BenchFailure {
        List<StreamReport.Rep> reps = new ArrayList<>();
        List<NodeProcess> started = new ArrayList<>();
        try {
            List<String> targets = new ArrayList<>();
            for (Pair p : pairs) {
                if (p.receiver().external()) {
                    targets.add(p.receiver().address() + ":" + p.receiver().serverPort());
                    continue;
                }
                NodeProcess server = NodeProcess.start("server on " + p.receiver().node(), p.receiver().prefix(),
                        List.of("bench", "server", "--bind", p.receiver().address() + ":0"));
                started.add(server);
                String line = server.readLine(spec.timeout().plusSeconds(10));
                if (!line.startsWith("listening on ")) throw new IOException(server.name() + " said: " + line);
                targets.add(line.substring("listening on ".length()).strip());
            }
            List<NodeProcess> agents = new ArrayList<>();
            for (Pair p : pairs) {
                NodeProcess a = NodeProcess.start("sender on " + p.sender().node(), p.sender().prefix(), List.of("bench", "agent"));
                started.add(a);
                agents.add(a);
                a.readLine(spec.timeout().plusSeconds(10)); // {"ready":true}
            }
            while (true) {
                StreamReport.Rep rep = once(pairs, agents, targets, spec, reps.isEmpty());
                reps.add(rep);
                StreamReport report = StreamReport.of(pairs, spec, reps, false);
                progress.accept(String.format("repetition %d: total %.1f MiB/s, start skew %.0f us%s", reps.size(),
                        rep.totalBytesPerSecond() / (1 << 20), rep.startSkewNanos() / 1e3,
                        rep.iperf3BytesPerSecond() == null ? "" : String.format(", iperf3 total %.1f MiB/s",
                                sum(rep.iperf3BytesPerSecond()) / (1 << 20))));
                if (spec.reps().done(report.total())) return report;
            }
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            StreamReport partial = reps.isEmpty() ? null : StreamReport.of(pairs, spec, reps, true);
            throw new BenchFailure(msg, partial == null ? null : partial.toJson(), partial == null ? null : partial.table(), e);
        } finally {
            started.forEach(NodeProcess::close);
        }
    }

    private static StreamReport.Rep once(List<Pair> pairs, List<NodeProcess> agents, List<String> targets, Spec spec,
                                        boolean firstRep) throws IOException {
        // Agents connect first, then wait for this instant; a fresh agent JVM needs longer to get there.
        long startAt = System.nanoTime() + (firstRep ? 1_500_000_000L : 300_000_000L);
        MachineCpu before = MachineCpu.read();
        for (int i = 0; i < pairs.size(); i++) {
            agents.get(i).send(JSON.writeValueAsString(AgentRequest.stream(targets.get(i), spec.duration().toMillis(),
                    spec.sendSize(), spec.socketBuffer(), startAt, spec.timeout().toMillis())));
        }
        List<StreamSample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Duration wait = spec.duration().plus(spec.timeout()).plusSeconds(5);
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode reply = JSON.readTree(agents.get(i).readLine(wait));
            if (reply.has("error")) errors.add(pairs.get(i).label() + ": " + reply.get("error").asText());
            else samples.add(JSON.treeToValue(reply.get("ok"), StreamSample.class));
        }
        if (!errors.isEmpty()) throw new IOException(String.join("; ", errors));
        double busy = MachineCpu.read().busySince(before);
        MultiStream ms = new MultiStream(samples);
        double[] iperf = spec.vsIperf3() ? iperf3(pairs, spec) : null;
        List<String> warnings = new ArrayList<>(Fidelity.check(samples, busy, ms.totalBytesPerSecond(), spec.shapedBytesPerSecond()));
        if (ms.startSkewNanos() > spec.duration().toNanos() / 50) {
            warnings.add(String.format("senders started up to %.1f ms apart (over 2%% of the test time)", ms.startSkewNanos() / 1e6));
        }
        return new StreamReport.Rep(samples, ms.perStreamBytesPerSecond(), ms.totalBytesPerSecond(), ms.startSkewNanos(),
                ms.overlapped(), busy, iperf, warnings);
    }

    /** iperf3 on the same pairs at the same time (each client unsynchronised, as iperf3 has no barrier). */
    private static double[] iperf3(List<Pair> pairs, Spec spec) throws IOException {
        int base = 20000 + (int) (ProcessHandle.current().pid() % 5000) * 2;
        List<Process> servers = new ArrayList<>();
        try {
            for (int i = 0; i < pairs.size(); i++) {
                servers.add(ExternalTools.iperf3Server(pairs.get(i).receiver().prefix(), pairs.get(i).receiver().address(), base + i));
            }
            sleep(300);
            // One thread per client, so that they really run at the same time (the common pool may have one thread).
            List<java.util.concurrent.FutureTask<Double>> runs = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                int port = base + i;
                var task = new java.util.concurrent.FutureTask<>(() -> ExternalTools.iperf3Stream(p.sender().prefix(),
                        p.receiver().address(), port, spec.duration(), spec.sendSize()));
                runs.add(task);
                Thread.ofPlatform().daemon().name("iovlab-iperf3-" + i).start(task);
            }
            double[] r = new double[pairs.size()];
            for (int i = 0; i < r.length; i++) {
                try {
                    r[i] = runs.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("iperf3 " + pairs.get(i).label() + ": " + e.getCause().getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while iperf3 ran", e);
                }
            }
            return r;
        } finally {
            servers.forEach(Process::destroyForcibly);
        }
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
