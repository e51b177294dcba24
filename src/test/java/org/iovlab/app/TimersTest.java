package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.iovlab.placement.Dims;
import org.junit.jupiter.api.Test;

/** Every rank's timers reach rank 0 and land in the report, per step and in total. */
class TimersTest {

    @Test
    void timersArePerRankAndPerStep() {
        AdvectConfig c = new AdvectConfig(Dims.parse("24x20x18"), Dims.parse("3x1x1"), 4, Scheme.UPWIND, true, 0.8);
        AdvectResult r = ThreadComm.run(3, comm -> AdvectResult.run(comm, c, Stencil.best())).get(0).orElseThrow();
        assertThat(r.cells()).containsExactly(8L * 20 * 18, 8L * 20 * 18, 8L * 20 * 18);
        for (int rank = 0; rank < 3; rank++) {
            Timers t = r.timers().get(rank);
            assertThat(t.steps()).isEqualTo(4);
            for (int s = 0; s < 4; s++) assertThat(t.nanos(Timers.COMPUTE, s)).isPositive();
            // Rank 0 only sends (pack), rank 2 only receives (unpack), rank 1 both.
            assertThat(t.total(Timers.PACK) > 0).isEqualTo(rank < 2);
            assertThat(t.total(Timers.UNPACK) > 0).isEqualTo(rank > 0);
            assertThat(t.total(Timers.OVERLAPPED)).isPositive().isLessThanOrEqualTo(t.total(Timers.COMPUTE));
        }
        Map<String, Object> m = AdvectReport.toMap(r, Map.of("comm", "test"));
        List<?> ranks = (List<?>) m.get("ranks");
        assertThat(ranks).hasSize(3);
        Map<?, ?> perStep = (Map<?, ?>) ((Map<?, ?>) ranks.get(1)).get("perStep");
        assertThat(List.copyOf(perStep.keySet())).isEqualTo(List.of("computeSeconds", "packSeconds", "unpackSeconds", "waitSeconds", "overlappedComputeSeconds"));
        assertThat((double[]) perStep.get("computeSeconds")).hasSize(4);
        assertThat(((Map<?, ?>) m.get("overlap")).get("enabled")).isEqualTo(true);
        assertThat(AdvectReport.json(m)).contains("\"fieldChecksum\" : \"" + r.summary().checksumHex() + "\"");
    }
}
