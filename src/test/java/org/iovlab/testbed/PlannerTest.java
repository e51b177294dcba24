package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Names;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.scenario.yaml.ScenarioYaml;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlannerTest {
    static Plan plan(String scenario, DataPath d, String profile) {
        return Planner.plan(Scenarios.load(scenario, d).resolved(), "5", Profiles.load(profile), true, List.of(0, 1), false);
    }

    static List<String> allNames(Plan p) {
        List<String> names = new ArrayList<>(p.namespaces());
        for (Op op : p.ops()) {
            switch (op) {
                case Op.AddVeth v -> { names.add(v.name()); names.add(v.peer()); }
                case Op.AddBridge b -> names.add(b.name());
                case Op.AddMacvlan m -> names.add(m.name());
                default -> { }
            }
        }
        return names;
    }

    @ParameterizedTest
    @EnumSource(DataPath.class)
    void everyNameCarriesThePrefixAndFits(DataPath d) {
        Plan p = plan("paper", d, "xen-2010");
        assertThat(allNames(p)).isNotEmpty().allSatisfy(n -> {
            assertThat(n).startsWith("iov5").hasSizeLessThanOrEqualTo(Names.MAX_INTERFACE_NAME);
            assertThat(new InstanceNames("5").owns(n)).isTrue();
        }).doesNotHaveDuplicates();
        assertThat(p.cgroups()).allSatisfy(c -> assertThat(c).startsWith("iov5"));
    }

    @Test
    void bridgedPaperHasAVifPerVmOnTheDom0Bridge() {
        Plan p = plan("paper", DataPath.BRIDGED, "linux");
        assertThat(p.namespaces()).containsExactly("iov5host0", "iov5host0e", "iov5host1", "iov5host1e",
                "iov5node1", "iov5node2", "iov5node3", "iov5node4", "iov5node5", "iov5node6", "iov5node7", "iov5node8");
        assertThat(p.ops(Op.Enslave.class)).filteredOn(e -> e.bridge().equals("iov5host0b"))
                .extracting(Op.Enslave::dev).containsExactly("iov5host0n", "iov5node1p", "iov5node2p", "iov5node3p", "iov5node4p");
        assertThat(p.ops(Op.AddMacvlan.class)).isEmpty();
        assertThat(p.endpoints()).extracting(NodeInfo::name).containsExactly("node1", "node2", "node3", "node4", "node5", "node6", "node7", "node8");
        // Only the wire is shaped by the linux profile, at the scenario's line rate.
        assertThat(p.ops(Op.Shape.class)).extracting(Op.Shape::dev).containsExactly("iov5host0w", "iov5host1w");
        assertThat(p.ops(Op.Shape.class)).allSatisfy(s -> assertThat(s.hop().rate().orElseThrow().gbitPerSecond()).isEqualTo(10.0));
    }

    @Test
    void iovGivesEachVmAVepaMacvlanAndHairpinsInTheNic() {
        Plan p = plan("local", DataPath.IOV, "xen-2010");
        assertThat(p.ops(Op.AddMacvlan.class)).extracting(m -> m.ns() + ">" + m.lower() + ">" + m.name() + ">" + m.targetNs() + ">" + m.mode())
                .containsExactly("iov5host0>iov5host0n>iov5node1f>iov5node1>vepa", "iov5host0>iov5host0n>iov5node2f>iov5node2>vepa",
                        "iov5host1>iov5host1n>iov5node3f>iov5node3>vepa", "iov5host1>iov5host1n>iov5node4f>iov5node4>vepa");
        assertThat(p.ops(Op.Enslave.class)).filteredOn(Op.Enslave::hairpin).extracting(Op.Enslave::dev)
                .containsExactly("iov5host0x", "iov5host1x");
        // No Dom0 bridge: VF-to-VF frames can only meet in the NIC's switch.
        assertThat(p.ops(Op.AddBridge.class)).extracting(Op.AddBridge::name).containsExactly("iov5host0s", "iov5host1s");
        // The host<->NIC hop carries the eswitch shaping in both directions.
        assertThat(p.ops(Op.Shape.class)).filteredOn(s -> s.why().contains("eswitch")).extracting(Op.Shape::dev)
                .containsExactlyInAnyOrder("iov5host0n", "iov5host0x", "iov5host1n", "iov5host1x");
    }

    @Test
    void nativeHasNoVmNamespacesAndMoreHostsGetASwitch() {
        Plan p = plan("local", DataPath.NATIVE, "linux");
        assertThat(p.namespaces()).containsExactly("iov5host0", "iov5host0e", "iov5host1", "iov5host1e");
        assertThat(p.endpoints()).extracting(n -> n.name() + "@" + n.address()).containsExactly("host0@198.18.0.1", "host1@198.18.0.2");
        Scenario three = ScenarioYaml.read("t", """
                name: three
                hosts: [{name: a, cores: 2, nic: {lineRate: 1Gbit/s}}, {name: b, cores: 2, nic: {lineRate: 1Gbit/s}}, {name: c, cores: 2, nic: {lineRate: 1Gbit/s}}]
                vms: [{name: v, host: a, vcpus: 1}]
                """).withDatapath(DataPath.NATIVE).resolved();
        Plan q = Planner.plan(three, "5", Profiles.load("linux"), true, List.of(0, 1), false);
        assertThat(q.namespaces()).contains("iov5switch");
        assertThat(q.ops(Op.Enslave.class)).filteredOn(e -> e.bridge().equals("iov5switchb")).extracting(Op.Enslave::dev)
                .containsExactly("iov5at", "iov5bt", "iov5ct");
    }

    @Test
    void noRouteOut_allAddressesInThePlanAndNothingInTheInitialNamespace() {
        Plan p = plan("paper", DataPath.BRIDGED, "linux");
        assertThat(p.ops()).filteredOn(op -> op.ns() == null)
                .allSatisfy(op -> assertThat(op).isInstanceOfAny(Op.AddNamespace.class, Op.AddCgroup.class));
        assertThat(p.ops(Op.AddAddress.class)).allSatisfy(a -> assertThat(org.iovlab.scenario.Cidr.BENCHMARKING.contains(a.address())).isTrue());
        assertThat(p.ops(Op.AddAddress.class)).hasSize(10);
    }

    @Test
    void vfOversubscriptionIsRefusedBeforeAnything() {
        String yaml = """
                name: tight
                datapath: iov
                hosts: [{name: h0, cores: 2, nic: {lineRate: 10Gbit/s, vfs: 1}}]
                vms: [{name: a, host: h0, vcpus: 1}, {name: b, host: h0, vcpus: 1}]
                """;
        assertThatThrownBy(() -> ScenarioYaml.read("tight.yaml", yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exports only 1 virtual functions");
        Scenario s = ScenarioYaml.read("tight.yaml", yaml.replace("datapath: iov", "datapath: bridged")).withDatapath(DataPath.IOV).resolved();
        assertThatThrownBy(() -> Planner.plan(s, "5", Profiles.load("linux"), true, List.of(0), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("host 'h0' has 2 VMs on the iov data path but its NIC exports only 1");
    }

    @Test
    void badNamesAndInstancesAreRefused() {
        Scenario sw = ScenarioYaml.read("t", """
                name: sw
                hosts: [{name: switch, cores: 1, nic: {lineRate: 1Gbit/s}}]
                vms: [{name: v, host: switch, vcpus: 1}]
                """).resolved();
        assertThatThrownBy(() -> Planner.plan(sw, "5", Profiles.load("linux"), true, List.of(0), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'switch' is reserved");
        Scenario s = Scenarios.load("local").resolved();
        for (String bad : List.of("a", "123", "", "0;rm", "x y")) {
            assertThatThrownBy(() -> Planner.plan(s, bad, Profiles.load("linux"), true, List.of(0), false))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("one or two digits");
        }
        Scenario clash = ScenarioYaml.read("t", """
                name: clash
                hosts: [{name: h, cores: 1, nic: {lineRate: 1Gbit/s}}]
                vms: [{name: hb, host: h, vcpus: 1}]
                """).resolved();
        assertThatThrownBy(() -> Planner.plan(clash, "5", Profiles.load("linux"), true, List.of(0), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("derived name iov5hb collides");
    }

    @Test
    void ipBatchLinesAreWordsOnly() {
        Plan p = plan("paper", DataPath.IOV, "xen-2010");
        List<String> lines = p.ops().stream().flatMap(op -> Op.ipLines(op).stream()).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("[a-z0-9 ./_]+"));
        assertThat(lines).contains("link add iov5host0n netns iov5host0 type veth peer name iov5host0x netns iov5host0e",
                "link add link iov5host0n name iov5node1f netns iov5node1 type macvlan mode vepa",
                "link set iov5host0x type bridge_slave hairpin on", "address add 198.18.0.3/24 dev iov5node1f");
    }

    @Test
    void shapingLinesForRateLatencyAndBoth() {
        Plan p = plan("local", DataPath.BRIDGED, "xen-2010");
        Op.Shape dom0 = p.ops(Op.Shape.class).stream().filter(s -> s.dev().equals("iov5host0n")).findFirst().orElseThrow();
        assertThat(TcLines.of(dom0)).containsExactly("qdisc add dev iov5host0n root handle 1: tbf rate 3900000000bit burst 243750 latency 20ms");
        Op.Shape both = new Op.Shape("iov5host0", "iov5host0n", new org.iovlab.testbed.profile.Hop(
                java.util.Optional.of(org.iovlab.scenario.Bandwidth.gbitPerSecond(1)), java.time.Duration.ofNanos(15_000)), "test");
        assertThat(TcLines.of(both)).containsExactly("qdisc add dev iov5host0n root handle 1: netem delay 15us limit 100000",
                "qdisc add dev iov5host0n parent 1:1 handle 10: tbf rate 1000000000bit burst 131072 latency 20ms");
        Op.Shape wire = p.ops(Op.Shape.class).stream().filter(s -> s.dev().equals("iov5host0w")).findFirst().orElseThrow();
        assertThat(TcLines.of(wire)).containsExactly("qdisc add dev iov5host0w root handle 1: tbf rate 7150000000bit burst 446875 latency 20ms");
        assertThat(Planner.plan(Scenarios.load("local").resolved(), "5", Profiles.load("xen-2010"), false, List.of(0, 1), false)
                .ops(Op.Shape.class)).isEmpty();
    }

    @Test
    void cpuMappingSplitsRealCoresByDeclaredCores() {
        Plan p = Planner.plan(Scenarios.load("paper").resolved(), "5", Profiles.load("linux"), true, List.of(0, 1), true);
        assertThat(p.nodes()).extracting(n -> n.name() + ":" + n.cpus() + ":" + n.shares() + ":" + n.quotaMicros())
                .contains("host0:0:8192:-1", "node1:0:2048:25000", "host1:1:8192:-1", "node8:1:2048:25000");
        assertThat(CpuMap.hostCpus(Scenarios.load("local"), List.of(0, 1, 2, 3))).containsExactly(List.of(0, 1), List.of(2, 3));
        assertThat(CpuMap.hostCpus(Scenarios.load("local"), List.of(3))).containsExactly(List.of(3), List.of(3));
        assertThat(CpuMap.parse("0-2,5")).containsExactly(0, 1, 2, 5);
    }
}
