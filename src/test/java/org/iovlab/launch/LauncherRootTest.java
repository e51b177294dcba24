package org.iovlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.iovlab.cli.Main;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.Leaks;
import org.iovlab.testbed.NodeInfo;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.Sys;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The launcher on a live testbed (needs root): namespace, CPU set, output, group kill, exec. */
@Tag("root")
class LauncherRootTest {
    static final String INSTANCE = "93";
    static TestbedState st;

    @BeforeAll
    static void up() {
        Testbeds.down(INSTANCE);
        Scenario s = Scenarios.load("local", DataPath.BRIDGED).resolved();
        st = Testbeds.up(Planner.plan(s, INSTANCE, Profiles.load("linux"), true, Cgroups.machineCpus(), true), s.network().toString());
    }

    @AfterAll
    static void down() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    @Test
    void runsInTheNodesNamespaceAndCpuSetAndCgroups() {
        NodeInfo n = st.node("node3").orElseThrow();
        Launched.Result addr = Launcher.run(n, List.of("ip", "-o", "-4", "addr", "show", "dev", n.device()), Duration.ofSeconds(5)).orThrow();
        assertThat(addr.out()).contains("inet 198.18.0.5/24");
        Launched.Result self = Launcher.run(n, List.of("cat", "/proc/self/status", "/proc/self/cgroup"), Duration.ofSeconds(5)).orThrow();
        assertThat(self.out()).containsPattern("Cpus_allowed_list:\\s+" + n.cpus() + "\\n")
                .contains("cpuset:/iov93node3\n").containsPattern("cpu(acct)?(,cpu)?(,cpuacct)?:/iov93node3\\n");
        // The launcher's own threads went back home: the group holds no thread of this JVM.
        List<String> ours = org.assertj.core.util.Lists.newArrayList(new java.io.File("/proc/self/task").list());
        for (String controller : List.of("cpuset", "cpu")) {
            assertThat(Cgroups.dir(controller, "iov93node3").resolve("tasks")).content().doesNotContainPattern(
                    "(?m)^(" + String.join("|", ours) + ")$");
        }
        assertThat(Cgroups.dir("cpu", "iov93node3").resolve("cpu.cfs_quota_us")).content().isEqualToIgnoringWhitespace(
                Long.toString(n.quotaMicros()));
    }

    @Test
    void streamsOutputLineByLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Launched l = Launcher.start(st.node("node1").orElseThrow(), List.of("seq", "3"),
                Launcher.Options.DEFAULT.streaming(lines::add, line -> { }))) {
            Launched.Result r = l.await(Duration.ofSeconds(5)).orThrow();
            assertThat(r.out()).isEqualTo("1\n2\n3\n");
        }
        assertThat(lines).containsExactly("1", "2", "3");
    }

    @Test
    void timeoutKillsTheWholeGroupLeavingNoOrphans() {
        NodeInfo n = st.node("node2").orElseThrow();
        Launched.Result r = Launcher.run(n, List.of("sh", "-c", "sleep 300 & sleep 300 & echo started; wait"), Duration.ofMillis(700));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.out()).isEqualTo("started\n");
        assertThat(Sys.run(List.of("ip", "netns", "pids", n.namespace()), "")).isBlank();
        assertThatThrownBy(r::orThrow).isInstanceOf(LaunchException.class).hasMessageContaining("timed out");
    }

    @Test
    void failureCarriesExitAndStderr() {
        Launched.Result r = Launcher.run(st.node("node1").orElseThrow(), List.of("sh", "-c", "echo oops >&2; exit 3"), Duration.ofSeconds(5));
        assertThat(r.exit()).isEqualTo(3);
        assertThatThrownBy(r::orThrow).hasMessageEndingWith("exited with 3: oops");
    }

    @Test
    void argvPrefixAndAdoptForCallersThatSpawnThemselves() throws Exception {
        NodeInfo n = st.node("node4").orElseThrow();
        List<String> argv = new java.util.ArrayList<>(Launcher.argvPrefix(n));
        argv.addAll(List.of("sleep", "30"));
        assertThat(argv.subList(0, 4)).containsExactly("ip", "netns", "exec", "iov93node4");
        Process p = new ProcessBuilder(argv).start();
        try {
            Launcher.adopt(n, p.pid());
            assertThat(Files.readString(Path.of("/proc/" + p.pid() + "/cgroup"))).contains("cpuset:/iov93node4\n");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void cliExecReturnsTheCommandsStatusAndStatusListsNodes() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "testbed", "exec", "-i", INSTANCE, "node1", "--", "sh", "-c", "exit 7"))
                .isEqualTo(7);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "testbed", "exec", "-i", INSTANCE, "nodeX", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("testbed 93 has no node 'nodeX'; nodes: host0, node1, node2, host1, node3, node4");
        StringWriter status = new StringWriter();
        assertThat(Main.run(new PrintWriter(status), new PrintWriter(err), "testbed", "status", "-i", INSTANCE)).isZero();
        assertThat(status.toString()).contains("testbed 93: scenario local, datapath bridged, profile linux")
                .contains("node3    vm   host1    iov93node3   198.18.0.5      iov93node3v  1").contains("namespaces: 8/8 exist");
    }
}
