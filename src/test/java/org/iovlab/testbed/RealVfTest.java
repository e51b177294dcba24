package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.yaml.ScenarioYaml;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.Test;

/** A scenario may name real SR-IOV virtual functions: validated, planned as moves, checked before anything is created. */
class RealVfTest {
    private static final String YAML = """
            name: hw
            datapath: iov
            hosts:
              - name: host0
                cores: 4
                nic: {lineRate: 25Gbit/s, vfs: 4, vfDevices: [enp3s0f0v0, enp3s0f0v1]}
              - {name: host1, cores: 4}
            vms:
              - {name: node1, host: host0, vcpus: 2}
              - {name: node2, host: host0, vcpus: 2}
              - {name: node3, host: host1, vcpus: 2}
            """;

    @Test
    void realVfsAreMovedIntoTheVmsInsteadOfEmulated() {
        Scenario s = ScenarioYaml.read("hw.yaml", YAML).resolved();
        Plan p = Planner.plan(s, "5", Profiles.load("linux"), true, List.of(0, 1), false);
        assertThat(p.ops(Op.MoveDevice.class)).containsExactly(new Op.MoveDevice("iov5node1", "enp3s0f0v0"),
                new Op.MoveDevice("iov5node2", "enp3s0f0v1"));
        assertThat(Op.ipLines(p.ops(Op.MoveDevice.class).get(0))).containsExactly("link set enp3s0f0v0 netns iov5node1");
        // host1 has no real VFs: its VM gets an emulated one.
        assertThat(p.ops(Op.AddMacvlan.class)).extracting(Op.AddMacvlan::targetNs).containsExactly("iov5node3");
        assertThat(p.ops(Op.AddAddress.class)).anySatisfy(a -> {
            assertThat(a.ns()).isEqualTo("iov5node1");
            assertThat(a.dev()).isEqualTo("enp3s0f0v0");
        });
        assertThat(p.ops(Op.LinkUp.class)).contains(new Op.LinkUp("iov5node2", "enp3s0f0v1"));
        assertThat(p.nodes()).filteredOn(n -> n.name().equals("node2")).extracting(NodeInfo::device).containsExactly("enp3s0f0v1");
    }

    @Test
    void devicesThatAreNotVirtualFunctionsAreRefusedBeforeAnythingIsCreated() {
        Scenario s = ScenarioYaml.read("hw.yaml", YAML.replace("enp3s0f0v0, enp3s0f0v1", "lo, nosuchvf9")).resolved();
        Plan p = Planner.plan(s, "5", Profiles.load("linux"), true, List.of(0, 1), false);
        assertThatThrownBy(() -> Testbeds.checkRealDevices(p))
                .hasMessageContaining("device 'lo' is not an SR-IOV virtual function")
                .hasMessageContaining("VF device 'nosuchvf9' does not exist here");
    }

    @Test
    void badVfDeviceListsAreConfigurationErrors() {
        assertThatThrownBy(() -> ScenarioYaml.read("hw.yaml", YAML.replace("enp3s0f0v1]", "enp3s0f0v1, \"bad name\", iov0x]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hw.yaml:6:75: hosts[0].nic.vfDevices[2]: 'bad name' is not a Linux interface name")
                .hasMessageContaining("hosts[0].nic.vfDevices[3]: 'iov0x' starts with 'iov', which iovlab keeps for what it creates");
        assertThatThrownBy(() -> ScenarioYaml.read("hw.yaml", YAML.replace("[enp3s0f0v0, enp3s0f0v1]", "[enp3s0f0v0]")))
                .hasMessageContaining("hosts[0].nic.vfDevices: host 'host0' has 2 VMs on the iov data path but names only 1 VF devices");
        assertThatThrownBy(() -> ScenarioYaml.read("hw.yaml", YAML.replace("vfs: 4", "vfs: 1")))
                .hasMessageContaining("host 'host0' names 2 VF devices but its NIC exports only 1 virtual functions");
        assertThatThrownBy(() -> ScenarioYaml.read("hw.yaml", YAML.replace("enp3s0f0v1]", "enp3s0f0v0]")))
                .hasMessageContaining("hosts[0].nic.vfDevices[1]: VF device 'enp3s0f0v0' is already given by hosts[0].nic.vfDevices[0]");
    }

    @Test
    void theResolvedScenarioKeepsTheDevices() {
        Scenario s = ScenarioYaml.read("hw.yaml", YAML).resolved();
        assertThat(ScenarioYaml.write(s)).contains("vfDevices:").contains("- enp3s0f0v0");
        assertThat(ScenarioYaml.read("again", ScenarioYaml.write(s)).resolved()).isEqualTo(s);
    }
}
