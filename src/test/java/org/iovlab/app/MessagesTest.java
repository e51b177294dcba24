package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.placement.Dims;
import org.iovlab.placement.MessageAccounting;
import org.iovlab.placement.Placer;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.scenario.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The halo messages the solver really sends per step are those MessageAccounting counts. */
class MessagesTest {
    private static final Dims GRID = Dims.parse("24x20x18");

    /** {from, to, axis, values} of every halo message sent in {@code steps} steps, sorted. */
    static List<List<Integer>> sent(Dims procs, Scheme scheme, int steps) {
        AdvectConfig c = new AdvectConfig(GRID, procs, steps, scheme, false, AdvectConfig.DEFAULT_CFL);
        List<List<List<Integer>>> perRank = ThreadComm.run(c.ranks(), comm -> {
            AdvectResult.run(comm, c, Stencil.best());
            List<List<Integer>> mine = new ArrayList<>();
            for (int[] s : comm.sent) if (s[1] >= 100 && s[1] < 300) mine.add(List.of(comm.rank(), s[0], s[1] % 100, s[2]));
            return mine;
        });
        return perRank.stream().flatMap(List::stream).sorted(MessagesTest::compare).toList();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equals(b.get(i))) return Integer.compare(a.get(i), b.get(i));
        return 0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"4x1x1", "1x4x1", "1x1x4", "2x2x2", "3x2x2", "16x1x1"})
    void upwindSendsExactlyTheAccountedMessages(String decomp) {
        Dims procs = Dims.parse(decomp);
        var placement = Placer.place(Scenarios.load("paper"), (int) procs.volume(), PlacementSpec.parse("inter"));
        List<List<Integer>> expected = MessageAccounting.upwind(GRID, procs, placement).messages().stream()
                .map(m -> List.of(m.from(), m.to(), m.dim(), (int) (m.bytes() / MessageAccounting.BYTES_PER_VALUE)))
                .sorted(MessagesTest::compare).toList();
        assertThat(sent(procs, Scheme.UPWIND, 1)).isEqualTo(expected);
        if (procs.y() == 1 && procs.z() == 1) assertThat(expected).hasSize((int) procs.x() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4x1x1", "2x2x2"})
    void laxWendroffExchangesBothWays(String decomp) {
        Dims procs = Dims.parse(decomp);
        var placement = Placer.place(Scenarios.load("paper"), (int) procs.volume(), PlacementSpec.parse("inter"));
        var upwind = MessageAccounting.upwind(GRID, procs, placement).messages();
        List<List<Integer>> sent = sent(procs, Scheme.LAX_WENDROFF, 1);
        assertThat(sent).hasSize(2 * upwind.size());
        for (var m : upwind) {
            int values = (int) (m.bytes() / MessageAccounting.BYTES_PER_VALUE);
            assertThat(sent).contains(List.of(m.from(), m.to(), m.dim(), values), List.of(m.to(), m.from(), m.dim(), values));
        }
    }
}
