package org.iovlab.app;

import org.iovlab.comm.Comm;

/**
 * Global quantities of a field: total mass, L2 error against the exact translated pulse, and the
 * {@code fieldChecksum}.
 *
 * <p>The checksum is a hash of the values in global index order that no decomposition can
 * change: the sum modulo 2^64 of {@code mix(g, bits(u_g))} over all cells, {@code g} the global
 * row-major index (Z fastest). Addition modulo 2^64 is exact and commutative, so any split of the
 * cells over ranks gives the same sum. Ranks combine their partial sums with a floating-point
 * allreduce that stays exact: each sum is cut into four 16-bit pieces, and a sum of fewer than
 * 2^37 such pieces fits a double's 53 bits whatever the order of addition.
 * Mass and L2 error are ordinary floating-point sums; their last bits may differ between
 * decompositions (they are diagnostics, not the equality check).
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** {@code mass}: the integral of u over the unit cube; {@code l2Error}: root mean square of (u − exact). */
    public record Summary(long fieldChecksum, double mass, double l2Error) {
        public String checksumHex() {
            return String.format("%016x", fieldChecksum);
        }
    }

    public static Summary of(Comm comm, Physics physics, Block b, double[] u, double time) {
        double[] fx = physics.profile(0, b.ox(), b.nx(), time);
        double[] fy = physics.profile(1, b.oy(), b.ny(), time);
        double[] fz = physics.profile(2, b.oz(), b.nz(), time);
        long gy = physics.grid().y(), gz = physics.grid().z();
        long hash = 0;
        double mass = 0, err2 = 0;
        for (int i = 0; i < b.nx(); i++) {
            for (int j = 0; j < b.ny(); j++) {
                long g = ((b.ox() + i) * gy + b.oy() + j) * gz + b.oz();
                for (int k = 0; k < b.nz(); k++) {
                    double value = u[b.index(i, j, k)];
                    hash += mix(g + k, Double.doubleToRawLongBits(value));
                    mass += value;
                    double e = value - fx[i] * fy[j] * fz[k];
                    err2 += e * e;
                }
            }
        }
        double[] sums = {mass, err2, hash & 0xFFFF, (hash >>> 16) & 0xFFFF, (hash >>> 32) & 0xFFFF, hash >>> 48};
        comm.allreduce(sums, Comm.Op.SUM);
        long total = 0;
        for (int p = 0; p < 4; p++) total += ((long) sums[2 + p]) << (16 * p);
        double cells = (double) physics.grid().volume();
        return new Summary(total, sums[0] / cells, Math.sqrt(sums[1] / cells));
    }

    /** A 64-bit mix of a cell's global index and value bits (SplitMix64's finaliser, twice). */
    static long mix(long index, long bits) {
        return splitmix(bits ^ splitmix(index + 0x9E3779B97F4A7C15L));
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
