package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.iovlab.placement.Dims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The L2 error against the exact translated pulse falls at the scheme's order as the grid is
 * refined at a fixed Courant number and final time (t = 1/8: steps = N/4 at cfl 0.875). Upwind approaches order 1 from below (0.90, then 0.95 here).
 */
class ConvergenceTest {

    static double error(int n, Scheme scheme) {
        AdvectConfig c = new AdvectConfig(new Dims(n, n, n), new Dims(1, 1, 1), n / 4, scheme, false, 0.875);
        return ThreadComm.run(1, comm -> AdvectResult.run(comm, c, Stencil.best())).get(0).orElseThrow().summary().l2Error();
    }

    @ParameterizedTest(name = "{0}: order between {1} and {2}")
    @CsvSource({"UPWIND, 0.9, 1.1", "LAX_WENDROFF, 1.9, 2.1"})
    void errorFallsAtTheSchemesOrder(Scheme scheme, double low, double high) {
        double e32 = error(32, scheme), e64 = error(64, scheme), e128 = error(128, scheme);
        double order1 = Math.log(e32 / e64) / Math.log(2), order2 = Math.log(e64 / e128) / Math.log(2);
        System.out.printf("%s L2 error: N=32 %.4e, N=64 %.4e, N=128 %.4e; observed order %.3f then %.3f%n",
                scheme, e32, e64, e128, order1, order2);
        assertThat(order2).isBetween(low, high);
        assertThat(order1).isBetween(low - 0.1, high);
    }
}
