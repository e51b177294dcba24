package org.iovlab.testbed;

import org.iovlab.scenario.Ipv4;

/**
 * One place a process can run in a live testbed: a host (its "Dom0" namespace) or a VM, with
 * its namespace, address, interface and CPU set. The cgroup is named like the namespace and
 * exists under the cpuset and cpu controllers (null when the testbed was built without them).
 */
public record NodeInfo(String name, Kind kind, String host, String namespace, Ipv4 address, String device,
                       String cgroup, String cpus, int shares, long quotaMicros) {
    public enum Kind { HOST, VM }

    public NodeInfo {
        if (name == null || namespace == null || address == null || device == null || cpus == null) {
            throw new IllegalArgumentException("incomplete node " + name);
        }
    }
}
