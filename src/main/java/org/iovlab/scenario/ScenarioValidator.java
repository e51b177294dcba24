package org.iovlab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a scenario's meaning (the YAML reader checks its form) and returns every violation. */
public final class ScenarioValidator {
    private ScenarioValidator() {}

    public static List<Problem> validate(Scenario s, SourceMap where) {
        List<Problem> out = new ArrayList<>();
        if (s.hosts().isEmpty()) out.add(where.problem("hosts", "a scenario needs at least one host"));
        if (s.vms().isEmpty()) out.add(where.problem("vms", "a scenario needs at least one VM (ranks are placed on VM vCPUs)"));
        checkNames(s, where, out);

        Map<String, Integer> vcpusOnHost = new HashMap<>();
        Map<String, Integer> vmsOnHost = new HashMap<>();
        for (int i = 0; i < s.vms().size(); i++) {
            Vm vm = s.vms().get(i);
            if (s.host(vm.host()).isEmpty()) {
                out.add(where.problem("vms[" + i + "].host", "VM '" + vm.name() + "' is on host '" + vm.host()
                        + "', which the scenario does not declare (hosts: " + hostNames(s) + ")"));
                continue;
            }
            vcpusOnHost.merge(vm.host(), vm.vcpus(), Integer::sum);
            vmsOnHost.merge(vm.host(), 1, Integer::sum);
        }
        Map<String, String> vfDevicesSeen = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            Host h = s.hosts().get(i);
            int vcpus = vcpusOnHost.getOrDefault(h.name(), 0);
            if (vcpus > h.cores()) {
                out.add(where.problem("hosts[" + i + "].cores", "host '" + h.name() + "' has " + h.cores()
                        + " cores but its VMs declare " + vcpus + " vCPUs in all; iovlab does not overcommit cores"));
            }
            int vms = vmsOnHost.getOrDefault(h.name(), 0);
            List<String> devices = h.nic().vfDevices();
            if (devices.size() > h.nic().virtualFunctions()) {
                out.add(where.problem("hosts[" + i + "].nic.vfDevices", "host '" + h.name() + "' names " + devices.size()
                        + " VF devices but its NIC exports only " + h.nic().virtualFunctions() + " virtual functions"));
            }
            if (s.datapath() == DataPath.IOV && !devices.isEmpty() && vms > devices.size()) {
                out.add(where.problem("hosts[" + i + "].nic.vfDevices", "host '" + h.name() + "' has " + vms
                        + " VMs on the iov data path but names only " + devices.size() + " VF devices (one per VM is needed)"));
            }
            for (int d = 0; d < devices.size(); d++) {
                String first = vfDevicesSeen.putIfAbsent(devices.get(d), "hosts[" + i + "].nic.vfDevices[" + d + "]");
                if (first != null) {
                    out.add(where.problem("hosts[" + i + "].nic.vfDevices[" + d + "]", "VF device '" + devices.get(d)
                            + "' is already given by " + first));
                }
            }
            if (s.datapath() == DataPath.IOV && vms > h.nic().virtualFunctions()) {
                out.add(where.problem("hosts[" + i + "].nic.vfs", "host '" + h.name() + "' has " + vms
                        + " VMs on the iov data path but its NIC exports only " + h.nic().virtualFunctions()
                        + " virtual functions (one per VM is needed)"));
            }
        }
        checkAddresses(s, where, out);
        if (s.ranks() > s.totalVcpus() && !s.vms().isEmpty()) {
            out.add(where.problem("ranks", s.ranks() + " ranks do not fit on " + s.totalVcpus()
                    + " vCPUs; iovlab places at most one rank per vCPU"));
        }
        return out;
    }

    private static void checkNames(Scenario s, SourceMap where, List<Problem> out) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) checkName(s.hosts().get(i).name(), "hosts[" + i + "].name", seen, where, out);
        for (int i = 0; i < s.vms().size(); i++) checkName(s.vms().get(i).name(), "vms[" + i + "].name", seen, where, out);
    }

    private static void checkName(String name, String field, Map<String, String> seen, SourceMap where, List<Problem> out) {
        String bad = Names.nodeNameProblem(name);
        if (bad != null) out.add(where.problem(field, bad));
        String first = seen.putIfAbsent(name, field);
        if (first != null) {
            out.add(where.problem(field, "duplicate name '" + name + "' (already used by " + first
                    + "); host and VM names must all differ"));
        }
    }

    private static void checkAddresses(Scenario s, SourceMap where, List<Problem> out) {
        Cidr net = s.network();
        if (!Cidr.BENCHMARKING.contains(net)) {
            out.add(where.problem("network", "address plan " + net + " is outside " + Cidr.BENCHMARKING
                    + ", the range set aside for network benchmarking (RFC 2544); the testbed uses only that range"));
        }
        int nodes = s.hosts().size() + s.vms().size();
        long usable = net.prefixLength() >= 31 ? net.size() : net.size() - 2;
        if (nodes > usable) {
            out.add(where.problem("network", "address plan " + net + " has " + usable
                    + " usable addresses but the scenario has " + nodes + " hosts and VMs"));
        }
        Map<Ipv4, String> used = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) checkAddress(s.hosts().get(i).address(), "hosts[" + i + "].address", net, used, where, out);
        for (int i = 0; i < s.vms().size(); i++) checkAddress(s.vms().get(i).address(), "vms[" + i + "].address", net, used, where, out);
    }

    private static void checkAddress(Ipv4 a, String field, Cidr net, Map<Ipv4, String> used, SourceMap where, List<Problem> out) {
        if (a == null) return;
        if (!net.contains(a)) {
            out.add(where.problem(field, "address " + a + " is outside the address plan " + net));
        } else if (!net.isUsableHost(a)) {
            out.add(where.problem(field, "address " + a + " is the network or broadcast address of " + net));
        }
        String first = used.putIfAbsent(a, field);
        if (first != null) out.add(where.problem(field, "address " + a + " overlaps " + first));
    }

    private static String hostNames(Scenario s) {
        return String.join(", ", s.hosts().stream().map(Host::name).toList());
    }
}
