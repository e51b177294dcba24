package org.iovlab.testbed;

import java.util.List;

import org.iovlab.scenario.DataPath;

/**
 * Everything one testbed instance will create, in order, plus the nodes it offers and the
 * objects {@code down} must remove (namespaces hold all links, bridges and qdiscs, so
 * removing them removes those; cgroups are removed separately). Plain data.
 */
public record Plan(String instance, String scenario, DataPath datapath, String profile, boolean shaped,
                   List<Op> ops, List<NodeInfo> nodes, List<String> namespaces, List<String> cgroups) {
    public Plan {
        ops = List.copyOf(ops);
        nodes = List.copyOf(nodes);
        namespaces = List.copyOf(namespaces);
        cgroups = List.copyOf(cgroups);
    }

    public <T extends Op> List<T> ops(Class<T> type) {
        return ops.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The nodes where ranks run on this data path: hosts on NATIVE, VMs otherwise. */
    public List<NodeInfo> endpoints() {
        NodeInfo.Kind k = datapath == DataPath.NATIVE ? NodeInfo.Kind.HOST : NodeInfo.Kind.VM;
        return nodes.stream().filter(n -> n.kind() == k).toList();
    }
}
