package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.iovlab.placement.Dims;
import org.junit.jupiter.api.Test;

/** The Vector API kernels give the scalar kernels' bits; the serial step loop allocates nothing. */
class StencilTest {

    static double[] random(Block b, long seed) {
        Random r = new Random(seed);
        double[] u = b.newArray();
        for (int i = 0; i < u.length; i++) u[i] = r.nextDouble() * 2 - 0.5;
        return u;
    }

    @Test
    void vectorKernelsEqualScalarBitForBit() {
        Stencil vector = Stencil.best(), scalar = new ScalarStencil();
        assertThat(vector.name()).as("surefire runs with --add-modules jdk.incubator.vector").startsWith("vector-");
        Block b = new Block(7, 5, 37, 0, 0, 0); // 37 = lanes * k + tail for 2, 4 and 8 lanes
        Region[] regions = {b.interior(), new Region(1, 6, 0, 5, 3, 36), new Region(2, 3, 1, 2, 0, 1)};
        double[] u = random(b, 42);
        for (Region r : regions) {
            double[] a = b.newArray(), c = b.newArray();
            vector.upwind(u, a, b, r, 0.41, 0.23, 0.17);
            scalar.upwind(u, c, b, r, 0.41, 0.23, 0.17);
            assertThat(a).as("upwind %s", r).isEqualTo(c);
            for (int dim = 0; dim < 3; dim++) {
                vector.laxWendroff(u, a, b, r, dim, 0.37);
                scalar.laxWendroff(u, c, b, r, dim, 0.37);
                assertThat(a).as("lw dim %d %s", dim, r).isEqualTo(c);
            }
        }
    }

    @Test
    void upwindMatchesItsFormula() {
        Block b = new Block(2, 2, 2, 0, 0, 0);
        double[] u = random(b, 7), out = b.newArray();
        new ScalarStencil().upwind(u, out, b, b.interior(), 0.5, 0.25, 0.125);
        int c = b.index(1, 1, 1);
        double v = u[c];
        assertThat(out[c]).isEqualTo(v - 0.5 * (v - u[b.index(0, 1, 1)]) - 0.25 * (v - u[b.index(1, 0, 1)]) - 0.125 * (v - u[b.index(1, 1, 0)]));
    }

    @Test
    void serialStepsAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Scheme scheme : Scheme.values()) {
            long[] perRun = new long[2];
            for (int steps : new int[] {110, 1110}) {
                ThreadComm.run(1, comm -> {
                    Advection solver = new Advection(comm, new AdvectConfig(new Dims(16, 12, 10), new Dims(1, 1, 1), steps, scheme,
                            false, 0.8), new ScalarStencil());
                    long before = threads.getCurrentThreadAllocatedBytes();
                    solver.run();
                    perRun[steps == 110 ? 0 : 1] = threads.getCurrentThreadAllocatedBytes() - before;
                    return null;
                });
            }
            assertThat(perRun[1] - perRun[0]).as("%s: bytes allocated by 1000 more steps (one Region per step would be 40000)", scheme).isLessThan(1024);
        }
    }
}
