package org.iovlab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What the cluster is: hosts, the VMs on them, the data path between VMs and the wire, the
 * default number of ranks, and the address plan. Plain data; {@link ScenarioValidator} checks
 * it and {@link #resolved()} fills in defaults (addresses, ranks).
 */
public record Scenario(String name, String description, DataPath datapath, int ranks, Cidr network,
                       List<Host> hosts, List<Vm> vms) {

    public static final Cidr DEFAULT_NETWORK = Cidr.parse("198.18.0.0/24");

    public Scenario {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
        description = description == null ? "" : description;
        if (datapath == null) throw new IllegalArgumentException("datapath");
        if (ranks < 0) throw new IllegalArgumentException("ranks must be >= 0 (0: one per vCPU)");
        if (network == null) throw new IllegalArgumentException("network");
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
    }

    public Optional<Host> host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    public Optional<Vm> vm(String vmName) {
        return vms.stream().filter(v -> v.name().equals(vmName)).findFirst();
    }

    public List<Vm> vmsOn(String hostName) {
        return vms.stream().filter(v -> v.host().equals(hostName)).toList();
    }

    public int totalVcpus() {
        return vms.stream().mapToInt(Vm::vcpus).sum();
    }

    /** The number of ranks when none is asked for: the scenario's own, else one per vCPU. */
    public int defaultRanks() {
        return ranks > 0 ? ranks : totalVcpus();
    }

    public Scenario withDatapath(DataPath d) {
        return new Scenario(name, description, d, ranks, network, hosts, vms);
    }

    /**
     * Defaults filled in: the rank count, and an address for every host and VM without one:
     * the lowest free usable addresses of the plan, hosts first, then VMs, in declared order.
     * Call on a validated scenario.
     */
    public Scenario resolved() {
        java.util.Set<Ipv4> taken = new java.util.HashSet<>();
        hosts.forEach(h -> { if (h.address() != null) taken.add(h.address()); });
        vms.forEach(v -> { if (v.address() != null) taken.add(v.address()); });
        long[] cursor = {1};
        java.util.function.Supplier<Ipv4> next = () -> {
            while (cursor[0] < network.size()) {
                Ipv4 a = network.base().plus(cursor[0]++);
                if (network.isUsableHost(a) && taken.add(a)) return a;
            }
            throw new IllegalStateException("address plan " + network + " is full");
        };
        List<Host> hs = hosts.stream().map(h -> h.address() != null ? h : h.withAddress(next.get())).toList();
        List<Vm> vs = vms.stream().map(v -> v.address() != null ? v : v.withAddress(next.get())).toList();
        return new Scenario(name, description, datapath, defaultRanks(), network, hs, vs);
    }
}
