package org.iovlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.iovlab.scenario.yaml.ScenarioYaml;
import org.junit.jupiter.api.Test;

class ScenarioYamlTest {

    @Test
    void paperIsThePapersTestbed() {
        Scenario s = Scenarios.load("paper").resolved();
        assertThat(s.hosts()).extracting(Host::name).containsExactly("host0", "host1");
        assertThat(s.hosts()).allSatisfy(h -> {
            assertThat(h.cores()).isEqualTo(8);
            assertThat(h.nic().lineRate()).isEqualTo(Bandwidth.gbitPerSecond(10));
        });
        assertThat(s.vms()).extracting(Vm::name).containsExactly("node1", "node2", "node3", "node4", "node5", "node6", "node7", "node8");
        assertThat(s.vmsOn("host0")).extracting(Vm::name).containsExactly("node1", "node2", "node3", "node4");
        assertThat(s.vms()).allSatisfy(v -> {
            assertThat(v.vcpus()).isEqualTo(2);
            assertThat(v.memory()).isEqualTo(ByteSize.parse("1536MiB"));
        });
        assertThat(s.ranks()).isEqualTo(16);
    }

    @Test
    void localIsThePapersShapeOnTwoCores() {
        Scenario s = Scenarios.load("local").resolved();
        assertThat(s.hosts()).extracting(Host::cores).containsExactly(4, 4);
        assertThat(s.vms()).hasSize(4).allSatisfy(v -> assertThat(v.vcpus()).isEqualTo(2));
        assertThat(s.vmsOn("host1")).extracting(Vm::name).containsExactly("node3", "node4");
        assertThat(s.ranks()).isEqualTo(8);
    }

    @Test
    void resolvingAssignsDistinctAddressesHostsFirstInsideThePlan() {
        Scenario s = Scenarios.load("paper").resolved();
        assertThat(s.hosts().get(0).address()).hasToString("198.18.0.1");
        assertThat(s.hosts().get(1).address()).hasToString("198.18.0.2");
        assertThat(s.vms().get(0).address()).hasToString("198.18.0.3");
        assertThat(s.vms().stream().map(Vm::address).distinct()).hasSize(8);
    }

    @Test
    void explicitAddressesAreKeptAndSkippedByTheAssignment() {
        String yaml = """
                name: t
                hosts:
                  - {name: a, cores: 2, address: 198.18.0.1}
                vms:
                  - {name: v1, host: a, vcpus: 1}
                  - {name: v2, host: a, vcpus: 1, address: 198.18.0.2}
                """;
        Scenario s = ScenarioYaml.read("t.yaml", yaml).resolved();
        assertThat(s.vm("v1").orElseThrow().address()).hasToString("198.18.0.3");
        assertThat(s.vm("v2").orElseThrow().address()).hasToString("198.18.0.2");
    }

    @Test
    void defaultsAreFilledIn() {
        Scenario s = ScenarioYaml.read("t.yaml", """
                name: t
                hosts: [{name: a, cores: 2}]
                vms: [{name: v, host: a}]
                """).resolved();
        assertThat(s.datapath()).isEqualTo(DataPath.BRIDGED);
        assertThat(s.network()).isEqualTo(Scenario.DEFAULT_NETWORK);
        assertThat(s.hosts().get(0).nic()).isEqualTo(new Nic(Nic.DEFAULT_LINE_RATE, Nic.DEFAULT_VIRTUAL_FUNCTIONS));
        assertThat(s.vms().get(0).vcpus()).isEqualTo(1);
        assertThat(s.vms().get(0).memory()).isEqualTo(Vm.DEFAULT_MEMORY);
        assertThat(s.ranks()).isEqualTo(1);
    }

    @Test
    void aNumericLineRateMeansGbitPerSecond() {
        Scenario s = ScenarioYaml.read("t.yaml", """
                name: t
                hosts: [{name: a, cores: 2, nic: {lineRate: 25}}]
                vms: [{name: v, host: a}]
                """);
        assertThat(s.hosts().get(0).nic().lineRate()).isEqualTo(Bandwidth.gbitPerSecond(25));
    }

    @Test
    void writtenYamlReadsBackToTheSameScenario() {
        for (String name : Scenarios.BUILT_IN) {
            Scenario s = Scenarios.load(name).resolved();
            assertThat(ScenarioYaml.read("again", ScenarioYaml.write(s)).resolved()).isEqualTo(s);
        }
    }

    @Test
    void theDataPathCanBeOverriddenBeforeValidation() {
        assertThat(Scenarios.load("local", DataPath.IOV).datapath()).isEqualTo(DataPath.IOV);
    }
}
