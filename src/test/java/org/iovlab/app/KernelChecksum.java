package org.iovlab.app;

/**
 * Prints the FNV-1a hash of the output array of one upwind sweep, as
 * {@code scripts/bench/kernel-upwind.c} does: equal hashes show the Java kernels and the C loop
 * compute the same bits. Usage: {@code KernelChecksum NX NY NZ}.
 */
public final class KernelChecksum {
    static final double CX = 0.4, CY = 0.2, CZ = 0.1;

    private KernelChecksum() {}

    /** The benchmark data: {@code u[c] = (c mod 1000) / 1000}. */
    static void fill(double[] u) {
        for (int c = 0; c < u.length; c++) u[c] = (c % 1000) / 1000.0;
    }

    static long fnv(double[] a) {
        long h = 0xcbf29ce484222325L;
        for (double d : a) h = (h ^ Double.doubleToRawLongBits(d)) * 0x100000001b3L;
        return h;
    }

    public static void main(String[] args) {
        Block b = new Block(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 0, 0, 0);
        double[] u = b.newArray();
        fill(u);
        for (Stencil s : new Stencil[] {Stencil.best(), new ScalarStencil()}) {
            double[] out = b.newArray();
            s.upwind(u, out, b, b.interior(), CX, CY, CZ);
            System.out.printf("%s checksum=%016x%n", s.name(), fnv(out));
        }
    }
}
