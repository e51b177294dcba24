package org.iovlab.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and removes testbed instances: executes a {@link Plan} with one {@code ip -batch}
 * for the initial namespace (namespaces, veths, bridges, each created directly in its
 * namespace), one per namespace for the rest, one {@code tc -batch} per shaped namespace, and
 * cgroups written directly; the {@link Manifest} is written first.
 */
public final class Testbeds {
    private Testbeds() {}

    /** Builds the plan; on failure everything created so far is removed again. */
    public static TestbedState up(Plan plan, String network) {
        Privileges.require("testbed up");
        checkRealDevices(plan);
        Manifest m = Manifest.of(plan.instance());
        boolean cgroups = Cgroups.available();
        m.begin(plan.namespaces(), cgroups ? plan.cgroups() : List.of());
        try {
            execute(plan, cgroups, m);
            List<NodeInfo> nodes = cgroups ? plan.nodes() : plan.nodes().stream().map(Testbeds::withoutCgroup).toList();
            TestbedState state = new TestbedState(plan.instance(), plan.scenario(), plan.datapath(), plan.profile(),
                    plan.shaped(), network, nodes);
            state.save(m.stateFile());
            return state;
        } catch (RuntimeException e) {
            try {
                down(plan.instance());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Real VF devices must exist in the initial namespace and be virtual functions, before anything is created. */
    static void checkRealDevices(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (Op.MoveDevice d : plan.ops(Op.MoveDevice.class)) {
            java.nio.file.Path sys = java.nio.file.Path.of("/sys/class/net", d.dev());
            if (!java.nio.file.Files.exists(sys)) {
                problems.add("VF device '" + d.dev() + "' does not exist here (see `ip link`; VFs appear after "
                        + "`echo N > /sys/class/net/PF/device/sriov_numvfs`)");
            } else if (!java.nio.file.Files.exists(sys.resolve("device/physfn"))) {
                problems.add("device '" + d.dev() + "' is not an SR-IOV virtual function (no device/physfn); iovlab moves only VFs");
            }
        }
        if (!problems.isEmpty()) throw new TestbedException(String.join("; ", problems));
    }

    private static NodeInfo withoutCgroup(NodeInfo n) {
        return new NodeInfo(n.name(), n.kind(), n.host(), n.namespace(), n.address(), n.device(), null, n.cpus(), n.shares(), n.quotaMicros());
    }

    static void execute(Plan plan, boolean cgroups, Manifest m) {
        Map<String, List<String>> ipBatches = new LinkedHashMap<>();
        Map<String, List<String>> tcBatches = new LinkedHashMap<>();
        ipBatches.put("", new ArrayList<>());
        // Host namespaces first: their macvlans appear in VM namespaces, whose batches use them.
        plan.ops(Op.AddMacvlan.class).forEach(mv -> ipBatches.put(mv.ns(), new ArrayList<>()));
        for (Op op : plan.ops()) {
            String key = op.runsIn() == null ? "" : op.runsIn();
            List<String> lines = Op.ipLines(op);
            if (!lines.isEmpty()) ipBatches.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
            if (op instanceof Op.Shape s) tcBatches.computeIfAbsent(key, k -> new ArrayList<>()).addAll(TcLines.of(s));
        }
        for (var e : ipBatches.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            List<String> argv = e.getKey().isEmpty() ? List.of("ip", "-batch", "-") : List.of("ip", "-n", e.getKey(), "-batch", "-");
            Sys.run(argv, String.join("\n", e.getValue()) + "\n", m::recordHelper);
        }
        for (var e : tcBatches.entrySet()) {
            try {
                Sys.run(List.of("tc", "-n", e.getKey(), "-batch", "-"), String.join("\n", e.getValue()) + "\n", m::recordHelper);
            } catch (TestbedException x) {
                if (!x.getMessage().contains("qdisc kind is unknown")) throw x;
                throw new TestbedException("this kernel lacks a qdisc the profile needs (netem for a latency, tbf for a rate; "
                        + "modules sch_netem, sch_tbf): " + x.getMessage(), x);
            }
        }
        if (cgroups) plan.ops(Op.AddCgroup.class).forEach(Cgroups::create);
    }

    /**
     * Removes everything the instance's manifest lists: kills the processes inside its
     * namespaces and cgroups, deletes the namespaces (and with them every link, bridge and
     * qdisc) and the cgroups, then the run directory. Idempotent; a no-op for an unknown instance.
     * @return whether there was anything to remove
     */
    public static boolean down(String instance) {
        Manifest m = Manifest.of(instance);
        if (!Files.isDirectory(m.dir())) return false;
        Privileges.require("testbed down");
        Manifest.Entries e = m.exists() ? m.read() : new Manifest.Entries(List.of(), List.of(), List.of());
        Processes.awaitHelpers(e.helpers());
        List<String> present = e.namespaces().stream().filter(Testbeds::namespaceExists).toList();
        Processes.killAll(present, e.cgroups());
        if (!present.isEmpty()) {
            StringBuilder batch = new StringBuilder();
            present.forEach(ns -> batch.append("netns del ").append(ns).append('\n'));
            Sys.tryRun(List.of("ip", "-force", "-batch", "-"), batch.toString());
        }
        List<String> problems = new ArrayList<>();
        for (String ns : present) {
            if (namespaceExists(ns)) problems.add("namespace " + ns + " is still there");
        }
        for (String cg : e.cgroups()) problems.addAll(Cgroups.remove(cg));
        if (!problems.isEmpty()) throw new TestbedException("testbed down left objects behind: " + String.join("; ", problems));
        m.delete();
        return true;
    }

    public static boolean namespaceExists(String ns) {
        return Files.exists(netnsDir().resolve(ns));
    }

    /**
     * The inode of namespace {@code ns} (what {@code /proc/PID/ns/net} of a process inside it
     * names, {@code net:[INODE]}), or -1 when it does not exist.
     */
    public static long namespaceInode(String ns) {
        try {
            return ((Number) Files.getAttribute(netnsDir().resolve(ns), "unix:ino")).longValue();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    static Path netnsDir() {
        return Path.of("/run/netns");
    }

    /** Every namespace on the machine that carries the project prefix (for leak checks and status). */
    public static List<String> prefixedNamespaces() {
        try (var files = Files.list(netnsDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(org.iovlab.scenario.Names.PREFIX)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
