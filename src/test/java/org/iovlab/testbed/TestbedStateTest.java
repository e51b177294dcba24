package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iovlab.launch.Launcher;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State and manifest files round-trip; no root needed (the run dir is a temp dir). */
class TestbedStateTest {
    @AfterEach
    void reset() {
        System.clearProperty("iovlab.run.dir");
    }

    @Test
    void stateRoundTripsAndNamesNodesForRanks(@TempDir Path run) throws Exception {
        System.setProperty("iovlab.run.dir", run.toString());
        Plan p = Planner.plan(Scenarios.load("local", DataPath.IOV).resolved(), "7", Profiles.load("linux"), true, List.of(0, 1), false);
        Manifest m = Manifest.of("7");
        m.begin(p.namespaces(), p.cgroups());
        m.recordHelper(4242);
        TestbedState st = new TestbedState("7", p.scenario(), p.datapath(), p.profile(), true, "198.18.0.0/24", p.nodes());
        st.save(m.stateFile());
        TestbedState back = TestbedState.load("7");
        assertThat(back).isEqualTo(st);
        assertThat(back.nodeForRank("node3", "host1").namespace()).isEqualTo("iov7node3");
        assertThat(Launcher.argvPrefix(back.node("node3").orElseThrow())).containsExactly("ip", "netns", "exec", "iov7node3", "taskset", "-c", "1");
        Manifest.Entries e = m.read();
        assertThat(e.namespaces()).hasSize(8).startsWith("iov7host0");
        assertThat(e.cgroups()).containsExactly("iov7host0", "iov7node1", "iov7node2", "iov7host1", "iov7node3", "iov7node4");
        assertThat(e.helpers()).containsExactly(4242L);
        assertThatThrownBy(() -> m.begin(p.namespaces(), p.cgroups())).isInstanceOf(TestbedException.class)
                .hasMessageContaining("testbed instance 7 already exists");
        m.delete();
        assertThat(Files.exists(run.resolve("7"))).isFalse();
        assertThatThrownBy(() -> TestbedState.load("7")).hasMessage("no testbed instance 7 is up; start one with 'iovlab testbed up'");
    }

    @Test
    void manifestNeverListsForeignNames(@TempDir Path run) throws Exception {
        System.setProperty("iovlab.run.dir", run.toString());
        Files.createDirectories(run.resolve("7"));
        Files.writeString(run.resolve("7/manifest"), "netns iov7host0\nnetns eth0\nnetns iov71host0\ncgroup user.slice\nnetns iov7ho");
        assertThat(Manifest.of("7").read().namespaces()).containsExactly("iov7host0", "iov7ho");
        assertThat(Manifest.of("7").read().cgroups()).isEmpty();
    }

    @Test
    void nativeRanksRunOnTheirHost() {
        Plan p = Planner.plan(Scenarios.load("local", DataPath.NATIVE).resolved(), "7", Profiles.load("linux"), true, List.of(0, 1), false);
        TestbedState st = new TestbedState("7", p.scenario(), p.datapath(), p.profile(), true, "198.18.0.0/24", p.nodes());
        assertThat(st.nodeForRank("node3", "host1").namespace()).isEqualTo("iov7host1");
    }
}
