package org.iovlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.iovlab.comm.JobOptions;
import org.iovlab.placement.Placement;
import org.iovlab.placement.Placer;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Plan;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.Test;

/** Rank -> node -> prefix and listening address, and why a placement does not fit a testbed; no root needed. */
class TestbedRanksTest {
    static TestbedState state(String scenario, DataPath d) {
        Plan p = Planner.plan(Scenarios.load(scenario, d).resolved(), "7", Profiles.load("linux"), true, List.of(0, 1), false);
        return new TestbedState("7", p.scenario(), p.datapath(), p.profile(), true, "198.18.0.0/24", p.nodes());
    }

    static Placement place(String scenario, int ranks, String pattern) {
        return Placer.place(Scenarios.load(scenario).resolved(), ranks, PlacementSpec.parse(pattern));
    }

    @Test
    void eachRankRunsInItsVmAndListensOnItsAddressOnAPortOfItsOwn() {
        TestbedRanks t = TestbedRanks.of(place("local", 8, "inter"), state("local", DataPath.BRIDGED));
        // inter: node1, node3, node2, node4, then again; the second rank of a VM takes the next port.
        assertThat(t.sites()).extracting(s -> s.node().name())
                .containsExactly("node1", "node3", "node2", "node4", "node1", "node3", "node2", "node4");
        assertThat(t.site(0).address().toString()).isEqualTo("/198.18.0.3:25000");
        assertThat(t.site(4).address().toString()).isEqualTo("/198.18.0.3:25001");
        assertThat(t.site(1).address().toString()).isEqualTo("/198.18.0.5:25000");
        JobOptions o = t.apply(JobOptions.defaults());
        assertThat(o.rankPrefixes().get(1)).containsExactly("ip", "netns", "exec", "iov7node3", "taskset", "-c", "1");
        assertThat(o.tcpPeers()).hasSize(8).doesNotHaveDuplicates().isEqualTo(t.sites().stream().map(TestbedRanks.Site::address).toList());
        assertThat(o.rankStarted()).isNotSameAs(JobOptions.RankStarted.NOTHING);
    }

    @Test
    void onNativeTheRanksOfBothVmsOfAHostShareItsNamespaceWithDistinctPorts() {
        TestbedRanks t = TestbedRanks.of(place("local", 8, "intra"), state("local", DataPath.NATIVE));
        assertThat(t.sites()).extracting(s -> s.node().namespace())
                .containsExactly("iov7host0", "iov7host0", "iov7host0", "iov7host0", "iov7host1", "iov7host1", "iov7host1", "iov7host1");
        assertThat(t.sites()).extracting(s -> s.address().getPort()).containsExactly(25000, 25001, 25002, 25003, 25000, 25001, 25002, 25003);
        assertThat(t.sites()).extracting(TestbedRanks.Site::vm).containsExactly("node1", "node1", "node2", "node2", "node3", "node3", "node4", "node4");
        assertThat(t.site(4).address().getHostString()).isEqualTo("198.18.0.2");
    }

    @Test
    void aPlacementOfAnotherScenarioIsRefusedNamingWhatDiffers() {
        TestbedState local = state("local", DataPath.BRIDGED);
        assertThatThrownBy(() -> TestbedRanks.of(place("paper", 4, "inter"), local)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the placement is for scenario 'paper' but testbed 7 runs scenario 'local'");
        // Same name, VMs elsewhere: a scenario file that moved node3 to host0 and named itself "local".
        Scenario moved = Scenarios.load("local").resolved();
        moved = new Scenario("local", "", moved.datapath(), 0, moved.network(), moved.hosts(), moved.vms().stream()
                .map(v -> v.name().equals("node3") ? new org.iovlab.scenario.Vm(v.name(), "host0", v.vcpus(), v.memory(), v.address()) : v)
                .toList());
        Placement p = new Placement(moved, "file", List.of("node3"));
        assertThat(TestbedRanks.problems(p, local)).containsExactly("VM 'node3' is on host0 in the placement but on host1 in testbed 7");
        assertThat(TestbedRanks.problems(place("local", 8, "inter"), local)).isEmpty();
    }
}
