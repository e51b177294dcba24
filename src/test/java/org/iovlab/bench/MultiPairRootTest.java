package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.iovlab.launch.Launcher;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The paper's multi-pair mode on the local scenario's testbed, for every data path (needs root). */
@Tag("root")
class MultiPairRootTest {
    static final String INSTANCE = "82";

    @AfterEach
    void cleanUp() {
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DataPath.class)
    @Timeout(120)
    void everyPairMovesDataTheyOverlapAndSumToTheTotal(DataPath d) throws BenchFailure {
        Scenario s = Scenarios.load("local", d).resolved();
        Plan plan = Planner.plan(s, INSTANCE, Profiles.load("xen-2010"), true, Cgroups.machineCpus(), false);
        TestbedState st = Testbeds.up(plan, s.network().toString());
        List<PairMode.Placed> ends = st.endpoints().stream().map(n -> new PairMode.Placed(
                new Endpoint(n.name(), Launcher.argvPrefix(n), n.address().toString()), n.host())).toList();
        List<StreamBench.Pair> pairs = PairMode.CROSS.pairs(ends);
        assertThat(pairs).extracting(StreamBench.Pair::label)
                .containsExactlyElementsOf(d == DataPath.NATIVE ? List.of("host0->host1") : List.of("node1->node3", "node2->node4"));

        var spec = new StreamBench.Spec(Duration.ofSeconds(1), 128 * 1024, 0, new Repetitions(1, 1, 0.5), false, 0, Duration.ofSeconds(10));
        StreamReport r = StreamBench.run(pairs, spec, line -> { });
        StreamReport.Rep rep = r.reps().get(0);
        System.out.printf("[bench] %s cross pairs: %s MiB/s per pair, total %.1f MiB/s, start skew %.0f us%n", d,
                java.util.Arrays.toString(java.util.Arrays.stream(rep.perPairBytesPerSecond()).map(v -> Math.round(v / (1 << 20))).toArray()),
                rep.totalBytesPerSecond() / (1 << 20), rep.startSkewNanos() / 1e3);
        assertThat(rep.samples()).hasSize(pairs.size()).allSatisfy(x -> assertThat(x.bytes()).isGreaterThan(1 << 20));
        assertThat(rep.overlapped()).isTrue();
        assertThat(java.util.Arrays.stream(rep.perPairBytesPerSecond()).boxed().toList()).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(java.util.Arrays.stream(rep.perPairBytesPerSecond()).sum())
                .isCloseTo(rep.totalBytesPerSecond(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @org.junit.jupiter.api.Test
    @Timeout(60)
    void anUnreachablePeerFailsWithinTheTimeout() {
        Scenario s = Scenarios.load("local", DataPath.BRIDGED).resolved();
        Plan plan = Planner.plan(s, INSTANCE, Profiles.load("linux"), true, Cgroups.machineCpus(), false);
        TestbedState st = Testbeds.up(plan, s.network().toString());
        var node1 = st.node("node1").orElseThrow();
        // Inside the testbed's subnet, but nobody has this address: ARP gets no answer.
        var pair = new StreamBench.Pair(new Endpoint("node1", Launcher.argvPrefix(node1), node1.address().toString()),
                Endpoint.remote("198.18.0.250:5299"));
        var spec = new StreamBench.Spec(Duration.ofSeconds(1), 65536, 0, new Repetitions(1, 1, 0.5), false, 0, Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamBench.run(List.of(pair), spec, line -> { }))
                .isInstanceOf(BenchFailure.class)
                .hasMessageContaining("198.18.0.250:5299")
                .satisfies(e -> assertThat(((BenchFailure) e).partial()).isNull());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }
}
