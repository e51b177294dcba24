package org.iovlab.placement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Host;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Vm;

/**
 * Maps ranks onto VM vCPU slots by pattern (the paper's Figure 1). Every pattern is "take slots
 * from per-host queues": the queues' order and how many consecutive ranks go to one host
 * before the next host's turn make the difference.
 */
public final class Placer {
    private Placer() {}

    public static Placement place(Scenario s, int ranks, PlacementSpec spec) {
        if (ranks < 1) throw new ConfigException("--ranks", "ranks", "need at least one rank, got " + ranks);
        if (spec instanceof PlacementSpec.FromFile f) return PlacementFile.read(f.file(), s, ranks);
        if (ranks > s.totalVcpus()) {
            throw new ConfigException("--ranks", "ranks", ranks + " ranks do not fit on the " + s.totalVcpus()
                    + " vCPUs of scenario '" + s.name() + "'; iovlab places at most one rank per vCPU");
        }
        List<String> vms = switch (spec) {
            case PlacementSpec.Inter i -> alternate(s, ranks, 1, true);
            case PlacementSpec.Hybrid h -> alternate(s, ranks, h.blockSize() > 0 ? h.blockSize() : minVcpus(s), false);
            case PlacementSpec.Intra i -> s.hosts().stream().flatMap(h -> vmMajor(s.vmsOn(h.name())).stream()).limit(ranks).toList();
            case PlacementSpec.Block b -> vmMajor(s.vms()).stream().limit(ranks).toList();
            case PlacementSpec.RoundRobin r -> roundRobin(s.vms()).stream().limit(ranks).toList();
            case PlacementSpec.Crossings c -> crossings(s, ranks, c.count());
            case PlacementSpec.FromFile f -> throw new AssertionError("handled above");
        };
        return new Placement(s, spec.label(), vms);
    }

    private static int minVcpus(Scenario s) {
        return s.vms().stream().mapToInt(Vm::vcpus).min().orElse(1);
    }

    /** One slot per vCPU, VM by VM: node1, node1, node2, node2, ... */
    static List<String> vmMajor(List<Vm> vms) {
        List<String> out = new ArrayList<>();
        for (Vm v : vms) for (int c = 0; c < v.vcpus(); c++) out.add(v.name());
        return out;
    }

    /** One slot per vCPU, vCPU by vCPU across VMs: node1, node2, node1, node2, ... */
    static List<String> roundRobin(List<Vm> vms) {
        List<String> out = new ArrayList<>();
        int most = vms.stream().mapToInt(Vm::vcpus).max().orElse(0);
        for (int c = 0; c < most; c++) for (Vm v : vms) if (c < v.vcpus()) out.add(v.name());
        return out;
    }

    /**
     * Blocks of {@code k} consecutive ranks go to one host, the hosts taking turns; within a host
     * slots are taken round-robin over its VMs ({@code spread}) or VM by VM. A full host drops
     * out of the rotation; a block that does not fit spills into the next host.
     */
    private static List<String> alternate(Scenario s, int ranks, int k, boolean spread) {
        List<Deque<String>> queues = new ArrayList<>();
        for (Host h : s.hosts()) {
            List<Vm> on = s.vmsOn(h.name());
            queues.add(new ArrayDeque<>(spread ? roundRobin(on) : vmMajor(on)));
        }
        List<String> out = new ArrayList<>();
        int turn = 0;
        while (out.size() < ranks) {
            int h = nextWithSlots(queues, turn);
            for (int j = 0; j < k && out.size() < ranks; j++) {
                if (queues.get(h).isEmpty()) h = nextWithSlots(queues, h + 1);
                out.add(queues.get(h).poll());
            }
            turn = h + 1;
        }
        return out;
    }

    /**
     * {@code k + 1} runs of consecutive ranks, run i on host i mod H, each host filling its VMs
     * one by one; each host gets at least one rank per run it holds, the rest go round the hosts
     * while they have free vCPUs, and a host's ranks are split evenly over its runs.
     */
    private static List<String> crossings(Scenario s, int ranks, int k) {
        List<Host> hosts = s.hosts();
        int h = hosts.size();
        int runs = k + 1;
        if (runs > ranks || (h == 1 && k > 0)) {
            throw new ConfigException("--placement", "placement", "crossings:" + k + " needs " + runs
                    + " runs of ranks on alternating hosts; " + ranks + " ranks on " + h + " host(s) cannot give that");
        }
        int[] runsOn = new int[h];
        int[] quota = new int[h];
        int[] cap = new int[h];
        for (int i = 0; i < runs; i++) runsOn[i % h]++;
        int left = ranks;
        for (int i = 0; i < h; i++) {
            cap[i] = s.vmsOn(hosts.get(i).name()).stream().mapToInt(Vm::vcpus).sum();
            if (runsOn[i] > cap[i]) {
                throw new ConfigException("--placement", "placement", "crossings:" + k + " puts " + runsOn[i]
                        + " runs on host " + hosts.get(i).name() + ", which has only " + cap[i] + " vCPUs");
            }
            quota[i] = runsOn[i];
            left -= runsOn[i];
        }
        int room = 0;
        for (int i = 0; i < h; i++) if (runsOn[i] > 0) room += cap[i];
        if (room < ranks) {
            throw new ConfigException("--placement", "placement", "crossings:" + k + " uses " + Math.min(runs, h)
                    + " host(s) with " + room + " vCPUs, too few for " + ranks + " ranks");
        }
        for (int i = 0; left > 0; i = (i + 1) % h) {
            if (runsOn[i] > 0 && quota[i] < cap[i]) {
                quota[i]++;
                left--;
            }
        }
        List<Deque<String>> queues = new ArrayList<>();
        for (Host host : hosts) queues.add(new ArrayDeque<>(vmMajor(s.vmsOn(host.name()))));
        int[] runIndex = new int[h];
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int on = i % h;
            int j = runIndex[on]++;
            int len = quota[on] / runsOn[on] + (j < quota[on] % runsOn[on] ? 1 : 0);
            for (int n = 0; n < len; n++) out.add(queues.get(on).poll());
        }
        return out;
    }

    private static int nextWithSlots(List<Deque<String>> queues, int from) {
        for (int i = 0; i < queues.size(); i++) {
            int h = (from + i) % queues.size();
            if (!queues.get(h).isEmpty()) return h;
        }
        throw new IllegalStateException("no free slot left; the caller checked the rank count");
    }
}
