package org.iovlab.scenario;

/** A physical machine of the cluster. {@code address} is null until the scenario is resolved. */
public record Host(String name, int cores, Nic nic, Ipv4 address) {
    public Host {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
        if (nic == null) throw new IllegalArgumentException("nic");
    }

    public Host withAddress(Ipv4 a) {
        return new Host(name, cores, nic, a);
    }
}
