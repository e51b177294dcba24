package org.iovlab.launch;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iovlab.comm.JobOptions;
import org.iovlab.placement.Placement;
import org.iovlab.scenario.DataPath;
import org.iovlab.testbed.NodeInfo;
import org.iovlab.testbed.TestbedState;

/**
 * Where the ranks of a placement run in a live testbed: rank {@code r} runs in the node of its
 * VM (on NATIVE, of its VM's host) and listens on that node's address, at {@link #BASE_PORT}
 * plus its index among the ranks of that node. So messages between VMs and hosts cross the
 * emulated data path, and ranks of one node talk through that namespace's own address.
 * {@link #apply} turns this into tcp job options: each rank's prefix (namespace and CPU set),
 * its cgroups once it runs, and the address table.
 */
public record TestbedRanks(TestbedState testbed, Placement placement, List<Site> sites) {
    /** Below Linux's ephemeral range (32768-60999), so no outgoing connection in the namespace can hold it first. */
    public static final int BASE_PORT = 25000;

    /** One rank's place: its VM and host in the placement, the testbed node it runs in, its listening address. */
    public record Site(int rank, String vm, String host, NodeInfo node, InetSocketAddress address) {}

    public TestbedRanks {
        sites = List.copyOf(sites);
    }

    /** Maps every rank of {@code placement} to its node; throws {@link IllegalArgumentException} naming every mismatch. */
    public static TestbedRanks of(Placement placement, TestbedState testbed) {
        List<String> problems = problems(placement, testbed);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        Map<String, Integer> onNode = new HashMap<>();
        List<Site> sites = new ArrayList<>();
        for (int r = 0; r < placement.ranks(); r++) {
            NodeInfo node = testbed.nodeForRank(placement.vm(r).name(), placement.host(r));
            int port = BASE_PORT + onNode.merge(node.name(), 1, Integer::sum) - 1;
            sites.add(new Site(r, placement.vm(r).name(), placement.host(r), node,
                    new InetSocketAddress(node.address().toString(), port)));
        }
        return new TestbedRanks(testbed, placement, sites);
    }

    /**
     * Why {@code placement} does not fit {@code testbed} (empty: it fits): another scenario, or
     * a VM or host the testbed lacks or has elsewhere.
     */
    public static List<String> problems(Placement placement, TestbedState testbed) {
        List<String> out = new ArrayList<>();
        String tb = "testbed " + testbed.instance();
        if (!placement.scenario().name().equals(testbed.scenario())) {
            out.add("the placement is for scenario '" + placement.scenario().name() + "' but " + tb + " runs scenario '"
                    + testbed.scenario() + "'");
        }
        Set<String> vms = new LinkedHashSet<>(placement.vmOfRank());
        for (String vm : vms) {
            String host = placement.scenario().vm(vm).orElseThrow().host();
            if (testbed.datapath() == DataPath.NATIVE) {
                Optional<NodeInfo> h = testbed.node(host).filter(n -> n.kind() == NodeInfo.Kind.HOST);
                if (h.isEmpty()) out.add(tb + " (native) has no host '" + host + "' for the ranks on VM '" + vm + "'");
                continue;
            }
            Optional<NodeInfo> n = testbed.node(vm).filter(x -> x.kind() == NodeInfo.Kind.VM);
            if (n.isEmpty()) out.add(tb + " has no VM '" + vm + "'");
            else if (!n.get().host().equals(host)) {
                out.add("VM '" + vm + "' is on " + host + " in the placement but on " + n.get().host() + " in " + tb);
            }
        }
        return out;
    }

    public Site site(int rank) {
        return sites.get(rank);
    }

    /** {@code base} with each rank's prefix, its cgroups on start ({@link Launcher#adopt}) and the peer address table. */
    public JobOptions apply(JobOptions base) {
        return base.withRankPrefixes(sites.stream().map(s -> Launcher.argvPrefix(s.node())).toList())
                .withTcpPeers(sites.stream().map(Site::address).toList())
                .withRankStarted((rank, pid) -> Launcher.adopt(sites.get(rank).node(), pid));
    }
}
