package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.iovlab.cli.Main;
import org.iovlab.comm.Backend;
import org.iovlab.placement.Dims;
import org.iovlab.placement.Placer;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Manifest;
import org.iovlab.testbed.Plan;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app advect --testbed} and {@link AdvectRun}'s checks, against a testbed state written
 * to a temporary run directory: nothing is built, no root needed.
 */
class AdvectTestbedCliTest {
    @TempDir Path run;

    @BeforeEach
    void fakeTestbed() {
        System.setProperty("iovlab.run.dir", run.toString());
        Plan p = Planner.plan(Scenarios.load("local", DataPath.NATIVE).resolved(), "7", Profiles.load("linux"), true, List.of(0, 1), false);
        Manifest m = Manifest.of("7");
        m.begin(p.namespaces(), p.cgroups());
        new TestbedState("7", p.scenario(), p.datapath(), p.profile(), true, "198.18.0.0/24", p.nodes()).save(m.stateFile());
    }

    @AfterEach
    void reset() {
        System.clearProperty("iovlab.run.dir");
    }

    static AdvectCliTest.Run advect(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("app", "advect", "--grid", "32x16x16", "--steps", "5"));
        args.addAll(List.of(more));
        return AdvectCliTest.cli(args.toArray(String[]::new));
    }

    @Test
    void dryRunShowsWhereEachRankRunsAndListens() {
        AdvectCliTest.Run r = advect("--comm", "tcp", "--testbed", "7", "--decomp", "4x1x1", "--placement", "intra", "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario: local", "datapath: native", "placement: intra", "testbed: 7", "profile: linux",
                " RANK VM       HOST     NODE     NAMESPACE      LISTENS               CPUS",
                "    1 node1    host0    host0    iov7host0      198.18.0.1:25001      0",
                "    3 node2    host0    host0    iov7host0      198.18.0.1:25003      0");
    }

    @Test
    void theTestbedNeedsTheTcpBackend() {
        for (String comm : List.of("shm", "mpi")) {
            AdvectCliTest.Run r = advect("--comm", comm, "--testbed", "7", "--decomp", "2x1x1");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("--testbed: testbed: --testbed runs the ranks inside the testbed, which only --comm tcp does "
                    + "(got --comm " + comm + ")").doesNotContain("Exception");
        }
    }

    @Test
    void badTestbedsAndMisfitPlacementsAreUsageErrors() {
        assertThat(advect("--comm", "tcp", "--testbed", "8", "--decomp", "2x1x1").err())
                .contains("--testbed: testbed: no testbed instance 8 is up; start one with 'iovlab testbed up'");
        assertThat(advect("--comm", "tcp", "--testbed", "x1", "--decomp", "2x1x1").err()).contains("an instance id is one or two digits, got 'x1'");
        AdvectCliTest.Run paper = advect("--comm", "tcp", "--testbed", "7", "--decomp", "4x1x1", "--scenario", "paper");
        assertThat(paper.code()).isEqualTo(Main.USAGE);
        assertThat(paper.err()).contains("--placement: placement: the placement is for scenario 'paper' but testbed 7 runs scenario 'local'");
        AdvectCliTest.Run d = advect("--comm", "tcp", "--testbed", "7", "--decomp", "2x1x1", "--datapath", "iov");
        assertThat(d.code()).isEqualTo(Main.USAGE);
        assertThat(d.err()).contains("--datapath iov differs from testbed 7's data path native");
    }

    @Test
    void theLibraryChecksItsArgumentsBeforeStartingAnything() {
        TestbedState tb = TestbedState.load("7");
        AdvectConfig c = new AdvectConfig(Dims.parse("32x16x16"), Dims.parse("4x1x1"), 5, Scheme.UPWIND, false, 0.8);
        var local = Placer.place(Scenarios.load("local").resolved(), 4, PlacementSpec.parse("inter"));
        var paper = Placer.place(Scenarios.load("paper").resolved(), 4, PlacementSpec.parse("inter"));
        var eight = Placer.place(Scenarios.load("local").resolved(), 8, PlacementSpec.parse("inter"));
        assertThatThrownBy(() -> AdvectRun.run(c, Backend.SHM, local, tb, Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ranks run inside a testbed only on the tcp backend, not on shm");
        assertThatThrownBy(() -> AdvectRun.run(c, Backend.TCP, null, tb, Map.of(), null))
                .hasMessage("a run inside testbed 7 needs a placement");
        assertThatThrownBy(() -> AdvectRun.run(c, Backend.TCP, eight, tb, Map.of(), null))
                .hasMessage("the placement has 8 ranks, the decomposition 4x1x1 4");
        assertThatThrownBy(() -> AdvectRun.run(c, Backend.TCP, paper, tb, Map.of(), null))
                .hasMessageStartingWith("the placement is for scenario 'paper' but testbed 7 runs scenario 'local'");
        assertThatThrownBy(() -> AdvectRun.run(c, Backend.SHM, local, null, Map.of("placement", "x"), null))
                .hasMessage("run label 'placement' is set by the run itself");
    }

    @Test
    void messageAccountingByClass() {
        AdvectConfig up = new AdvectConfig(Dims.parse("32x16x16"), Dims.parse("8x1x1"), 5, Scheme.UPWIND, false, 0.8);
        AdvectConfig lw = new AdvectConfig(Dims.parse("32x16x16"), Dims.parse("8x1x1"), 5, Scheme.LAX_WENDROFF, false, 0.8);
        var hybrid = Placer.place(Scenarios.load("local").resolved(), 8, PlacementSpec.parse("hybrid"));
        Map<String, Object> m = AdvectRun.messages(up, hybrid);
        // local's 1-D hybrid: 3 of 7 messages cross hosts (see local.yaml).
        assertThat(m.get("perStep")).isEqualTo(Map.of("intra-vm", 4, "inter-vm", 0, "inter-host", 3, "total", 7));
        assertThat((double) m.get("interHostShare")).isEqualTo(3 / 7.0);
        assertThat(((Map<?, ?>) m.get("bytesPerStep")).get("total")).isEqualTo(7 * 16 * 16 * 8L);
        Map<String, Object> both = AdvectRun.messages(lw, hybrid);
        assertThat(((Map<?, ?>) both.get("perStep")).get("total")).isEqualTo(14);
        assertThat(both.get("interHostShare")).isEqualTo(m.get("interHostShare"));
    }
}
