package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.launch.Launched;
import org.iovlab.launch.Launcher;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Builds real testbeds (needs root): no leaks, full connectivity, timings. */
@Tag("root")
class TestbedRootTest {
    static final String INSTANCE = "91";

    @AfterEach
    void cleanUp() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    static TestbedState up(String scenario, DataPath d, String profile, boolean shaped) {
        Scenario s = Scenarios.load(scenario, d).resolved();
        Plan p = Planner.plan(s, INSTANCE, Profiles.load(profile), shaped, Cgroups.machineCpus(), false);
        return Testbeds.up(p, s.network().toString());
    }

    @ParameterizedTest
    @EnumSource(DataPath.class)
    void everyEndpointReachesEveryOtherAndDownLeavesNothing(DataPath d) {
        TestbedState st = up("local", d, "xen-2010", true);
        assertThat(Leaks.of(INSTANCE)).isNotEmpty();
        List<NodeInfo> ends = new ArrayList<>(st.endpoints());
        if (d != DataPath.NATIVE) ends.addAll(st.nodes().stream().filter(n -> n.kind() == NodeInfo.Kind.HOST).toList());
        List<String> unreachable = new ArrayList<>();
        List<Launched> pings = new ArrayList<>();
        for (NodeInfo from : st.endpoints()) {
            for (NodeInfo to : ends) {
                if (from != to) pings.add(Launcher.start(from, List.of("ping", "-c", "1", "-w", "5", to.address().toString())));
            }
        }
        for (Launched l : pings) {
            Launched.Result r = l.await(Duration.ofSeconds(10));
            if (!r.ok()) unreachable.add(l.node() + " -> " + r.argv().get(r.argv().size() - 1));
            l.close();
        }
        System.out.printf("[testbed] %s: %d pings, unreachable %s%n", d, pings.size(), unreachable);
        assertThat(unreachable).isEmpty();
        assertThat(pings).hasSize(d == DataPath.NATIVE ? 2 : 4 * 3 + 4 * 2);
        assertThat(Testbeds.down(INSTANCE)).isTrue();
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    @Test
    void nothingLeavesTheTestbed() {
        TestbedState st = up("local", DataPath.BRIDGED, "linux", true);
        NodeInfo vm = st.node("node1").orElseThrow();
        // The only routes are the testbed's own subnet: no default route, nothing reaches outside.
        Launched.Result routes = Launcher.run(vm, List.of("ip", "-4", "route", "show"), Duration.ofSeconds(5)).orThrow();
        assertThat(routes.out().strip()).isEqualTo("198.18.0.0/24 dev iov91node1v proto kernel scope link src 198.18.0.3");
        Launched.Result out = Launcher.run(vm, List.of("ping", "-c", "1", "-W", "1", "192.0.2.1"), Duration.ofSeconds(5));
        assertThat(out.exit()).isNotZero();
        assertThat(out.err()).contains("Network is unreachable");
    }

    @Test
    void paperUpUnder3sDownUnder2s() {
        for (DataPath d : DataPath.values()) {
            long t0 = System.nanoTime();
            up("paper", d, "xen-2010", true);
            long upMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            Testbeds.down(INSTANCE);
            long downMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[testbed] paper %s: up %d ms, down %d ms%n", d, upMs, downMs);
            assertThat(upMs).isLessThan(3000);
            assertThat(downMs).isLessThan(2000);
            assertThat(Leaks.of(INSTANCE)).isEmpty();
        }
    }

    @Test
    void secondUpOfTheSameInstanceIsRefusedAndTouchesNothing() {
        up("local", DataPath.IOV, "linux", true);
        List<String> before = Leaks.of(INSTANCE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> up("local", DataPath.IOV, "linux", true))
                .isInstanceOf(TestbedException.class).hasMessageContaining("testbed instance 91 already exists");
        assertThat(Leaks.of(INSTANCE)).isEqualTo(before);
    }
}
