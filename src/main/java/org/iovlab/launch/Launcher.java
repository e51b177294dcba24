package org.iovlab.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.NodeInfo;

/**
 * Starts argument vectors inside a testbed node: its network namespace, its CPU set and its
 * cgroups. Each process runs in a session and process group of its own ({@code setsid}), so
 * a kill reaches everything it started; processes still alive when the JVM exits are killed
 * by a shutdown hook. Nothing passes through a shell. A process is in the node's cgroups from
 * its first instruction on (see {@link CgroupSpawner}); its CPU affinity is set by taskset too,
 * which is all there is where cgroup v1 is missing.
 *
 * <p>Two ways in: {@link #start} (start, stream, await, kill) or {@link #argvPrefix} for code
 * that builds its own ProcessBuilder (e.g. the tcp backend's rank launcher), followed by
 * {@link #adopt} to put the started pid into the node's cgroups.
 */
public final class Launcher {
    private Launcher() {}

    private static final Set<Launched> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Launched::kill), "iovlab-launcher-reaper"));
    }

    /** How to start: environment additions, working directory, line consumers, or inherited IO (for {@code testbed exec}). */
    public record Options(Map<String, String> env, Path dir, Consumer<String> stdout, Consumer<String> stderr, boolean inheritIo) {
        public static final Options DEFAULT = new Options(Map.of(), null, line -> { }, line -> { }, false);

        public Options {
            env = Map.copyOf(env);
        }

        public Options streaming(Consumer<String> out, Consumer<String> err) {
            return new Options(env, dir, out, err, inheritIo);
        }

        public Options inheritingIo() {
            return new Options(env, dir, stdout, stderr, true);
        }

        public Options withEnv(Map<String, String> more) {
            Map<String, String> m = new java.util.HashMap<>(env);
            m.putAll(more);
            return new Options(m, dir, stdout, stderr, inheritIo);
        }
    }

    /**
     * The argv prefix that runs a command in {@code node}: its namespace and its CPUs (by
     * affinity from the start; cgroup membership needs {@link #adopt} after the start), e.g.
     * {@code [ip, netns, exec, iov0node1, taskset, -c, 0]}.
     */
    public static List<String> argvPrefix(NodeInfo node) {
        return List.of("ip", "netns", "exec", node.namespace(), "taskset", "-c", node.cpus());
    }

    public static Launched start(NodeInfo node, List<String> argv) {
        return start(node, argv, Options.DEFAULT);
    }

    /** Starts {@code argv} in {@code node}; the caller awaits or kills the result (or closes it). */
    public static Launched start(NodeInfo node, List<String> argv, Options o) {
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(argvPrefix(node));
        full.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.environment().putAll(o.env());
        if (o.dir() != null) pb.directory(o.dir().toFile());
        if (o.inheritIo()) pb.inheritIO();
        Process p;
        try {
            p = node.cgroup() == null ? pb.start() : CgroupSpawner.start(pb, node.cgroup());
        } catch (IOException e) {
            throw new LaunchException("cannot start " + argv.get(0) + " in " + node.name() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = o.inheritIo() ? CompletableFuture.completedFuture("") : pump(p.getInputStream(), o.stdout());
        CompletableFuture<String> err = o.inheritIo() ? CompletableFuture.completedFuture("") : pump(p.getErrorStream(), o.stderr());
        Launched l = new Launched(p, node.name(), argv, out, err);
        LIVE.add(l);
        p.onExit().thenRun(() -> { if (!p.isAlive() && out.isDone()) LIVE.remove(l); });
        return l;
    }

    /** Starts, waits up to {@code timeout} (then kills the group) and returns the result. */
    public static Launched.Result run(NodeInfo node, List<String> argv, Duration timeout) {
        try (Launched l = start(node, argv)) {
            return l.await(timeout);
        }
    }

    /** Moves process {@code pid} (all its threads) into the node's cpuset and cpu cgroups, if it has them. */
    public static void adopt(NodeInfo node, long pid) {
        if (node.cgroup() == null) return;
        for (String controller : List.of("cpuset", "cpu")) {
            Path procs = Cgroups.dir(controller, node.cgroup()).resolve("cgroup.procs");
            try {
                Files.writeString(procs, Long.toString(pid), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new LaunchException("cannot put pid " + pid + " into " + procs + ": " + e.getMessage(), e);
                }
            }
        }
    }

    static void forget(Launched l) {
        LIVE.remove(l);
    }

    /** SIGKILL to the process group {@code pgid} (the pid of a setsid leader); quiet if it is gone. */
    static void killGroup(long pgid) {
        try {
            Process k = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true).start();
            k.getInputStream().readAllBytes();
            k.waitFor();
        } catch (IOException e) {
            // kill(1) missing: the caller's destroyForcibly still reaches the leader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> pump(InputStream in, Consumer<String> sink) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process was killed; keep what was read
            }
            f.complete(all.toString());
        }, "iovlab-launch-pump");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The result of a finished process waiting at most this long for output pumps. */
    static final Duration PUMP_GRACE = Duration.ofSeconds(5);
}
