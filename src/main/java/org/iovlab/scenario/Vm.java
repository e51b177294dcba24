package org.iovlab.scenario;

/** A virtual machine (or container) on a host. {@code address} is null until the scenario is resolved. */
public record Vm(String name, String host, int vcpus, ByteSize memory, Ipv4 address) {
    public static final ByteSize DEFAULT_MEMORY = ByteSize.parse("1GiB");

    public Vm {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host");
        if (vcpus < 1) throw new IllegalArgumentException("vcpus must be >= 1");
        if (memory == null) throw new IllegalArgumentException("memory");
    }

    public Vm withAddress(Ipv4 a) {
        return new Vm(name, host, vcpus, memory, a);
    }
}
