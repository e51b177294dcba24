package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.iovlab.comm.Backend;
import org.iovlab.placement.Dims;
import org.iovlab.placement.Placement;
import org.iovlab.placement.Placer;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.Leaks;
import org.iovlab.testbed.Plan;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The solver's tcp ranks inside a live testbed (needs root): each rank in its node's namespace,
 * the serial run's bits, and nothing left behind, also after a rank is killed.
 */
@Tag("root")
class AdvectTestbedRootTest {
    static final String INSTANCE = "88";
    static final AdvectConfig CONFIG = new AdvectConfig(Dims.parse("32x16x16"), Dims.parse("8x1x1"), 5, Scheme.UPWIND, false,
            AdvectConfig.DEFAULT_CFL);

    @TempDir Path dir;

    @BeforeEach
    @AfterEach
    void clean() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    static TestbedState up(DataPath d) {
        Scenario s = Scenarios.load("local", d).resolved();
        Plan p = Planner.plan(s, INSTANCE, Profiles.load("linux"), true, Cgroups.machineCpus(), false);
        return Testbeds.up(p, s.network().toString());
    }

    static Placement inter(DataPath d) {
        return Placer.place(Scenarios.load("local", d).resolved(), 8, PlacementSpec.parse("inter"));
    }

    @ParameterizedTest
    @EnumSource(value = DataPath.class, names = {"BRIDGED", "NATIVE"})
    @SuppressWarnings("unchecked")
    void ranksRunInTheirNodesAndGiveTheSerialBits(DataPath d) throws IOException {
        String serial = (String) AdvectRun.run(new AdvectConfig(CONFIG.grid(), new Dims(1, 1, 1), CONFIG.steps(), CONFIG.scheme(),
                false, CONFIG.cfl()), Backend.SHM, null, null, Map.of(), null).get("fieldChecksum");
        TestbedState tb = up(d);
        Path json = dir.resolve("r.json");
        long t0 = System.nanoTime();
        Map<String, Object> report = AdvectRun.run(CONFIG, Backend.TCP, inter(d), tb, Map.of("test", "root"), json);
        System.out.printf("[advect-testbed] %s: 8 ranks 32x16x16, 5 steps in %d ms (wall %.3f s)%n", d,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), ((Number) report.get("wallSeconds")).doubleValue());
        assertThat(report.get("fieldChecksum")).isEqualTo(serial);
        assertThat(AdvectReport.read(json)).isEqualTo(report);
        assertThat((Map<String, Object>) report.get("run")).containsEntry("testbed", INSTANCE).containsEntry("datapath", d.id())
                .containsEntry("profile", "linux").containsEntry("placement", "inter").containsEntry("test", "root");
        assertThat((Map<String, Object>) report.get("messages")).containsEntry("interHostShare", 1.0);
        List<String> seen = new ArrayList<>();
        for (Object o : (List<Object>) report.get("ranks")) {
            Map<String, Object> r = (Map<String, Object>) o;
            String ns = (String) r.get("namespace");
            // What the rank itself saw is the node's namespace, not the initial one.
            assertThat(((Number) r.get("netns")).longValue()).as("rank %s", r.get("rank")).isEqualTo(Testbeds.namespaceInode(ns));
            seen.add(ns);
        }
        String inst = "iov" + INSTANCE;
        assertThat(seen).isEqualTo(d == DataPath.NATIVE
                ? List.of(inst + "host0", inst + "host1", inst + "host0", inst + "host1", inst + "host0", inst + "host1", inst + "host0", inst + "host1")
                : List.of(inst + "node1", inst + "node3", inst + "node2", inst + "node4", inst + "node1", inst + "node3", inst + "node2", inst + "node4"));
        assertThat(pidsIn(tb)).isEmpty();
    }

    @Test
    void aKilledRankEndsTheRunNamingItAndLeavesNothingInTheNamespaces() throws Exception {
        TestbedState tb = up(DataPath.BRIDGED);
        AdvectConfig endless = new AdvectConfig(Dims.parse("48x48x48"), Dims.parse("4x1x1"), 10_000_000, Scheme.UPWIND, false,
                AdvectConfig.DEFAULT_CFL);
        Placement p = Placer.place(Scenarios.load("local").resolved(), 4, PlacementSpec.parse("inter"));
        CompletableFuture<Throwable> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                AdvectRun.run(endless, Backend.TCP, p, tb, Map.of(), null);
                run.complete(null);
            } catch (Throwable e) {
                run.complete(e);
            }
        });
        runner.start();
        // inter puts rank 1 on node3
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Long> node3;
        while ((node3 = pids(tb.node("node3").orElseThrow().namespace())).isEmpty() || pidsIn(tb).size() < 4) {
            assertThat(System.nanoTime()).as("4 ranks started").isLessThan(until);
            assertThat(run).isNotDone();
            Thread.sleep(100);
        }
        Thread.sleep(2000); // past start-up, inside the step loop
        assertThat(run).as("still running").isNotDone();
        String cgroups = java.nio.file.Files.readString(Path.of("/proc", Long.toString(node3.get(0)), "cgroup"));
        if (tb.node("node3").orElseThrow().cgroup() != null) {
            assertThat(cgroups).as("rank 1 in node3's cgroups").containsPattern(":cpuset:/iov88node3\\n").containsPattern(":cpu[,:].*/iov88node3\\n");
        }
        long t0 = System.nanoTime();
        ProcessHandle.of(node3.get(0)).orElseThrow().destroyForcibly();
        Throwable e = run.get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(e).isInstanceOf(AdvectRunException.class).hasMessageStartingWith("advect on tcp failed: rank 1 was killed by signal 9");
        assertThat(((AdvectRunException) e).rank()).isEqualTo(1);
        assertThat(millis).isLessThan(5000);
        assertThat(pidsIn(tb)).as("processes left in the testbed's namespaces").isEmpty();
    }

    /** Every process in any namespace of the testbed. */
    static List<Long> pidsIn(TestbedState tb) throws IOException {
        List<Long> all = new ArrayList<>();
        for (var n : tb.nodes()) all.addAll(pids(n.namespace()));
        return all;
    }

    static List<Long> pids(String ns) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "pids", ns).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip())).toList();
    }
}
