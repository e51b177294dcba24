package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairModeTest {
    private static final List<PairMode.Placed> PAPER = List.of(
            placed("node1", "host0"), placed("node2", "host0"), placed("node3", "host0"), placed("node4", "host0"),
            placed("node5", "host1"), placed("node6", "host1"), placed("node7", "host1"), placed("node8", "host1"));

    private static PairMode.Placed placed(String node, String host) {
        return new PairMode.Placed(Endpoint.local(node), host);
    }

    @Test
    void crossIsThePapersPairing() {
        assertThat(PairMode.CROSS.pairs(PAPER)).extracting(StreamBench.Pair::label)
                .containsExactly("node1->node5", "node2->node6", "node3->node7", "node4->node8");
    }

    @Test
    void sameHostPairsNeighboursOnEachHost() {
        assertThat(PairMode.SAME_HOST.pairs(PAPER)).extracting(StreamBench.Pair::label)
                .containsExactly("node1->node2", "node3->node4", "node5->node6", "node7->node8");
    }

    @Test
    void allToAllIsEveryOrderedPair() {
        assertThat(PairMode.ALL_TO_ALL.pairs(PAPER)).hasSize(56);
    }

    @Test
    void modesWithoutPairsSaySo() {
        assertThatThrownBy(() -> PairMode.CROSS.pairs(List.of(placed("a", "h")))).hasMessageContaining("need two hosts");
        assertThatThrownBy(() -> PairMode.parse("ring")).hasMessageContaining("expected cross, same-host or all-to-all");
    }
}
