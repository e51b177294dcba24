package org.iovlab.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.ByteSize;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Host;
import org.iovlab.scenario.Nic;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.ScenarioValidator;
import org.iovlab.scenario.SourceMap;
import org.iovlab.scenario.Vm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For random clusters, process grids and patterns: placement and accounting invariants. */
class PlacementPropertiesTest {

    record Case(Scenario scenario, Dims procs, PlacementSpec spec) {}

    @Property(tries = 400)
    void everyRankOnceNoVmOverItsVcpusClassesSumToTheTotal(@ForAll("cases") Case c) {
        Placement p = Placer.place(c.scenario(), (int) c.procs().volume(), c.spec());
        assertThat(p.ranks()).isEqualTo(c.procs().volume());
        Map<String, Integer> perVm = new HashMap<>();
        p.vmOfRank().forEach(vm -> perVm.merge(vm, 1, Integer::sum));
        perVm.forEach((vm, n) -> assertThat(n).isLessThanOrEqualTo(c.scenario().vm(vm).orElseThrow().vcpus()));

        Dims grid = new Dims(c.procs().x() * 3 + 1, c.procs().y() * 2, c.procs().z() + 2);
        MessageAccounting acc = MessageAccounting.upwind(grid, c.procs(), p);
        int sum = acc.totals().values().stream().mapToInt(MessageAccounting.Total::messages).sum();
        long bytes = acc.totals().values().stream().mapToLong(MessageAccounting.Total::bytes).sum();
        assertThat(sum).isEqualTo(acc.messages().size());
        assertThat(bytes).isEqualTo(acc.totalBytes());
        // Upwind, inflow boundaries: (p_d - 1) * (product of the other two) messages along each axis.
        Dims d = c.procs();
        long expected = (long) (d.x() - 1) * d.y() * d.z() + (long) d.x() * (d.y() - 1) * d.z() + (long) d.x() * d.y() * (d.z() - 1);
        assertThat(acc.messages()).hasSize((int) expected);
        for (Message m : acc.messages()) {
            MessageClass want = p.vm(m.from()).equals(p.vm(m.to())) ? MessageClass.INTRA_VM
                    : p.host(m.from()).equals(p.host(m.to())) ? MessageClass.INTER_VM : MessageClass.INTER_HOST;
            assertThat(m.type()).isEqualTo(want);
        }
    }

    @Property(tries = 200)
    void interSendsEveryOneDimensionalMessageAcrossHostsWhenThereIsRoom(@ForAll("twoHostCases") Case c) {
        // With two equal hosts and ranks <= all slots, inter alternates hosts rank by rank.
        Placement p = Placer.place(c.scenario(), (int) c.procs().volume(), new PlacementSpec.Inter());
        for (int r = 1; r < p.ranks(); r++) assertThat(p.host(r)).isNotEqualTo(p.host(r - 1));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Scenario> scenarios = Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 4).list().ofMinSize(4).ofMaxSize(4),
                Arbitraries.integers().between(1, 4).list().ofMinSize(16).ofMaxSize(16))
                .as(PlacementPropertiesTest::scenario);
        return scenarios.flatMap(s -> grids(s.totalVcpus()).flatMap(g -> specs().map(spec -> new Case(s, g, spec))));
    }

    @Provide
    Arbitrary<Case> twoHostCases() {
        return Arbitraries.integers().between(1, 4).flatMap(vms -> Arbitraries.integers().between(1, 3).flatMap(vcpus -> {
            Scenario s = scenario(2, List.of(vms, vms, 1, 1), List.of(vcpus, vcpus, vcpus, vcpus, vcpus, vcpus, vcpus, vcpus,
                    vcpus, vcpus, vcpus, vcpus, vcpus, vcpus, vcpus, vcpus));
            return Arbitraries.integers().between(1, s.totalVcpus()).map(n -> new Case(s, new Dims(n, 1, 1), new PlacementSpec.Inter()));
        }));
    }

    private static Arbitrary<Dims> grids(int maxRanks) {
        return Arbitraries.integers().between(1, maxRanks).flatMap(n -> {
            List<Dims> shapes = new ArrayList<>();
            for (int x = 1; x <= n; x++) {
                for (int y = 1; x * y <= n; y++) {
                    if (n % (x * y) == 0) shapes.add(new Dims(x, y, n / (x * y)));
                }
            }
            return Arbitraries.of(shapes);
        });
    }

    private static Arbitrary<PlacementSpec> specs() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new PlacementSpec.Inter()), Arbitraries.just(new PlacementSpec.Intra()),
                Arbitraries.integers().between(0, 5).map(PlacementSpec.Hybrid::new),
                Arbitraries.just(new PlacementSpec.RoundRobin()), Arbitraries.just(new PlacementSpec.Block())));
    }

    /** {@code hosts} hosts; host i has {@code vmsPerHost.get(i)} VMs with vCPU counts from {@code vcpus}. */
    static Scenario scenario(int hosts, List<Integer> vmsPerHost, List<Integer> vcpus) {
        List<Host> hs = new ArrayList<>();
        List<Vm> vms = new ArrayList<>();
        int k = 0;
        for (int h = 0; h < hosts; h++) {
            int cores = 0;
            for (int v = 0; v < vmsPerHost.get(h); v++) {
                int n = vcpus.get(k % vcpus.size());
                vms.add(new Vm("vm" + k++, "host" + h, n, ByteSize.parse("1GiB"), null));
                cores += n;
            }
            hs.add(new Host("host" + h, cores, new Nic(Nic.DEFAULT_LINE_RATE, 8), null));
        }
        Scenario s = new Scenario("random", "", DataPath.BRIDGED, 0, Scenario.DEFAULT_NETWORK, hs, vms);
        assertThat(ScenarioValidator.validate(s, SourceMap.none("random"))).isEmpty();
        return s.resolved();
    }
}
