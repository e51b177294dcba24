package org.iovlab.comm.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.iovlab.comm.ConformancePrograms;
import org.iovlab.comm.JobOptions;
import org.iovlab.placement.Placement;
import org.iovlab.placement.Placer;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.scenario.Scenarios;
import org.junit.jupiter.api.Test;

/** The mpirun command line is plain data: no Open MPI needed here. */
class MpirunCommandTest {
    private final MpiSetup setup = new MpiSetup(Optional.of(Path.of("/usr/bin/mpirun")),
            Optional.of(Path.of("/cache/openmpi-4.1.4/mpi.jar")), Optional.of(Path.of("/usr/lib/x86_64-linux-gnu/openmpi/lib")), true);

    @Test
    void localJobsRunWithNpOversubscribedOnLoopback() {
        JobOptions o = JobOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(7))
                .withMpirunArgs(List.of("--mca", "btl", "tcp,self"));
        MpirunCommand c = MpirunCommand.of(4, ConformancePrograms.Ring.class, new String[]{"a b"}, o, setup, Path.of("/tmp/x"), true);
        List<String> argv = c.argv();
        assertThat(argv.subList(0, 13)).containsExactly("/usr/bin/mpirun", "--allow-run-as-root", "-np", "4", "--oversubscribe",
                "--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo", "--mca", "btl");
        assertThat(argv).contains("-Djava.library.path=/usr/lib/x86_64-linux-gnu/openmpi/lib", "org.iovlab.comm.mpi.MpiRankMain");
        assertThat(argv.get(argv.indexOf("-cp") + 1)).endsWith(":/cache/openmpi-4.1.4/mpi.jar");
        assertThat(argv.subList(argv.size() - 6, argv.size())).containsExactly("--read-timeout-ms", "7000", "--program",
                ConformancePrograms.Ring.class.getName(), "--", "a b");
        assertThat(c.rankfile()).isEmpty();
        assertThat(c.printable()).startsWith("/usr/bin/mpirun --allow-run-as-root -np 4").endsWith(" -- 'a b'");
    }

    @Test
    void aPlacementBecomesAHostfileAndARankfile() {
        Placement p = Placer.place(Scenarios.load("paper"), 4, PlacementSpec.parse("inter"));
        MpirunCommand c = MpirunCommand.of(4, ConformancePrograms.Ring.class, new String[0], JobOptions.defaults().withPlacement(p),
                setup, Path.of("/tmp/job"), false);
        assertThat(c.argv()).doesNotContain("--allow-run-as-root", "--oversubscribe")
                .containsSequence("--hostfile", "/tmp/job/hostfile", "--rankfile", "/tmp/job/rankfile");
        List<String> lines = c.rankfile().lines().toList();
        assertThat(lines).hasSize(4);
        for (int r = 0; r < 4; r++) assertThat(lines.get(r)).startsWith("rank " + r + "=" + p.vmOfRank().get(r) + " slot=");
        for (String vm : p.vmOfRank()) {
            assertThat(c.hostfile()).contains(vm + " slots=" + p.scenario().vm(vm).orElseThrow().vcpus() + "\n");
        }
        assertThat(c.printable()).contains("# /tmp/job/rankfile:").contains("#  rank 0=");
    }

    @Test
    void slotsCountUpWithinEachVm() {
        Placement p = Placer.place(Scenarios.load("paper"), 4, PlacementSpec.parse("block"));
        String rf = MpirunCommand.rankfile(p);
        assertThat(rf.lines().map(l -> l.substring(l.indexOf("slot="))).toList()).startsWith("slot=0", "slot=1");
    }

    @Test
    void whatIsMissingIsSaidInOneSentenceEach() {
        MpiSetup none = new MpiSetup(Optional.empty(), Optional.empty(), Optional.empty(), false);
        assertThat(none.problems()).hasSize(4).anySatisfy(s -> assertThat(s).contains("mpi.jar").contains("scripts/setup.sh"));
        assertThatThrownBy(() -> MpirunCommand.of(2, ConformancePrograms.Ring.class, new String[0], JobOptions.defaults(), none,
                Path.of("/tmp"), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the mpi backend cannot run: mpirun is not on PATH");
        assertThat(setup.problems()).isEmpty();
    }
}
