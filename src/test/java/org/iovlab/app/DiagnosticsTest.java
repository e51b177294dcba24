package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iovlab.placement.Decomposition;
import org.iovlab.placement.Dims;
import org.junit.jupiter.api.Test;

/** The field checksum depends on every value and its global position, not on the split. */
class DiagnosticsTest {
    private static final Dims GRID = Dims.parse("7x5x6");

    /** The checksum of the field u_g = g (global row-major index), split as {@code decomp}; {@code flip} changes one cell's last bit. */
    static long checksum(String decomp, long flip) {
        Decomposition dec = new Decomposition(GRID, Dims.parse(decomp));
        Physics p = Physics.of(GRID, 0.5);
        List<Long> sums = ThreadComm.run((int) dec.procs().volume(), comm -> {
            Block b = Block.of(dec, comm.rank());
            double[] u = b.newArray();
            for (int i = 0; i < b.nx(); i++)
                for (int j = 0; j < b.ny(); j++)
                    for (int k = 0; k < b.nz(); k++) {
                        long g = ((long) (b.ox() + i) * GRID.y() + b.oy() + j) * GRID.z() + b.oz() + k;
                        double v = g;
                        u[b.index(i, j, k)] = g == flip ? Math.nextUp(v) : v;
                    }
            return Diagnostics.of(comm, p, b, u, 0).fieldChecksum();
        });
        assertThat(sums).as("every rank gets the same checksum").containsOnly(sums.get(0));
        return sums.get(0);
    }

    @Test
    void checksumIgnoresTheDecompositionButSeesEveryBit() {
        long serial = checksum("1x1x1", -1);
        assertThat(checksum("3x2x1", -1)).isEqualTo(serial);
        assertThat(checksum("2x2x3", -1)).isEqualTo(serial);
        assertThat(checksum("7x1x1", -1)).isEqualTo(serial);
        assertThat(checksum("1x1x1", 17)).isNotEqualTo(serial);
        assertThat(checksum("2x2x3", 17)).isEqualTo(checksum("1x1x1", 17));
    }

    @Test
    void swappingTwoValuesChangesTheChecksum() {
        // Position matters: mix(g, bits) differs from mix(g', bits) for the same multiset of values.
        assertThat(Diagnostics.mix(1, 2) + Diagnostics.mix(2, 1)).isNotEqualTo(Diagnostics.mix(1, 1) + Diagnostics.mix(2, 2));
    }

    @Test
    void initialMassIsThePulsesIntegral() {
        int n = 64;
        AdvectConfig c = new AdvectConfig(new Dims(n, n, n), new Dims(1, 1, 1), 1, Scheme.UPWIND, false, 0.5);
        double mass = ThreadComm.run(1, comm -> AdvectResult.run(comm, c, Stencil.best())).get(0).orElseThrow().summary().mass();
        double oneD = Physics.SIGMA * Math.sqrt(2 * Math.PI); // less than 0.5% of the pulse lies outside the cube
        assertThat(mass).isCloseTo(oneD * oneD * oneD, org.assertj.core.api.Assertions.within(1e-4));
    }
}
