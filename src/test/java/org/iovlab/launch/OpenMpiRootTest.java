package org.iovlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.tools.ToolProvider;

import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.Leaks;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.Sys;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java MPI program under real Open MPI across the VMs of a testbed (needs root, Open MPI and
 * its mpi.jar: fails, not skips, without them).
 */
@Tag("root")
class OpenMpiRootTest {
    static final String INSTANCE = "96";

    static final String PROGRAM = """
            import mpi.*;
            import java.net.*;
            import java.util.*;

            public class Where {
                public static void main(String[] args) throws Exception {
                    MPI.Init(args);
                    int rank = MPI.COMM_WORLD.getRank(), size = MPI.COMM_WORLD.getSize();
                    String addr = "?";
                    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                        for (InetAddress a : Collections.list(i.getInetAddresses())) {
                            if (a instanceof Inet4Address && !a.isLoopbackAddress()) addr = a.getHostAddress();
                        }
                    }
                    // A ring: every rank sends 1 MiB to the next one.
                    int[] out = new int[1 << 18], in = new int[1 << 18];
                    Arrays.fill(out, rank);
                    Request r = MPI.COMM_WORLD.iRecv(MPI.newIntBuffer(in.length), in.length, MPI.INT, (rank + size - 1) % size, 1);
                    java.nio.IntBuffer sb = MPI.newIntBuffer(out.length); sb.put(out);
                    MPI.COMM_WORLD.send(sb, out.length, MPI.INT, (rank + 1) % size, 1);
                    r.waitFor();
                    int[] sum = {rank};
                    MPI.COMM_WORLD.allReduce(sum, 1, MPI.INT, MPI.SUM);
                    System.out.println("rank " + rank + " of " + size + " at " + addr + " on " + new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/sys/kernel/hostname"))).trim() + " sum " + sum[0]);
                    MPI.Finalize();
                }
            }
            """;

    @AfterEach
    void down() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    @Test
    void javaMpiProgramRunsAcrossVmsOverTheTestbed(@TempDir Path tmp) throws Exception {
        Path mpiJar = OpenMpi.findMpiJar().orElseThrow(() -> new AssertionError(
                "Open MPI's mpi.jar not found: run scripts/setup.sh (it builds ~/.cache/iovlab/openmpi-<version>/mpi.jar) "
                        + "or pass -Diovlab.mpi.jar=PATH"));
        assertThat(org.iovlab.testbed.Privileges.onPath("mpirun")).as("mpirun (Debian package openmpi-bin) must be installed").isTrue();
        Files.writeString(tmp.resolve("Where.java"), PROGRAM);
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp", mpiJar.toString(),
                "-d", tmp.toString(), tmp.resolve("Where.java").toString());
        assertThat(javac).isZero();

        Scenario s = Scenarios.load("local", DataPath.BRIDGED).resolved();
        TestbedState st = Testbeds.up(Planner.plan(s, INSTANCE, Profiles.load("linux"), true, Cgroups.machineCpus(), false),
                s.network().toString());
        OpenMpi mpi = new OpenMpi(st, tmp);
        long rxBefore = rxBytes("iov96node3", "iov96node3v");
        Launched.Result r;
        try (Launched l = mpi.start(8, OpenMpi.javaRank(mpiJar, tmp.toString(), "Where", List.of()),
                new Launcher.Options(java.util.Map.of(), tmp, line -> { }, line -> { }, false))) {
            r = l.await(Duration.ofSeconds(120));
        }
        System.out.println("[testbed] mpirun out:\n" + r.out() + "[testbed] mpirun err:\n" + r.err());
        r.orThrow();
        // by-slot mapping, 2 slots per VM: ranks 0,1 on node1 (198.18.0.3), 2,3 on node2, ...
        for (int rank = 0; rank < 8; rank++) {
            assertThat(r.out()).contains("rank " + rank + " of 8 at 198.18.0." + (3 + rank / 2) + " on iov96node" + (1 + rank / 2) + " sum 28");
        }
        // The ring crossed VMs over the testbed's links (node3 received at least the 1 MiB from node2).
        assertThat(rxBytes("iov96node3", "iov96node3v") - rxBefore).isGreaterThan(1 << 20);
        assertThat(Files.readString(tmp.resolve("hostfile"))).isEqualTo(
                "iov96node1 slots=2\niov96node2 slots=2\niov96node3 slots=2\niov96node4 slots=2\n");
    }

    static long rxBytes(String ns, String dev) {
        String out = Sys.run(List.of("ip", "-n", ns, "-s", "-o", "link", "show", "dev", dev), "");
        String[] w = out.substring(out.indexOf("RX:")).split("\\\\")[1].trim().split("\\s+");
        return Long.parseLong(w[0]);
    }
}
