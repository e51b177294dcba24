package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.iovlab.launch.Launched;
import org.iovlab.launch.Launcher;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The paper's finding (ii) on the emulation: on `local` with profile xen-2010, VM-to-VM on one
 * host is slower under IOV (frames go out to the NIC and back) than under BRIDGED (Dom0's
 * bridge switches them in memory), and VM-to-VM across hosts is faster under IOV (no Dom0).
 * One iperf3 stream per measurement; the data paths are measured alternately, twice.
 */
@Tag("root")
class IovIntraHostEffectRootTest {
    static final String INSTANCE = "95";

    @AfterEach
    void down() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    static double gbits(TestbedState st, String from, String to) throws Exception {
        NodeInfo server = st.node(to).orElseThrow(), client = st.node(from).orElseThrow();
        try (Launched s = Launcher.start(server, List.of("iperf3", "-s", "-1", "-B", server.address().toString()))) {
            Thread.sleep(300);
            Launched.Result r = Launcher.run(client, List.of("iperf3", "-c", server.address().toString(), "-t", "2", "-J"),
                    Duration.ofSeconds(20)).orThrow();
            s.await(Duration.ofSeconds(5));
            return new ObjectMapper().readTree(r.out()).path("end").path("sum_received").path("bits_per_second").asDouble() / 1e9;
        }
    }

    @Test
    void iovLosesOnOneHostAndWinsAcrossHosts() throws Exception {
        assertThat(Privileges.onPath("iperf3")).as("iperf3 must be installed (Debian package iperf3)").isTrue();
        Map<DataPath, double[]> sums = new EnumMap<>(DataPath.class);
        for (int round = 0; round < 2; round++) {
            for (DataPath d : List.of(DataPath.BRIDGED, DataPath.IOV)) {
                Scenario s = Scenarios.load("local", d).resolved();
                TestbedState st = Testbeds.up(Planner.plan(s, INSTANCE, Profiles.load("xen-2010"), true, Cgroups.machineCpus(), false),
                        s.network().toString());
                double same = gbits(st, "node1", "node2"), across = gbits(st, "node1", "node3");
                System.out.printf("[testbed] round %d %s xen-2010: VM->VM same host %.2f Gbit/s, across hosts %.2f Gbit/s%n",
                        round, d, same, across);
                double[] acc = sums.computeIfAbsent(d, k -> new double[2]);
                acc[0] += same;
                acc[1] += across;
                Testbeds.down(INSTANCE);
            }
        }
        double[] b = sums.get(DataPath.BRIDGED), i = sums.get(DataPath.IOV);
        System.out.printf("[testbed] IOV/BRIDGED same host %.2f, across hosts %.2f%n", i[0] / b[0], i[1] / b[1]);
        assertThat(i[0]).as("IOV same-host throughput below BRIDGED").isLessThan(b[0]);
        assertThat(i[1]).as("IOV cross-host throughput above BRIDGED").isGreaterThan(b[1]);
    }
}
