package org.iovlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iovlab.bench.BenchAgent;
import org.iovlab.bench.BenchFailure;
import org.iovlab.bench.BenchServer;
import org.iovlab.bench.Endpoint;
import org.iovlab.bench.Endpoints;
import org.iovlab.bench.PairMode;
import org.iovlab.launch.Launcher;
import org.iovlab.testbed.TestbedState;
import org.iovlab.bench.Repetitions;
import org.iovlab.bench.RrBench;
import org.iovlab.bench.StreamBench;
import org.iovlab.bench.StreamReport;
import org.iovlab.scenario.ByteSize;
import org.iovlab.scenario.ConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab bench server|stream|rr}: netperf-style micro-benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Network micro-benchmarks: stream throughput and request/response latency.",
        subcommands = {BenchCommand.Server.class, BenchCommand.Agent.class, BenchCommand.Stream.class, BenchCommand.Rr.class})
final class BenchCommand {

    @Command(name = "server", mixinStandardHelpOptions = true, description = "Serve benchmark clients until killed.")
    static final class Server implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--bind", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:5299",
                description = "Address to listen on (port 0: any free port). Default: ${DEFAULT-VALUE}.")
        String bind;

        @Override
        public Integer call() throws Exception {
            InetSocketAddress a = parse("--bind", bind, true);
            PrintWriter out = spec.commandLine().getOut();
            try (BenchServer s = BenchServer.start(a, line -> spec.commandLine().getErr().println("bench server: " + line))) {
                out.println("listening on " + a.getHostString() + ":" + s.port());
                out.flush();
                s.awaitClose();
            } catch (java.net.BindException e) {
                throw new RunFailedException("cannot listen on " + bind + ": " + e.getMessage());
            }
            return Main.OK;
        }
    }

    @Command(name = "agent", hidden = true, description = "Run benchmark clients on request (used by iovlab itself).")
    static final class Agent implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            BenchAgent.serve(System.in, System.out);
            return Main.OK;
        }
    }

    /** Options every test shares. */
    static final class Common {
        @Option(names = "--to", paramLabel = "HOST:PORT",
                description = "A running `iovlab bench server` (repeat for several pairs). Default: loopback, server started here.")
        List<String> to = new ArrayList<>();
        @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "5", description = "Seconds per repetition. Default: ${DEFAULT-VALUE}.")
        int seconds;
        @Option(names = "--min-reps", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.") int minReps;
        @Option(names = "--max-reps", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.") int maxReps;
        @Option(names = "--confidence", paramLabel = "PERCENT", defaultValue = "2.5",
                description = "Repeat until the 95%% confidence interval is within ±PERCENT of the mean. Default: ${DEFAULT-VALUE}.")
        double confidence;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Connect and answer timeout. Default: ${DEFAULT-VALUE}.")
        int timeout;
        @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON (atomically; partial results on failure).")
        Path json;
        @Option(names = "--testbed", paramLabel = "ID",
                description = "Run between the nodes of a live testbed instance (`iovlab testbed up`): VMs, or hosts on native.")
        String testbed;

        @Option(names = "--between", paramLabel = "CLIENT,SERVER", split = ",",
                description = "With --testbed: one pair of nodes, e.g. node1,node3 (the client sends).")
        List<String> between;

        /** The pair named by --between. */
        StreamBench.Pair betweenPair() {
            if (between == null || between.size() != 2) {
                throw new ConfigException("--between", "between", "name the client and server nodes: --between node1,node3");
            }
            List<PairMode.Placed> nodes = testbedEndpoints();
            return new StreamBench.Pair(node(nodes, between.get(0)), node(nodes, between.get(1)));
        }

        /** The testbed's endpoints (VMs, or hosts on NATIVE) with the argv prefix that enters each. */
        List<PairMode.Placed> testbedEndpoints() {
            TestbedState st = TestbedCommand.failing(() -> TestbedState.load(new TestbedCommand.InstanceOption().parse(testbed)));
            return st.endpoints().stream().map(n -> new PairMode.Placed(
                    new Endpoint(n.name(), Launcher.argvPrefix(n), n.address().toString()), n.host())).toList();
        }

        Repetitions reps() {
            try {
                return new Repetitions(minReps, maxReps, confidence / 100);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--min-reps", "reps", e.getMessage());
            }
        }

        void check() {
            if (seconds < 1) throw new ConfigException("--duration", "duration", "must be at least 1 second, got " + seconds);
            if (timeout < 1) throw new ConfigException("--timeout", "timeout", "must be at least 1 second, got " + timeout);
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true,
            description = "TCP stream throughput (netperf TCP_STREAM), measured at the receiver, all pairs at once.")
    static final class Stream implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Common common;
        @Option(names = "--send-size", paramLabel = "SIZE", defaultValue = "128KiB", description = "Bytes per write. Default: ${DEFAULT-VALUE}.")
        String sendSize;
        @Option(names = "--socket-buffer", paramLabel = "SIZE", description = "Sender socket buffer (SO_SNDBUF). Default: the kernel's.")
        String socketBuffer;
        @Option(names = "--streams", defaultValue = "1", description = "Parallel streams on loopback. Default: ${DEFAULT-VALUE}.")
        int streams;
        @Option(names = "--vs-iperf3", description = "Run iperf3 on the same pairs, interleaved, and print the ratio.")
        boolean vsIperf3;
        @Option(names = "--pairs", paramLabel = "MODE", defaultValue = "cross",
                description = "With --testbed: cross (node1->node5, node2->node6, ... as the paper), same-host or all-to-all. Default: ${DEFAULT-VALUE}.")
        String pairMode;

        @Override
        public Integer call() {
            common.check();
            int send = (int) size("--send-size", sendSize, 1, 64 << 20);
            int sndbuf = socketBuffer == null ? 0 : (int) size("--socket-buffer", socketBuffer, 4096, 1 << 30);
            if (streams < 1) throw new ConfigException("--streams", "streams", "must be at least 1, got " + streams);
            List<StreamBench.Pair> pairs = new ArrayList<>();
            if (common.testbed != null) {
                if (!common.to.isEmpty()) throw new ConfigException("--to", "to", "give either --to or --testbed, not both");
                try {
                    if (common.between != null) pairs.add(common.betweenPair());
                    else pairs.addAll(PairMode.parse(pairMode).pairs(common.testbedEndpoints()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--pairs", "pairs", e.getMessage());
                }
            } else if (common.to.isEmpty()) {
                for (int i = 0; i < streams; i++) pairs.add(new StreamBench.Pair(Endpoint.local("local" + i), Endpoint.local("loopback")));
            } else {
                for (String t : common.to) pairs.add(new StreamBench.Pair(Endpoint.local("here"), remote(t)));
            }
            var s = new StreamBench.Spec(Duration.ofSeconds(common.seconds), send, sndbuf, common.reps(), vsIperf3, 0,
                    Duration.ofSeconds(common.timeout));
            PrintWriter err = spec.commandLine().getErr();
            try {
                StreamReport r = StreamBench.run(pairs, s, line -> err.println("bench stream: " + line));
                spec.commandLine().getOut().print(r.table());
                if (common.json != null) Results.writeJson(common.json, r.toJson());
                return Main.OK;
            } catch (BenchFailure f) {
                throw failed("bench stream", f, common.json);
            }
        }
    }

    @Command(name = "rr", mixinStandardHelpOptions = true,
            description = "TCP request/response latency and rate (netperf TCP_RR), with a latency histogram.")
    static final class Rr implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Common common;
        @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64", description = "Request size. Default: ${DEFAULT-VALUE}.")
        int size;
        @Option(names = "--response-size", paramLabel = "BYTES", description = "Response size. Default: the request size.")
        Integer responseSize;
        @Option(names = "--vs-sockperf", description = "Run sockperf ping-pong on the same pair, interleaved, and print the ratio.")
        boolean vsSockperf;

        @Override
        public Integer call() {
            common.check();
            int resp = responseSize == null ? size : responseSize;
            if (size < 1 || resp < 1) throw new ConfigException("--size", "size", "request and response sizes must be at least 1 byte");
            // sockperf's ping-pong sends one size both ways, at least its 14-byte header: compare like with like only.
            if (vsSockperf && (resp != size || size < 14)) {
                throw new ConfigException("--vs-sockperf", "vsSockperf",
                        "sockperf ping-pong sends equal messages of at least 14 bytes: use one --size >= 14 without --response-size");
            }
            if (common.to.size() > 1) throw new ConfigException("--to", "to", "rr takes one server, got " + common.to.size());
            StreamBench.Pair pair;
            if (common.testbed != null) {
                pair = common.betweenPair();
            } else {
                pair = new StreamBench.Pair(Endpoint.local("here"),
                        common.to.isEmpty() ? Endpoint.local("loopback") : remote(common.to.get(0)));
            }
            var s = new RrBench.Spec(Duration.ofSeconds(common.seconds), size, resp, common.reps(), vsSockperf,
                    Duration.ofSeconds(common.timeout));
            PrintWriter err = spec.commandLine().getErr();
            try {
                RrBench.Report r = RrBench.run(pair, s, line -> err.println("bench rr: " + line));
                spec.commandLine().getOut().print(r.table());
                if (common.json != null) Results.writeJson(common.json, r.toJson());
                return Main.OK;
            } catch (BenchFailure f) {
                throw failed("bench rr", f, common.json);
            }
        }
    }

    private static RunFailedException failed(String what, BenchFailure f, Path json) {
        String kept = "";
        if (f.partial() != null && json != null) {
            Results.writeJson(json, f.partial());
            kept = "; results measured so far are in " + json + " (marked partial)";
        } else if (f.partial() != null) {
            kept = "; measured so far:\n" + f.partialTable();
        }
        return new RunFailedException(what + " failed: " + f.getMessage() + kept);
    }

    private static Endpoint node(List<PairMode.Placed> nodes, String name) {
        return nodes.stream().map(PairMode.Placed::endpoint).filter(e -> e.node().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException("--between", "between", "no endpoint '" + name + "' in the testbed (it has: "
                        + String.join(", ", nodes.stream().map(p -> p.endpoint().node()).toList()) + ")"));
    }

    private static Endpoint remote(String hostPort) {
        try {
            return Endpoint.remote(hostPort);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--to", "to", e.getMessage());
        }
    }

    private static InetSocketAddress parse(String option, String text, boolean portZeroOk) {
        try {
            if (portZeroOk && text.endsWith(":0")) return new InetSocketAddress(text.substring(0, text.length() - 2), 0);
            return Endpoints.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, option.substring(2), e.getMessage());
        }
    }

    private static long size(String option, String text, long min, long max) {
        long v;
        try {
            v = ByteSize.parse(text.matches("[0-9]+") ? text + "B" : text).bytes();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, option.substring(2), e.getMessage());
        }
        if (v < min || v > max) throw new ConfigException(option, option.substring(2), "must be between " + min + " and " + max + " bytes, got " + v);
        return v;
    }

}
