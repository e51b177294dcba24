package org.iovlab.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The paper's Figure 1 and its message counts, and the same shape on the local scenario. */
class PaperPlacementTest {
    private static final Scenario PAPER = Scenarios.load("paper").resolved();
    private static final Scenario LOCAL = Scenarios.load("local").resolved();

    private static MessageAccounting account(Scenario s, String pattern, String decomp) {
        Dims procs = Dims.parse(decomp);
        Placement p = Placer.place(s, (int) procs.volume(), PlacementSpec.parse(pattern));
        return MessageAccounting.upwind(new Dims(64, 64, 64), procs, p);
    }

    @ParameterizedTest(name = "paper {0} along {1}: {2}/15 inter-host")
    @CsvSource({
            "inter, 16x1x1, 15", "inter, 1x16x1, 15", "inter, 1x1x16, 15",
            "intra, 16x1x1, 1", "intra, 1x16x1, 1", "intra, 1x1x16, 1",
            "hybrid, 16x1x1, 7", "hybrid, 1x16x1, 7", "hybrid, 1x1x16, 7"})
    void paperCounts(String pattern, String decomp, int interHost) {
        MessageAccounting acc = account(PAPER, pattern, decomp);
        assertThat(acc.messages()).hasSize(15);
        assertThat(acc.count(MessageClass.INTER_HOST)).isEqualTo(interHost);
    }

    @ParameterizedTest(name = "local {0} along {1}: {2}/7 inter-host")
    @CsvSource({
            "inter, 8x1x1, 7", "inter, 1x8x1, 7", "inter, 1x1x8, 7",
            "intra, 8x1x1, 1", "intra, 1x8x1, 1", "intra, 1x1x8, 1",
            "hybrid, 8x1x1, 3", "hybrid, 1x8x1, 3", "hybrid, 1x1x8, 3"})
    void localCounts(String pattern, String decomp, int interHost) {
        MessageAccounting acc = account(LOCAL, pattern, decomp);
        assertThat(acc.messages()).hasSize(7);
        assertThat(acc.count(MessageClass.INTER_HOST)).isEqualTo(interHost);
    }

    @Test
    void crossingsGiveEveryShareBetweenIntraAndInter() {
        for (String axis : new String[] {"16x1x1", "1x16x1", "1x1x16"}) {
            for (int k = 1; k <= 15; k++) {
                assertThat(account(PAPER, "crossings:" + k, axis).count(MessageClass.INTER_HOST)).as("paper crossings:%d along %s", k, axis).isEqualTo(k);
            }
        }
        for (int k = 1; k <= 7; k++) assertThat(account(LOCAL, "crossings:" + k, "8x1x1").count(MessageClass.INTER_HOST)).isEqualTo(k);
        // The two ends are the paper's own: crossings:1 is intra, crossings:15 crosses at every message as inter does.
        assertThat(Placer.place(PAPER, 16, PlacementSpec.parse("crossings:1")).vmOfRank())
                .isEqualTo(Placer.place(PAPER, 16, new PlacementSpec.Intra()).vmOfRank());
    }

    @ParameterizedTest(name = "{0} on {1} ranks: {2}")
    @CsvSource(delimiter = ';', value = {
            "crossings:8; 8; crossings:8 needs 9 runs of ranks on alternating hosts; 8 ranks on 2 host(s) cannot give that",
            "crossings:0; 8; crossings:0 uses 1 host(s) with 4 vCPUs, too few for 8 ranks",
            "crossings:x; 8; crossings:K needs a count K >= 0, got 'crossings:x'"})
    void impossibleCrossingsAreRefused(String pattern, int ranks, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Placer.place(LOCAL, ranks, PlacementSpec.parse(pattern)))
                .hasMessageContaining(message);
    }

    @Test
    void interFollowsThePapersExample() {
        // "P2 communicates with P1 and P3: we place P2 on node5 in Host1 and P1,3 on node1,2 in Host0."
        Placement p = Placer.place(PAPER, 16, new PlacementSpec.Inter());
        assertThat(p.vmOfRank().subList(0, 4)).containsExactly("node1", "node5", "node2", "node6");
    }

    @Test
    void intraFillsOneHostThenTheNext() {
        // "We place P1 ... P8 on node1 ... node4 in Host0 and P9 ... P16 on node5 ... node8 in Host1."
        Placement p = Placer.place(PAPER, 16, new PlacementSpec.Intra());
        assertThat(p.vmOfRank()).containsExactly("node1", "node1", "node2", "node2", "node3", "node3", "node4", "node4",
                "node5", "node5", "node6", "node6", "node7", "node7", "node8", "node8");
        MessageAccounting acc = MessageAccounting.upwind(new Dims(512, 512, 512), new Dims(16, 1, 1), p);
        Message crossing = acc.messages().stream().filter(m -> m.type() == MessageClass.INTER_HOST).findFirst().orElseThrow();
        assertThat(p.vm(crossing.from()).name()).isEqualTo("node4");
        assertThat(p.vm(crossing.to()).name()).isEqualTo("node5");
    }

    @Test
    void hybridPutsBlocksOfTwoOnAlternatingHosts() {
        Placement p = Placer.place(PAPER, 16, new PlacementSpec.Hybrid(0));
        assertThat(p.vmOfRank().subList(0, 6)).containsExactly("node1", "node1", "node5", "node5", "node2", "node2");
        assertThat(Placer.place(PAPER, 16, new PlacementSpec.Hybrid(4)).vmOfRank().subList(0, 6))
                .containsExactly("node1", "node1", "node2", "node2", "node5", "node5");
    }

    @Test
    void messageSizesFollowTheGridAndContiguityTheAxis() {
        MessageAccounting x = account(PAPER, "hybrid", "16x1x1");
        assertThat(x.messages()).allSatisfy(m -> {
            assertThat(m.bytes()).isEqualTo(64L * 64 * 8);
            assertThat(m.contiguous()).isTrue();
        });
        assertThat(account(PAPER, "hybrid", "1x16x1").messages()).allSatisfy(m -> assertThat(m.contiguous()).isFalse());
        // 512^3 grid along X: each plane is 512*512 doubles = 2 MiB; 15 of them per step.
        Placement p = Placer.place(PAPER, 16, new PlacementSpec.Hybrid(0));
        assertThat(MessageAccounting.upwind(new Dims(512, 512, 512), new Dims(16, 1, 1), p).totalBytes()).isEqualTo(15L << 21);
    }

    @Test
    void unevenSplitsGiveUnevenPlanes() {
        Placement p = Placer.place(LOCAL, 4, new PlacementSpec.Block());
        MessageAccounting acc = MessageAccounting.upwind(new Dims(10, 7, 5), new Dims(1, 2, 2), p);
        // Y split 7 -> 4+3, Z split 5 -> 3+2. Rank (0,1,0) gets an XZ plane of 10x3 from (0,0,0).
        assertThat(acc.messages()).extracting(Message::from, Message::to, Message::bytes).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 1, 10L * 3 * 8),
                org.assertj.core.groups.Tuple.tuple(0, 2, 10L * 4 * 8),
                org.assertj.core.groups.Tuple.tuple(2, 3, 10L * 2 * 8),
                org.assertj.core.groups.Tuple.tuple(1, 3, 10L * 3 * 8));
    }
}
