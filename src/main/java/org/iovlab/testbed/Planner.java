package org.iovlab.testbed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Host;
import org.iovlab.scenario.Names;
import org.iovlab.scenario.Problem;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Vm;
import org.iovlab.testbed.profile.Hop;
import org.iovlab.testbed.profile.Profile;

/**
 * Turns a resolved scenario, its data path and a profile into a {@link Plan}. Topology:
 * <pre>
 *  VM ns ─veth(v|p)─┐ (BRIDGED)                 VM ns ─macvlan vepa(f)─┐ (IOV)
 *             host ns: bridge b ── NIC n                host ns: NIC n ┘
 *                                    │ veth ("PCIe")
 *             NIC ns e: embedded switch s ── x (hairpin on under IOV) ── w ── wire
 * </pre>
 * The wire is a veth between the two NIC namespaces, or with one or more than two hosts a
 * switch namespace with a bridge. Under IOV a VF's frames always leave through the NIC (VEPA
 * mode); the embedded switch hairpins VF-to-VF frames back, so they cross the shaped
 * host–NIC link twice and never the host's bridge (the paper's finding (ii)). No namespace
 * has a link to the initial namespace, so there is no route out of the testbed.
 */
public final class Planner {
    private final Scenario s;
    private final InstanceNames n;
    private final Profile profile;
    private final boolean shaped;
    private final List<Op> ops = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    private Planner(Scenario s, InstanceNames n, Profile profile, boolean shaped) {
        this.s = s;
        this.n = n;
        this.profile = profile;
        this.shaped = shaped;
    }

    /** @param realCpus the machine's CPUs; @param cpuQuota cap each VM's CPU time by its vCPUs */
    public static Plan plan(Scenario resolved, String instance, Profile profile, boolean shaped,
                            List<Integer> realCpus, boolean cpuQuota) {
        InstanceNames names = new InstanceNames(instance);
        checkNames(resolved, names);
        return new Planner(resolved, names, profile, shaped).build(realCpus, cpuQuota);
    }

