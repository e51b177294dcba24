package org.iovlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.iovlab.report.Crossover.Outcome;
import org.junit.jupiter.api.Test;

class CrossoverTest {
    private static double[] p(double share, double speedup) {
        return new double[] {share, speedup};
    }

    @Test
    void interpolatesLinearlyBetweenTheNeighboursAroundOne() {
        Crossover c = Crossover.of(List.of(p(1.0, 2.0), p(0.1, 0.8), p(0.3, 1.2)));
        assertThat(c.outcome()).isEqualTo(Outcome.AT);
        assertThat(c.share()).isCloseTo(0.2, within(1e-12));
        assertThat(c.crossings()).isEqualTo(1);
        assertThat(c.describe()).isEqualTo("IOV beats BRIDGED above 20% inter-host messages");
    }

    @Test
    void aPointExactlyAtOneIsNotAWinAndPinsTheCrossing() {
        assertThat(Crossover.of(List.of(p(0.2, 1.0), p(0.6, 1.5))).share()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void pointsAtTheSameShareAreAveraged() {
        Crossover c = Crossover.of(List.of(p(0.0, 0.6), p(0.5, 0.7), p(0.5, 1.1), p(1.0, 1.6)));
        // at 0.5 the mean is 0.9: the crossing lies between 0.5 (0.9) and 1.0 (1.6)
        assertThat(c.share()).isCloseTo(0.5 + 0.1 * 0.5 / 0.7, within(1e-12));
    }

    @Test
    void noCrossingSaysAlwaysOrNever() {
        assertThat(Crossover.of(List.of(p(0.1, 1.1), p(0.9, 2.0))).describe()).isEqualTo("IOV wins at every share measured");
        assertThat(Crossover.of(List.of(p(0.1, 0.5), p(0.9, 0.99))).describe()).isEqualTo("IOV never wins at the shares measured");
        assertThat(Crossover.of(List.of()).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void aNonMonotonicSeriesIsSaidToBeSo() {
        Crossover c = Crossover.of(List.of(p(0.1, 1.2), p(0.4, 0.9), p(0.8, 1.3)));
        assertThat(c.outcome()).isEqualTo(Outcome.AT);
        assertThat(c.share()).isCloseTo(0.4 + 0.1 * 0.4 / 0.4, within(1e-12));
        assertThat(c.describe()).contains("crosses 1 2 times: not monotonic");
        assertThat(Crossover.of(List.of(p(0.1, 1.2), p(0.8, 0.9))).outcome()).isEqualTo(Outcome.ONLY_BELOW);
    }
}