    private static void checkNames(Scenario s, InstanceNames n) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        s.hosts().forEach(h -> all.add(h.name()));
        s.vms().forEach(v -> all.add(v.name()));
        for (String name : all) {
            String why = Names.nodeNameProblem(name);
            if (why == null && name.equals(InstanceNames.SWITCH)) why = "'" + InstanceNames.SWITCH + "' is reserved for the wire's switch";
            if (why == null && !seen.add(name)) why = "'" + name + "' names two nodes";
            if (why != null) problems.add(new Problem("scenario '" + s.name() + "'", 0, 0, "name", why));
        }
        // Derived names must not collide either (e.g. host "a" role "b" vs VM "ab").
        Set<String> derived = new HashSet<>();
        for (Host h : s.hosts()) {
            for (String role : List.of("", "e", "n", "x", "s", "w", "t", "b")) {
                if (problems.isEmpty() && !derived.add(n.of(h.name(), role))) {
                    problems.add(new Problem("scenario '" + s.name() + "'", 0, 0, "hosts", "derived name " + n.of(h.name(), role) + " collides"));
                }
            }
        }
        for (Vm v : s.vms()) {
            for (String role : List.of("", "v", "p", "f")) {
                if (problems.isEmpty() && !derived.add(n.of(v.name(), role))) {
                    problems.add(new Problem("scenario '" + s.name() + "'", 0, 0, "vms", "derived name " + n.of(v.name(), role)
                            + " collides with a name derived from another node; rename one of them"));
                }
            }
        }
        if (s.datapath() == DataPath.IOV) {
            for (Host h : s.hosts()) {
                int vms = s.vmsOn(h.name()).size();
                if (vms > h.nic().virtualFunctions()) {
                    problems.add(new Problem("scenario '" + s.name() + "'", 0, 0, "hosts." + h.name() + ".nic.vfs", "host '" + h.name()
                            + "' has " + vms + " VMs on the iov data path but its NIC exports only " + h.nic().virtualFunctions()
                            + " virtual functions"));
                }
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    private Plan build(List<Integer> realCpus, boolean cpuQuota) {
        DataPath d = s.datapath();
        int prefix = s.network().prefixLength();
        boolean useSwitch = s.hosts().size() != 2;
        for (Host h : s.hosts()) {
            addNs(n.hostNs(h.name()));
            addNs(n.nicNs(h.name()));
        }
        if (useSwitch) addNs(n.switchNs());
        if (d != DataPath.NATIVE) s.vms().forEach(v -> addNs(n.vmNs(v.name())));
        for (String ns : namespaces) ops.add(new Op.AddNamespace(ns));

        wire(useSwitch);
        List<List<Integer>> hostCpus = CpuMap.hostCpus(s, realCpus);
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            Host h = s.hosts().get(i);
            String hns = n.hostNs(h.name()), ens = n.nicNs(h.name()), nic = n.hostNic(h.name());
            ops.add(new Op.AddVeth(hns, nic, ens, n.nicPort(h.name())));
            ops.add(new Op.AddBridge(ens, n.eswitch(h.name())));
            ops.add(new Op.Enslave(ens, n.nicPort(h.name()), n.eswitch(h.name()), d == DataPath.IOV));
            ops.add(new Op.Enslave(ens, n.wirePort(h.name()), n.eswitch(h.name()), false));
            Hop hostLink = switch (d) {
                case NATIVE -> profile.hostStack();
                case BRIDGED -> profile.dom0();
                case IOV -> profile.eswitch();
            };
            shape(hns, nic, hostLink, "host->NIC (" + hopName(d) + ")");
            shape(ens, n.nicPort(h.name()), hostLink, "NIC->host (" + hopName(d) + ")");
            String hostDev = nic;
            if (d == DataPath.BRIDGED) {
                hostDev = n.dom0Bridge(h.name());
                ops.add(new Op.AddBridge(hns, hostDev));
                ops.add(new Op.Enslave(hns, nic, hostDev, false));
            }
            String cpus = CpuMap.format(hostCpus.get(i));
            nodes.add(new NodeInfo(h.name(), NodeInfo.Kind.HOST, h.name(), hns, h.address(), hostDev, hns, cpus,
                    1024 * h.cores(), -1));
            if (d == DataPath.NATIVE) continue;
            List<String> realVfs = h.nic().vfDevices();
            List<Vm> vmsHere = s.vmsOn(h.name());
            for (int k = 0; k < vmsHere.size(); k++) {
                Vm v = vmsHere.get(k);
                String vns = n.vmNs(v.name());
                String dev;
                if (d == DataPath.IOV && !realVfs.isEmpty()) {
                    // A real VF: the NIC itself switches and shapes it; its traffic leaves through the real port.
                    dev = realVfs.get(k);
                    ops.add(new Op.MoveDevice(vns, dev));
                } else if (d == DataPath.BRIDGED) {
                    dev = n.vmIf(v.name());
                    ops.add(new Op.AddVeth(vns, dev, hns, n.vif(v.name())));
                    ops.add(new Op.Enslave(hns, n.vif(v.name()), hostDev, false));
                    shape(vns, dev, profile.vif(), "VM->Dom0 (vif)");
                    shape(hns, n.vif(v.name()), profile.vif(), "Dom0->VM (vif)");
                } else {
                    dev = n.vf(v.name());
                    ops.add(new Op.AddMacvlan(hns, nic, dev, vns, "vepa"));
                    shape(vns, dev, profile.vf(), "VM->NIC (vf)");
                }
                nodes.add(new NodeInfo(v.name(), NodeInfo.Kind.VM, h.name(), vns, v.address(), dev, vns, cpus,
                        1024 * v.vcpus(), CpuMap.vmQuota(v.vcpus(), h.cores(), hostCpus.get(i).size(), cpuQuota)));
            }
        }
        for (NodeInfo node : nodes) {
            ops.add(new Op.AddAddress(node.namespace(), node.device(), node.address(), prefix));
        }
        linksUp();
        List<String> cgroups = new ArrayList<>();
        for (NodeInfo node : nodes) {
            ops.add(new Op.AddCgroup(node.cgroup(), node.cpus(), node.shares(), node.quotaMicros()));
            cgroups.add(node.cgroup());
        }
        return new Plan(n.instance(), s.name(), d, profile.name(), shaped, ops, nodes, namespaces, cgroups);
    }

    private void wire(boolean useSwitch) {
        Hop line = profile.nic();
        List<Host> hosts = s.hosts();
        if (!useSwitch) {
            Host a = hosts.get(0), b = hosts.get(1);
            ops.add(new Op.AddVeth(n.nicNs(a.name()), n.wirePort(a.name()), n.nicNs(b.name()), n.wirePort(b.name())));
            shape(n.nicNs(a.name()), n.wirePort(a.name()), line.cappedAt(a.nic().lineRate()), "wire");
            shape(n.nicNs(b.name()), n.wirePort(b.name()), line.cappedAt(b.nic().lineRate()), "wire");
            return;
        }
        String sw = n.switchNs();
        ops.add(new Op.AddBridge(sw, n.switchBridge()));
        for (Host h : hosts) {
            ops.add(new Op.AddVeth(n.nicNs(h.name()), n.wirePort(h.name()), sw, n.switchPort(h.name())));
            ops.add(new Op.Enslave(sw, n.switchPort(h.name()), n.switchBridge(), false));
            shape(n.nicNs(h.name()), n.wirePort(h.name()), line.cappedAt(h.nic().lineRate()), "wire");
            shape(sw, n.switchPort(h.name()), line.cappedAt(h.nic().lineRate()), "wire");
        }
    }

    /** Every link created, and every loopback, brought up in its namespace. */
    private void linksUp() {
        List<Op> up = new ArrayList<>();
        for (String ns : namespaces) up.add(new Op.LinkUp(ns, "lo"));
        for (Op op : ops) {
            switch (op) {
                case Op.AddVeth v -> { up.add(new Op.LinkUp(v.ns(), v.name())); up.add(new Op.LinkUp(v.peerNs(), v.peer())); }
                case Op.AddBridge b -> up.add(new Op.LinkUp(b.ns(), b.name()));
                case Op.AddMacvlan m -> up.add(new Op.LinkUp(m.targetNs(), m.name()));
                case Op.MoveDevice m -> up.add(new Op.LinkUp(m.ns(), m.dev()));
                default -> { }
            }
        }
        ops.addAll(up);
    }

    private void shape(String ns, String dev, Hop hop, String why) {
        if (shaped && hop.shapes()) ops.add(new Op.Shape(ns, dev, hop, why));
    }

    private void addNs(String ns) {
        namespaces.add(ns);
    }

    private static String hopName(DataPath d) {
        return switch (d) {
            case NATIVE -> "hostStack";
            case BRIDGED -> "dom0";
            case IOV -> "eswitch";
        };
    }
}
